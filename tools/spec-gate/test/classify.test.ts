// The gate's rules, one spec mutation each, over a small real bundle (the three-operation release).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classify, type Finding, type JsonObject } from '../src/index.ts';
import { copy, move, push, remove, set } from './mutate.ts';

const base = JSON.parse(
  readFileSync(fileURLToPath(new URL('fixtures/base.openapi.json', import.meta.url)), 'utf8'),
) as JsonObject;

type Doc = JsonObject;

const DELETE = '/?Action=OpenDeleteResource&Version=2022-01-01';
const LIST = '/?Action=QueryOpenGetResource&Version=2022-01-01';
const USABLE = '/?Action=QueryUsableResourceV2&Version=2022-01-01';

const S = (name: string, ...rest: (string | number)[]) => ['components', 'schemas', name, ...rest];

interface Mutation {
  /** What changes, in words. */
  name: string;
  mutate: (doc: Doc) => void;
  breaking: boolean;
  /** A rule that must be among the findings. */
  rule: string;
  /** The Action the rule's finding must name. */
  action?: string;
}

const MUTATIONS: Mutation[] = [
  {
    name: 'an Action removed',
    mutate: (d) => remove(d, ['paths', DELETE]),
    breaking: true,
    rule: 'action-removed',
    action: 'OpenDeleteResource',
  },
  {
    name: 'an Action renamed (same operationId, new path key)',
    mutate: (d) => move(d, ['paths', DELETE], ['paths', '/?Action=DeleteResource&Version=2022-01-01']),
    breaking: true,
    rule: 'operation-renamed',
    action: 'OpenDeleteResource',
  },
  {
    name: 'a Version replaced by another',
    mutate: (d) => move(d, ['paths', USABLE], ['paths', '/?Action=QueryUsableResourceV2&Version=2024-01-01']),
    breaking: true,
    rule: 'version-removed',
  },
  {
    name: 'a new Version beside the old',
    mutate: (d) => {
      const key = '/?Action=QueryUsableResourceV2&Version=2024-01-01';
      copy(d, ['paths', USABLE], ['paths', key]);
      set(d, ['paths', key, 'get', 'operationId'], 'QueryUsableResourceV2_20240101');
    },
    breaking: false,
    rule: 'version-added',
  },
  {
    name: 'a new Version taking the bare operationId from the released one',
    mutate: (d) => {
      const key = '/?Action=QueryUsableResourceV2&Version=2024-01-01';
      copy(d, ['paths', USABLE], ['paths', key]);
      set(d, ['paths', USABLE, 'get', 'operationId'], 'QueryUsableResourceV2_20220101');
    },
    breaking: true,
    rule: 'operation-id-changed',
    action: 'QueryUsableResourceV2',
  },
  {
    name: 'a new Action',
    mutate: (d) => {
      const key = '/?Action=OpenDeleteResources&Version=2022-01-01';
      copy(d, ['paths', DELETE], ['paths', key]);
      set(d, ['paths', key, 'post', 'operationId'], 'OpenDeleteResources');
    },
    breaking: false,
    rule: 'action-added',
    action: 'OpenDeleteResources',
  },
  {
    name: 'the HTTP method changed',
    // A GET carries no body (the spec model refuses one), so the body goes with the move.
    mutate: (d) => {
      move(d, ['paths', LIST, 'post'], ['paths', LIST, 'get']);
      remove(d, ['paths', LIST, 'get', 'requestBody']);
    },
    breaking: true,
    rule: 'method-changed',
    action: 'QueryOpenGetResource',
  },
  {
    name: 'the body encoding changed (JSON to form)',
    mutate: (d) => {
      const content = ['paths', DELETE, 'post', 'requestBody', 'content'];
      move(d, [...content, 'application/json'], [...content, 'application/x-www-form-urlencoded']);
    },
    breaking: true,
    rule: 'encoding-changed',
  },
  {
    name: 'a required request parameter added',
    mutate: (d) => {
      set(d, S('OpenDeleteResourceRequest', 'properties', 'Reason'), { type: 'string' });
      push(d, S('OpenDeleteResourceRequest', 'required'), 'Reason');
    },
    breaking: true,
    rule: 'request-parameter-added-required',
  },
  {
    name: 'an optional request parameter added',
    mutate: (d) => set(d, S('OpenDeleteResourceRequest', 'properties', 'Reason'), { type: 'string' }),
    breaking: false,
    rule: 'request-parameter-added',
  },
  {
    name: 'a request parameter made required',
    mutate: (d) => push(d, S('QueryOpenGetResourceRequest', 'required'), 'Keyword'),
    breaking: true,
    rule: 'request-parameter-made-required',
  },
  {
    name: 'a request parameter made optional',
    mutate: (d) => set(d, S('QueryOpenGetResourceRequest', 'required'), []),
    breaking: false,
    rule: 'request-parameter-made-optional',
  },
  {
    name: 'a request parameter removed',
    mutate: (d) => remove(d, S('QueryOpenGetResourceRequest', 'properties', 'Keyword')),
    breaking: true,
    rule: 'request-parameter-removed',
  },
  {
    name: 'a required header parameter added (the clients never send one; callers from the spec must)',
    mutate: (d) =>
      push(d, ['paths', USABLE, 'get', 'parameters'], {
        name: 'X-Tenant',
        in: 'header',
        required: true,
        schema: { type: 'string' },
      }),
    breaking: true,
    rule: 'request-parameter-added-required',
    action: 'QueryUsableResourceV2',
  },
  {
    name: 'an optional cookie parameter added',
    mutate: (d) =>
      push(d, ['paths', USABLE, 'get', 'parameters'], {
        name: 'session',
        in: 'cookie',
        schema: { type: 'string' },
      }),
    breaking: false,
    rule: 'request-parameter-added',
  },
  {
    name: 'a request parameter moved from the body to the query',
    mutate: (d) => {
      remove(d, ['paths', DELETE, 'post', 'requestBody']);
      set(
        d,
        ['paths', DELETE, 'post', 'parameters'],
        [
          {
            name: 'ResourceKey',
            in: 'query',
            required: true,
            schema: { $ref: '#/components/schemas/ResourceKey' },
            example: 'k',
          },
        ],
      );
    },
    breaking: true,
    rule: 'request-parameter-moved',
  },
  {
    name: 'a request parameter type narrowed (string to integer)',
    mutate: (d) => set(d, S('QueryOpenGetResourceRequest', 'properties', 'Keyword', 'type'), 'integer'),
    breaking: true,
    rule: 'request-narrowed',
  },
  {
    name: 'a request parameter type widened (integer to integer or string)',
    mutate: (d) =>
      set(d, S('QueryOpenGetResourceRequest', 'properties', 'Offset', 'type'), ['integer', 'string']),
    breaking: false,
    rule: 'request-widened',
  },
  {
    name: 'an enum value removed from a request parameter',
    mutate: (d) =>
      set(d, ['paths', USABLE, 'get', 'parameters', 0, 'schema'], { type: 'integer', enum: [0, 1] }),
    breaking: true,
    rule: 'request-narrowed',
    action: 'QueryUsableResourceV2',
  },
  {
    name: 'an enum value added to a request parameter',
    mutate: (d) =>
      set(d, ['paths', USABLE, 'get', 'parameters', 0, 'schema'], {
        type: 'integer',
        format: 'int32',
        enum: [0, 1, 2, 3],
      }),
    breaking: false,
    rule: 'request-widened',
  },
  {
    name: 'a tighter maximum',
    mutate: (d) => set(d, S('QueryOpenGetResourceRequest', 'properties', 'Limit', 'maximum'), 50),
    breaking: true,
    rule: 'request-narrowed',
  },
  {
    name: 'a looser maximum',
    mutate: (d) => set(d, S('QueryOpenGetResourceRequest', 'properties', 'Limit', 'maximum'), 500),
    breaking: false,
    rule: 'request-widened',
  },
  {
    name: 'a maxLength added',
    mutate: (d) => set(d, S('QueryOpenGetResourceRequest', 'properties', 'Keyword', 'maxLength'), 8),
    breaking: true,
    rule: 'request-narrowed',
  },
  {
    name: 'a pattern added',
    mutate: (d) => set(d, S('QueryOpenGetResourceRequest', 'properties', 'Keyword', 'pattern'), '^[a-z]+$'),
    breaking: true,
    rule: 'request-narrowed',
  },
  {
    name: 'a response field removed',
    mutate: (d) => remove(d, S('VoiceResource', 'properties', 'Name')),
    breaking: true,
    rule: 'response-field-removed',
  },
  {
    name: 'a response field made optional',
    mutate: (d) => set(d, S('QueryOpenGetResourceResult', 'required'), []),
    breaking: true,
    rule: 'response-field-made-optional',
  },
  {
    name: 'a response field type changed',
    mutate: (d) => set(d, S('QueryOpenGetResourceResult', 'properties', 'Total'), { type: 'string' }),
    breaking: true,
    rule: 'response-type-changed',
  },
  {
    name: 'a field of the error body removed',
    mutate: (d) => remove(d, S('ErrorDetail', 'properties', 'CodeN')),
    breaking: true,
    rule: 'response-field-removed',
  },
  {
    name: 'a field added to the error body',
    mutate: (d) => set(d, S('ErrorDetail', 'properties', 'Hint'), { type: 'string' }),
    breaking: false,
    rule: 'response-field-added',
  },
  {
    name: 'a response field added',
    mutate: (d) => set(d, S('VoiceResource', 'properties', 'Size'), { type: 'integer' }),
    breaking: false,
    rule: 'response-field-added',
  },
  {
    name: 'the signing service changed (root x-volc-signing)',
    mutate: (d) => set(d, ['x-volc-signing', 'service'], 'vms2'),
    breaking: true,
    rule: 'security-changed',
  },
  {
    name: 'the signing region changed (root x-volc-signing)',
    mutate: (d) => set(d, ['x-volc-signing', 'region'], 'cn-shanghai'),
    breaking: true,
    rule: 'security-changed',
    action: '*',
  },
  {
    name: 'the security scheme itself changed',
    mutate: (d) => set(d, ['components', 'securitySchemes', 'VolcHmacSha256', 'name'], 'X-Authorization'),
    breaking: true,
    rule: 'security-changed',
    action: 'OpenDeleteResource',
  },
  {
    name: 'an operation made public (security removed)',
    mutate: (d) => set(d, ['paths', USABLE, 'get', 'security'], []),
    breaking: true,
    rule: 'security-changed',
    action: 'QueryUsableResourceV2',
  },
  {
    name: 'a description rewritten',
    mutate: (d) => set(d, ['paths', DELETE, 'post', 'description'], 'Deletes a resource.'),
    breaking: false,
    rule: 'documentation',
  },
  {
    name: 'a request example changed',
    mutate: (d) =>
      set(
        d,
        [
          'paths',
          DELETE,
          'post',
          'requestBody',
          'content',
          'application/json',
          'examples',
          'delete',
          'value',
          'ResourceKey',
        ],
        'other',
      ),
    breaking: false,
    rule: 'documentation',
  },
];

const run = (mutation: Mutation): Finding[] => {
  const head = structuredClone(base);
  mutation.mutate(head);
  return classify(base, head);
};

describe('classify', () => {
  it('finds nothing between a spec and itself', () => {
    expect(classify(base, structuredClone(base))).toEqual([]);
  });

  it.each(MUTATIONS.map((mutation) => [mutation.name, mutation] as const))('%s', (_name, mutation) => {
    const findings = run(mutation);
    const summary = findings
      .map((f) => `${f.severity} ${f.rule} ${f.action} ${f.version}: ${f.message}`)
      .join('\n');
    expect(
      findings.some((f) => f.rule === mutation.rule),
      summary,
    ).toBe(true);
    expect(
      findings.some((f) => f.severity === 'breaking'),
      summary,
    ).toBe(mutation.breaking);
    const hit = findings.find((f) => f.rule === mutation.rule);
    if (mutation.action) expect(hit?.action).toBe(mutation.action);
    expect(hit?.pointer).toMatch(/^\//);
    if (hit?.action !== '*') expect(hit?.version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('counts oneOf forms: more widen and fewer narrow what a request sends and a response returns', () => {
    const forms = (count: number) => ({
      oneOf: [{ type: 'string' }, { type: 'integer' }, { type: 'boolean' }].slice(0, count),
    });
    const places = {
      request: S('QueryOpenGetResourceRequest', 'properties', 'Keyword'),
      response: S('QueryOpenGetResourceResult', 'properties', 'Total'),
    };
    const expected: [keyof typeof places, number, number, string, Finding['severity']][] = [
      ['request', 2, 3, 'request-widened', 'compatible'],
      ['request', 2, 1, 'request-narrowed', 'breaking'],
      ['response', 2, 3, 'response-type-changed', 'breaking'],
      ['response', 2, 1, 'response-narrowed', 'compatible'],
    ];
    for (const [side, before, after, rule, severity] of expected) {
      const released = structuredClone(base);
      const working = structuredClone(base);
      set(released, places[side], forms(before));
      set(working, places[side], forms(after));
      const found = classify(released, working).filter((finding) => finding.rule === rule);
      expect(
        found.map((finding) => [finding.severity, finding.message]),
        `${side} ${before} → ${after}`,
      ).toEqual([
        [
          severity,
          expect.stringContaining(
            `${Math.abs(after - before)} ${after > before ? 'more' : 'fewer'} oneOf form(s)`,
          ),
        ],
      ]);
    }
  });

  it('compares a plain schema that became a union, or back, with each form', () => {
    const places = {
      request: S('QueryOpenGetResourceRequest', 'properties', 'Keyword'),
      response: S('QueryOpenGetResourceResult', 'properties', 'Total'),
    };
    const union = (...types: string[]) => ({ oneOf: types.map((type) => ({ type })) });
    const expected: [keyof typeof places, unknown, unknown, string, Finding['severity']][] = [
      // A request must still accept what was sent: some new form takes the old schema...
      ['request', { type: 'string' }, union('string', 'integer'), 'request-widened', 'compatible'],
      ['request', { type: 'string' }, union('integer', 'boolean'), 'request-narrowed', 'breaking'],
      // ...or the new plain schema takes every old form.
      ['request', union('string', 'integer'), { type: 'string' }, 'request-narrowed', 'breaking'],
      // A response must return what fits the old schema: every new form...
      ['response', { type: 'integer' }, union('integer', 'string'), 'response-type-changed', 'breaking'],
      // ...or a plain new schema that is one of the old forms.
      ['response', union('integer', 'string'), { type: 'integer' }, 'response-narrowed', 'compatible'],
      ['response', union('integer', 'string'), { type: 'boolean' }, 'response-type-changed', 'breaking'],
    ];
    for (const [side, before, after, rule, severity] of expected) {
      const released = structuredClone(base);
      const working = structuredClone(base);
      set(released, places[side], before);
      set(working, places[side], after);
      const found = classify(released, working).filter(
        (finding) => finding.action === 'QueryOpenGetResource',
      );
      expect(
        found.map((finding) => [finding.severity, finding.rule]),
        `${side} ${JSON.stringify(before)} → ${JSON.stringify(after)}`,
      ).toEqual([[severity, rule]]);
    }
  });

  it('reports a change of the error envelope once per operation, whatever its statuses', () => {
    const found = run(MUTATIONS.find((m) => m.name === 'a field of the error body removed') as Mutation);
    expect(found.map((f) => `${f.action}: ${f.message}`)).toEqual([
      'OpenDeleteResource: error body: ResponseMetadata.Error.CodeN removed',
      'QueryOpenGetResource: error body: ResponseMetadata.Error.CodeN removed',
      'QueryUsableResourceV2: error body: ResponseMetadata.Error.CodeN removed',
    ]);
  });

  it('names the Action, Version and JSON pointer of a nested change', () => {
    const [finding] = run(MUTATIONS.find((m) => m.rule === 'response-field-removed') as Mutation).filter(
      (f) => f.rule === 'response-field-removed',
    );
    expect(finding).toMatchObject({
      action: 'QueryOpenGetResource',
      version: '2022-01-01',
      side: 'base',
      pointer: '/components/schemas/VoiceResource/properties/Name',
      message: 'Result.Records[].Name removed',
    });
  });
});
