// Why the gate has no second opinion any more. Optic (`@useoptic/optic`, now archived) ran beside the RPC
// rules; every rule of its breaking-changes ruleset that can fire on an Action/Version spec is below, as
// a change of the fixture that optic 1.0.9 (`optic diff --check`) failed under that rule's name, and the
// RPC rules find a break of the same operation. The two places where they disagree on purpose come last.
// `fixtures/optic-report.txt` is one of optic's runs, recorded.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PATH_KEY } from '@volc-openapi/spec-model';
import { describe, expect, it } from 'vitest';
import { classify, type Finding, type JsonObject } from '../src/index.ts';
import { push, remove, set } from './mutate.ts';

const fixture = (name: string) => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));
const base = JSON.parse(readFileSync(fixture('base.openapi.json'), 'utf8')) as JsonObject;

type Doc = JsonObject;

const DELETE = '/?Action=OpenDeleteResource&Version=2022-01-01';
const USABLE = '/?Action=QueryUsableResourceV2&Version=2022-01-01';
const S = (name: string, ...rest: (string | number)[]) => ['components', 'schemas', name, ...rest];
const USABLE_PARAMETERS = ['paths', USABLE, 'get', 'parameters'];
const TYPE_PARAMETER = [...USABLE_PARAMETERS, 0];
const KEYWORD = S('QueryOpenGetResourceRequest', 'properties', 'Keyword');
const TOTAL = S('QueryOpenGetResourceResult', 'properties', 'Total');

/** An optional header parameter, for the releases that have one; it is the second parameter of USABLE. */
const withTenant = (d: Doc) =>
  push(d, USABLE_PARAMETERS, {
    name: 'X-Tenant',
    in: 'header',
    required: false,
    schema: { type: 'string', enum: ['a', 'b'] },
  });
const TENANT = [...USABLE_PARAMETERS, 1];

interface Case {
  /** The rule optic named when it failed this change. */
  optic: string;
  change: string;
  /** Makes the released document from the fixture, when the change starts from something it lacks. */
  released?: (doc: Doc) => void;
  /** Makes the working document from the released one. */
  mutate: (doc: Doc) => void;
  /** The breaking finding of the RPC rules: its rule and Action. */
  rule: string;
  action: string;
}

const CASES: Case[] = [
  {
    optic: 'prevent operation removal',
    change: 'an Action removed',
    mutate: (d) => remove(d, ['paths', DELETE]),
    rule: 'action-removed',
    action: 'OpenDeleteResource',
  },
  {
    optic: 'prevent response status code removal',
    change: 'the 200 response removed',
    mutate: (d) => remove(d, ['paths', DELETE, 'post', 'responses', '200']),
    rule: 'response-field-removed',
    action: 'OpenDeleteResource',
  },
  {
    optic: 'prevent changing request property to required',
    change: 'a body parameter made required',
    mutate: (d) => push(d, S('QueryOpenGetResourceRequest', 'required'), 'Keyword'),
    rule: 'request-parameter-made-required',
    action: 'QueryOpenGetResource',
  },
  {
    optic: 'prevent request property type changes',
    change: 'a body parameter type narrowed',
    mutate: (d) => set(d, [...KEYWORD, 'type'], 'integer'),
    rule: 'request-narrowed',
    action: 'QueryOpenGetResource',
  },
  {
    optic: 'prevent request property type changes',
    change: 'the body changed from an object to an array',
    mutate: (d) =>
      set(d, ['paths', DELETE, 'post', 'requestBody', 'content', 'application/json', 'schema'], {
        type: 'array',
        items: { type: 'string' },
      }),
    rule: 'request-parameter-removed',
    action: 'OpenDeleteResource',
  },
  {
    optic: 'prevent making response property optional',
    change: 'a result field made optional',
    mutate: (d) => set(d, S('QueryOpenGetResourceResult', 'required'), []),
    rule: 'response-field-made-optional',
    action: 'QueryOpenGetResource',
  },
  {
    optic: 'prevent making response property optional',
    change: 'an error body field made optional',
    mutate: (d) => set(d, S('ErrorDetail', 'required'), ['Code']),
    rule: 'response-field-made-optional',
    action: 'OpenDeleteResource',
  },
  {
    optic: 'prevent removing response property',
    change: 'a result field removed',
    mutate: (d) => remove(d, S('VoiceResource', 'properties', 'Name')),
    rule: 'response-field-removed',
    action: 'QueryUsableResourceV2',
  },
  {
    optic: 'prevent removing response property',
    change: 'an error body field removed',
    mutate: (d) => remove(d, S('ErrorDetail', 'properties', 'CodeN')),
    rule: 'response-field-removed',
    action: 'QueryUsableResourceV2',
  },
  {
    optic: 'prevent response property type changes',
    change: 'a result field type changed',
    mutate: (d) => set(d, TOTAL, { type: 'string' }),
    rule: 'response-type-changed',
    action: 'QueryOpenGetResource',
  },
  {
    optic: 'prevent response property type changes',
    change: 'an error body field type changed',
    mutate: (d) => set(d, S('ErrorDetail', 'properties', 'CodeN', 'type'), 'string'),
    rule: 'response-type-changed',
    action: 'QueryOpenGetResource',
  },
  {
    optic: 'prevent new required query parameters',
    change: 'a required query parameter added',
    mutate: (d) =>
      push(d, USABLE_PARAMETERS, { name: 'Zone', in: 'query', required: true, schema: { type: 'string' } }),
    rule: 'request-parameter-added-required',
    action: 'QueryUsableResourceV2',
  },
  {
    optic: 'prevent requiring existing query parameters',
    change: 'a query parameter made required',
    released: (d) => set(d, [...TYPE_PARAMETER, 'required'], false),
    mutate: (d) => set(d, [...TYPE_PARAMETER, 'required'], true),
    rule: 'request-parameter-made-required',
    action: 'QueryUsableResourceV2',
  },
  {
    optic: 'prevent query parameters type changes',
    change: 'a query parameter type changed',
    mutate: (d) => set(d, [...TYPE_PARAMETER, 'schema'], { type: 'string' }),
    rule: 'request-narrowed',
    action: 'QueryUsableResourceV2',
  },
  {
    optic: 'prevent query parameters enum breaking changes',
    change: 'an enum value removed from a query parameter',
    mutate: (d) => set(d, [...TYPE_PARAMETER, 'schema'], { type: 'integer', format: 'int32', enum: [0, 1] }),
    rule: 'request-narrowed',
    action: 'QueryUsableResourceV2',
  },
  {
    optic: 'prevent query parameters enum breaking changes',
    change: 'an enum added to a query parameter',
    released: (d) => set(d, [...TYPE_PARAMETER, 'schema'], { type: 'integer', format: 'int32' }),
    mutate: (d) =>
      set(d, [...TYPE_PARAMETER, 'schema'], { type: 'integer', format: 'int32', enum: [0, 1, 2] }),
    rule: 'request-narrowed',
    action: 'QueryUsableResourceV2',
  },
  {
    optic: 'request and response property enums',
    change: 'an enum value removed from a body parameter',
    mutate: (d) =>
      set(d, S('QueryOpenGetResourceRequest', 'properties', 'State'), { type: 'integer', enum: [0, 1] }),
    rule: 'request-narrowed',
    action: 'QueryOpenGetResource',
  },
  {
    optic: 'request and response property enums',
    change: 'an enum added to a body parameter',
    mutate: (d) => set(d, [...KEYWORD, 'enum'], ['a', 'b']),
    rule: 'request-narrowed',
    action: 'QueryOpenGetResource',
  },
  {
    optic: 'prevent new required header parameters',
    change: 'a required header parameter added',
    mutate: (d) =>
      push(d, USABLE_PARAMETERS, {
        name: 'X-Tenant',
        in: 'header',
        required: true,
        schema: { type: 'string' },
      }),
    rule: 'request-parameter-added-required',
    action: 'QueryUsableResourceV2',
  },
  {
    optic: 'prevent new required cookie parameters',
    change: 'a required cookie parameter added',
    mutate: (d) =>
      push(d, USABLE_PARAMETERS, {
        name: 'session',
        in: 'cookie',
        required: true,
        schema: { type: 'string' },
      }),
    rule: 'request-parameter-added-required',
    action: 'QueryUsableResourceV2',
  },
  {
    optic: 'prevent requiring existing header parameters',
    change: 'a header parameter made required',
    released: withTenant,
    mutate: (d) => set(d, [...TENANT, 'required'], true),
    rule: 'request-parameter-made-required',
    action: 'QueryUsableResourceV2',
  },
  {
    optic: 'prevent header parameters type changes',
    change: 'a header parameter type changed',
    released: withTenant,
    mutate: (d) => set(d, [...TENANT, 'schema'], { type: 'integer' }),
    rule: 'request-narrowed',
    action: 'QueryUsableResourceV2',
  },
  {
    optic: 'prevent header parameters enum breaking changes',
    change: 'an enum value removed from a header parameter',
    released: withTenant,
    mutate: (d) => set(d, [...TENANT, 'schema', 'enum'], ['a']),
    rule: 'request-narrowed',
    action: 'QueryUsableResourceV2',
  },
  {
    optic: 'prevent expanded in request union types',
    change: 'a body parameter made a oneOf that does not accept what it did',
    mutate: (d) => set(d, KEYWORD, { oneOf: [{ type: 'integer' }, { type: 'boolean' }] }),
    rule: 'request-narrowed',
    action: 'QueryOpenGetResource',
  },
  {
    optic: 'prevent narrowing in response union types',
    change: 'a result field made a oneOf of other types',
    mutate: (d) => set(d, TOTAL, { oneOf: [{ type: 'string' }, { type: 'boolean' }] }),
    rule: 'response-type-changed',
    action: 'QueryOpenGetResource',
  },
];

function findings(change: Pick<Case, 'released' | 'mutate'>): Finding[] {
  const released = structuredClone(base);
  change.released?.(released);
  const working = structuredClone(released);
  change.mutate(working);
  return classify(released, working);
}

const summary = (list: Finding[]) =>
  list.map((f) => `${f.severity} ${f.rule} ${f.action}: ${f.message}`).join('\n');

/** The failed checks of optic's text report, each with the operation it was listed under. */
function opticFailures(report: string): { action: string; version: string; rule: string }[] {
  const failures: { action: string; version: string; rule: string }[] = [];
  let operation: RegExpExecArray | null = null;
  for (const line of report.split(/\r?\n/)) {
    const heading = /^x (?:GET|POST) (\S+):/.exec(line);
    if (heading) operation = PATH_KEY.exec(heading[1] ?? '');
    const check = /^\s*x \[([^\]]+)\]/.exec(line);
    if (check && operation)
      failures.push({ action: operation[1] ?? '', version: operation[2] ?? '', rule: check[1] ?? '' });
  }
  return failures;
}

describe("optic's breaking-changes ruleset, covered by the RPC rules", () => {
  it.each(CASES.map((c) => [`${c.optic}: ${c.change}`, c] as const))('%s', (_name, c) => {
    const found = findings(c);
    expect(
      found.some((f) => f.severity === 'breaking' && f.rule === c.rule && f.action === c.action),
      summary(found),
    ).toBe(true);
  });

  it("finds a break of every operation optic's recorded report failed, under rules covered above", () => {
    const failures = opticFailures(readFileSync(fixture('optic-report.txt'), 'utf8'));
    expect(failures.map((f) => `${f.action} ${f.version} ${f.rule}`)).toEqual([
      'OpenDeleteResource 2022-01-01 prevent operation removal',
      'OpenDeleteResource 2022-01-01 prevent response status code removal',
      'QueryOpenGetResource 2022-01-01 prevent changing request property to required',
    ]);
    // The change optic reported on: one Action removed, one body parameter made required.
    const breaking = findings({
      mutate: (d) => {
        remove(d, ['paths', DELETE]);
        push(d, S('QueryOpenGetResourceRequest', 'required'), 'Keyword');
      },
    }).filter((f) => f.severity === 'breaking');
    const covered = new Set(CASES.map((c) => c.optic));
    for (const failure of failures) {
      expect(covered.has(failure.rule), failure.rule).toBe(true);
      expect(
        breaking.some((f) => f.action === failure.action && f.version === failure.version),
        `${failure.action}: ${summary(breaking)}`,
      ).toBe(true);
    }
  });
});

describe('where the RPC rules judge otherwise, on purpose', () => {
  it('a documented error status removed is not a break: every failure is read from the same envelope', () => {
    // Optic: "prevent response status code removal". Lint (rpc/common-error-responses) keeps the common
    // statuses documented; a dropped error code is a break of the client's type (api-error-codes-changed).
    const found = findings({ mutate: (d) => remove(d, ['paths', DELETE, 'post', 'responses', '404']) });
    expect(found.length, summary(found)).toBeGreaterThan(0);
    expect(found.every((f) => f.severity === 'compatible' && f.action === 'OpenDeleteResource')).toBe(true);
  });

  it('a response enum value added is compatible in the spec; the client type check finds the break', () => {
    // Optic: "request and response property enums". The released client's union type no longer holds
    // the result: api-result-narrowed, asserted in api.test.ts on the real VMS spec.
    const found = findings({
      mutate: (d) =>
        set(d, S('VoiceResource', 'properties', 'State'), { type: 'integer', enum: [0, 1, 2, 3] }),
    });
    expect(found.every((f) => f.severity === 'compatible')).toBe(true);
    expect(found.filter((f) => f.rule === 'response-enum-changed').map((f) => f.action)).toEqual([
      'QueryOpenGetResource',
      'QueryUsableResourceV2',
    ]);
  });
});
