import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  curlSample,
  type JsonObject,
  readOperations,
  readSigning,
  renderContractCases,
  renderDocs,
  renderFacade,
} from '../src/index.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`fixtures/${name}`, import.meta.url)), 'utf8')) as JsonObject;
const spec = fixture('mini.openapi.json');
const operations = readOperations(spec);
const signing = readSigning(spec);
const byId = (id: string) => {
  const operation = operations.find((candidate) => candidate.operationId === id);
  if (!operation) throw new Error(`no ${id}`);
  return operation;
};

describe('readOperations', () => {
  it.each([
    ['CreateThing', { method: 'POST', encoding: 'json', idempotent: false, deprecated: false }],
    ['UpdateThing', { method: 'POST', encoding: 'form', idempotent: false, deprecated: true }],
    ['ListThings', { method: 'GET', encoding: 'query', idempotent: true, deprecated: false }],
  ] as const)('reads %s from its path key and operation', (id, want) => {
    const operation = byId(id);
    expect(operation).toMatchObject({ ...want, action: id, version: '2022-01-01' });
    expect(operation.path).toBe(`/?Action=${id}&Version=2022-01-01`);
  });

  it('takes the request example from the body examples, or from the query parameters of a GET', () => {
    expect(byId('CreateThing').requestExample).toEqual({ Name: "it's", Size: 2 });
    expect(byId('UpdateThing').requestExample).toEqual({ Key: 'a b', Tags: 'x,y' });
    expect(byId('ListThings').requestExample).toEqual({ Type: 1, Name: 'a&b c' });
  });

  it('collects error codes from the named examples of error responses, including HTTP-200 errors', () => {
    expect(byId('CreateThing').errorCodes).toEqual([
      { code: 'MissingParameter', status: 400, codeN: 100002, summary: 'A required parameter is absent.' },
    ]);
    expect(byId('UpdateThing').errorCodes.map(({ code, status }) => [code, status])).toEqual([
      ['SystemError', 200],
      ['MissingParameter', 400],
    ]);
  });

  it('reads pagination and the signing facts', () => {
    expect(byId('ListThings').pagination).toMatchObject({ style: 'offset', items: 'Records' });
    expect(signing).toEqual({ service: 'mini', region: 'cn-test-1', endpoint: 'https://mini.example.test' });
  });

  it('names what is wrong in a path key it cannot read', () => {
    const broken = structuredClone(spec);
    (broken.paths as JsonObject)['/things'] = (broken.paths as JsonObject)[
      '/?Action=ListThings&Version=2022-01-01'
    ];
    expect(() => readOperations(broken)).toThrow(
      'Path key "/things" is not /?Action=<Name>&Version=<YYYY-MM-DD>',
    );
  });
});

describe('renderFacade', () => {
  const source = renderFacade(operations, signing, { name: 'Mini', schemaModule: './schema.ts' });

  it('declares one method per operation, named as the operation', () => {
    const methods = [...source.matchAll(/^ {2}(\w+)\(input\??: \w+Input, options\?: CallOptions\)/gm)].map(
      (m) => m[1],
    );
    expect(methods).toEqual(['CreateThing', 'UpdateThing', 'ListThings']);
  });

  it('types the error code union from the documented examples', () => {
    expect(source).toContain("export type UpdateThingErrorCode = 'SystemError' | 'MissingParameter';");
  });

  it('carries summary, description, vendor title and deprecation as TSDoc, escaping comment ends', () => {
    expect(source).toContain('   * Create a thing\n');
    expect(source).toContain('It can hold a *\\/ sequence.');
    expect(source).toContain('Vendor title: 创建.');
    expect(source).toMatch(/@deprecated Superseded by UpdateThingV2\.\n {3}\*\/\n {2}UpdateThing\(/);
  });

  it('records method, path, encoding and idempotency for the runtime', () => {
    expect(source).toContain(
      'ListThings: {"action":"ListThings","version":"2022-01-01","method":"GET","path":"/?Action=ListThings&Version=2022-01-01","encoding":"query","idempotent":true},',
    );
  });
});

describe('code samples', () => {
  it('hashes the exact body curl sends and shows every signing header', () => {
    const sample = curlSample(byId('CreateThing'), signing);
    const body = JSON.stringify({ Name: "it's", Size: 2 });
    expect(sample).toContain(`X-Content-Sha256: ${createHash('sha256').update(body).digest('hex')}`);
    expect(sample).toContain(`--data '{"Name":"it'\\''s","Size":2}'`);
    expect(sample).toContain('Credential=<AccessKeyId>/20250528/cn-test-1/mini/request');
  });

  it('puts GET parameters, percent-encoded, after the path key', () => {
    expect(curlSample(byId('ListThings'), signing)).toContain(
      "'https://mini.example.test/?Action=ListThings&Version=2022-01-01&Type=1&Name=a%26b%20c'",
    );
  });

  it('adds x-codeSamples to a copy of the spec and writes one facade and one raw sample per operation', () => {
    const { docsSpec, sampleFiles } = renderDocs(spec, operations, signing, {
      clientPackage: '@example/mini',
      factory: 'createMiniClient',
    });
    const paths = docsSpec.paths as Record<string, Record<string, JsonObject>>;
    const samples = paths['/?Action=ListThings&Version=2022-01-01']?.get?.['x-codeSamples'] as {
      label: string;
    }[];
    expect(samples.map((sample) => sample.label)).toEqual(['TypeScript', 'curl', 'openapi-fetch']);
    expect(
      (spec.paths as Record<string, Record<string, JsonObject>>)['/?Action=ListThings&Version=2022-01-01']
        ?.get?.['x-codeSamples'],
    ).toBeUndefined();
    expect(Object.keys(sampleFiles).sort()).toEqual(
      operations
        .flatMap((operation) => [`${operation.operationId}.facade.ts`, `${operation.operationId}.raw.ts`])
        .sort(),
    );
    expect(sampleFiles['ListThings.raw.ts']).toContain(
      "client.raw.GET('/?Action=ListThings&Version=2022-01-01', { params: { query: {",
    );
  });
});

describe('renderContractCases', () => {
  it('gives each operation its request example, expected Result and documented errors', () => {
    const cases = renderContractCases(operations);
    expect(cases.map((testCase) => testCase.operationId)).toEqual([
      'CreateThing',
      'UpdateThing',
      'ListThings',
    ]);
    expect(cases[0]).toMatchObject({
      request: { Name: "it's", Size: 2 },
      expectedResult: { Id: 7 },
      encoding: 'json',
    });
  });
});
