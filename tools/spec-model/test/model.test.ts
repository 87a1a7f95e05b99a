// The spec model on small documents built per case: serialization styles, signing, security, errors,
// and the readable errors for documents it cannot read.
import { describe, expect, it } from 'vitest';
import { fieldStyles, type JsonObject, parseRegistry, readService, SpecModelError } from '../src/index.ts';

const ok = { '200': { description: 'ok' } };

/** A one-operation document whose operation is `operation` at `/?Action=Do&Version=2024-01-01`. */
function documentWith(operation: JsonObject, root: JsonObject = {}): JsonObject {
  return {
    openapi: '3.1.0',
    info: { title: 'T', version: '1' },
    servers: [{ url: 'https://t.example.test' }],
    'x-volc-signing': { service: 'tsvc', region: 'cn-x' },
    security: [{ Hmac: [] }],
    paths: { '/?Action=Do&Version=2024-01-01': { post: { operationId: 'Do', responses: ok, ...operation } } },
    ...root,
  };
}

const query = (parameter: JsonObject) => documentWith({ parameters: [{ in: 'query', ...parameter }] });
const list = { type: 'array', items: { type: 'string' } };

describe('serialization styles', () => {
  it.each([
    ['comma-joined', { name: 'Ids', schema: list, style: 'form', explode: false }, 'comma'],
    ['repeated (the OpenAPI default)', { name: 'Ids', schema: list }, 'repeat'],
    ['JSON text', { name: 'Ids', content: { 'application/json': { schema: { type: 'object' } } } }, 'json'],
  ])('reads a %s query list', (_label, parameter, style) => {
    const [operation] = readService(query(parameter)).operations;
    expect(operation?.query[0]?.style).toBe(style);
  });

  it('reads form-body styles from the media type encoding', () => {
    const doc = documentWith({
      requestBody: {
        content: {
          'application/x-www-form-urlencoded': {
            schema: {
              type: 'object',
              required: ['Items'],
              properties: {
                Items: { type: 'array', items: { type: 'object' } },
                Tags: list,
                Name: { type: 'string' },
              },
            },
            encoding: { Items: { contentType: 'application/json' }, Tags: { style: 'form', explode: false } },
          },
        },
      },
    });
    const service = readService(doc);
    const fields = service.operations[0]?.body?.fields ?? [];
    expect(fields.map(({ name, style, required }) => [name, style, required])).toEqual([
      ['Items', 'json', true],
      ['Tags', 'comma', false],
      ['Name', undefined, false],
    ]);
    expect(fieldStyles(service)).toEqual({ Items: 'json', Tags: 'comma' });
  });

  it('refuses a list of objects behind a $ref that does not say how it travels', () => {
    const doc = query({
      name: 'Items',
      schema: { type: 'array', items: { $ref: '#/components/schemas/Item' } },
    });
    doc.components = { schemas: { Item: { type: 'object', properties: { A: { type: 'string' } } } } };
    expect(() => readService(doc)).toThrow(/Do: query parameter Items is a list of objects/);
  });

  it('refuses an object in the query that does not say how it travels, naming the operation and field', () => {
    expect(() => readService(query({ name: 'Filter', schema: { type: 'object' } }))).toThrow(
      /Do: query parameter Filter is an object: declare it as JSON text/,
    );
  });
});

describe('operations', () => {
  it('reads signing, endpoint, and an operation sent unsigned', () => {
    const service = readService(documentWith({ security: [] }));
    expect(service.signing).toEqual({ service: 'tsvc', region: 'cn-x' });
    expect(service.endpoint).toBe('https://t.example.test');
    expect(service.operations[0]).toMatchObject({ action: 'Do', version: '2024-01-01', signed: false });
    expect(readService(documentWith({})).operations[0]?.signed).toBe(true);
  });

  it('collects documented errors with their status and whether they are transient', () => {
    const envelope = (Code: string) => ({
      value: { ResponseMetadata: { RequestId: 'r', Error: { Code, Message: Code } } },
    });
    const doc = documentWith({
      responses: {
        '200': {
          description: 'ok',
          content: { 'application/json': { examples: { Busy: envelope('Busy') } } },
        },
        '503': {
          description: 'down',
          content: {
            'application/json': { examples: { Down: { ...envelope('Down'), 'x-volc-transient': true } } },
          },
        },
      },
    });
    expect(
      readService(doc).operations[0]?.errors.map(({ code, status, transient }) => [code, status, transient]),
    ).toEqual([
      ['Busy', 200, false],
      ['Down', 503, true],
    ]);
  });

  it.each([
    ['no root x-volc-signing', { 'x-volc-signing': undefined }, /no root x-volc-signing/],
    [
      'a path key that is not an RPC call',
      { paths: { '/things': { get: { responses: ok } } } },
      /path key "\/things"/,
    ],
    [
      'an unbundled reference',
      { paths: { '/?Action=Do&Version=2024-01-01': { $ref: 'paths/Do.yaml' } } },
      /not bundled/,
    ],
  ])('says what is wrong with %s', (_label, root, message) => {
    expect(() => readService(documentWith({}, root as JsonObject))).toThrow(SpecModelError);
    expect(() => readService(documentWith({}, root as JsonObject))).toThrow(message);
  });
});

describe('registry', () => {
  it('derives every per-service name from the entry', () => {
    const [sms] = parseRegistry('services:\n  - { name: sms, title: Volcengine SMS, titleZh: 短信服务 }\n');
    expect(sms).toMatchObject({
      specDir: 'spec/sms',
      bundle: 'spec/sms/dist/openapi.json',
      specPackage: '@volc-openapi/sms-spec',
      clientPackage: '@volc-openapi/sms',
      factory: 'createSmsClient',
    });
  });

  it.each([
    ['services: []\n  - bad', /not valid YAML/],
    ['services:\n  - { name: SMS, title: a, titleZh: b }\n', /services\[0\]: "name" must be lower-case/],
    [
      'services:\n  - { name: sms, title: a, titleZh: b }\n  - { name: sms, title: a, titleZh: b }\n',
      /"sms" is listed twice/,
    ],
  ])('names the file and entry that is wrong', (text, message) => {
    expect(() => parseRegistry(text)).toThrow(message);
  });
});
