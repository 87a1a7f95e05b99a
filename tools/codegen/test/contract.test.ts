// The contract cases codegen derives from a spec: wire forms, canned answers and refused inputs.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodeRfc3986 } from '@volc-openapi/signing-reference';
import { type JsonObject, readService, signingTarget } from '@volc-openapi/spec-model';
import { describe, expect, it } from 'vitest';
import { type ContractCase, renderContractCases } from '../src/index.ts';

const readOperations = (document: JsonObject) => readService(document).operations;
const _readSigning = (document: JsonObject) => signingTarget(readService(document));

const spec = JSON.parse(
  readFileSync(fileURLToPath(new URL('fixtures/contract.openapi.json', import.meta.url)), 'utf8'),
) as JsonObject;
const cases = renderContractCases(readOperations(spec), spec);
const byId = (id: string): ContractCase => {
  const found = cases.find((testCase) => testCase.operationId === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('wire form', () => {
  it('is the example JSON text for a JSON body, hashed', () => {
    const text = '{"Name":"it\'s","Size":2,"Kind":"a","Tags":["x"]}';
    expect(byId('PutItem').wire).toEqual({
      method: 'POST',
      target: '/?Action=PutItem&Version=2022-01-01',
      contentType: 'application/json',
      contentTypeIsPrefix: false,
      body: { kind: 'text', text, sha256: sha256(text) },
    });
  });

  it('follows the media-type encoding for a form body: JSON parts, exploded or comma-joined lists', () => {
    const { wire } = byId('FormItem');
    expect(wire.contentType).toBe('application/x-www-form-urlencoded');
    expect(wire.body).toMatchObject({
      text: 'Key=a+b%26c&Ids=1%2C2&Many=p&Many=q&Items=%5B%7B%22A%22%3A1%7D%5D&Flag=true',
    });
  });

  it('puts query parameters after Action and Version in example order, RFC 3986 encoded, by style', () => {
    const { wire } = byId('FindItems');
    expect(wire).toMatchObject({
      method: 'GET',
      contentType: null,
      body: { kind: 'empty', sha256: sha256('') },
    });
    expect(wire.target).toBe('/?Action=FindItems&Version=2022-01-01&Type=1&Name=a%28b%29%2A&Ids=x%20y%2Cz');
    expect(encodeRfc3986("!'()* ~")).toBe('%21%27%28%29%2A%20~');
  });

  it('lists multipart parts by name, leaving the boundary to the client', () => {
    expect(byId('Upload').wire).toMatchObject({
      contentType: 'multipart/form-data; boundary=',
      contentTypeIsPrefix: true,
      body: {
        kind: 'multipart',
        fields: [
          ['File', 'bytes'],
          ['Size', '5'],
        ],
      },
    });
  });
});

describe('canned answers', () => {
  const answers = byId('PutItem').responses;

  it('serve the success example as data and each documented error at its status', () => {
    expect(answers.map((answer) => [answer.name, answer.status])).toEqual([
      ['success example "done"', 200],
      ['error Busy delivered with HTTP 200', 200],
      ['error MissingParameter (HTTP 400)', 400],
      ['an HTML gateway page instead of the envelope (HTTP 502)', 502],
      ['a plain-text body with HTTP 200', 200],
      ['an empty body with HTTP 200', 200],
      ['JSON that is not the envelope (HTTP 404)', 404],
    ]);
    expect(answers[0]?.expect).toEqual({
      data: { ResponseMetadata: { RequestId: 'r1' }, Result: { Id: 7 } },
    });
    expect(answers[1]?.expect).toEqual({
      status: 200,
      error: { Code: 'Busy', CodeN: 9, Message: 'busy', RequestId: 'r2' },
    });
    expect(answers[5]).toMatchObject({ body: '', expect: { error: { Code: 'UnexpectedResponse' } } });
  });
});

describe('input model and refused inputs', () => {
  it('points at each parameter schema, body properties through allOf included', () => {
    const { input, successSchema } = byId('PutItem');
    expect(input.body).toEqual(['components', 'schemas', 'PutItemRequest']);
    expect(input.parameters.map((p) => [p.name, p.in, p.required])).toEqual([
      ['Name', 'body', true],
      ['Size', 'body', true],
      ['Kind', 'body', false],
      ['Tags', 'body', false],
      ['Note', 'body', false],
    ]);
    expect(successSchema).toEqual([
      'paths',
      '/?Action=PutItem&Version=2022-01-01',
      'post',
      'responses',
      '200',
      'content',
      'application/json',
      'schema',
    ]);
    expect(byId('FindItems').input.parameters[0]).toEqual({
      name: 'Type',
      in: 'query',
      required: true,
      schema: ['paths', '/?Action=FindItems&Version=2022-01-01', 'get', 'parameters', '0', 'schema'],
    });
  });

  it('breaks one parameter at a time, as the encoding can carry it', () => {
    const summary = (id: string) =>
      byId(id).invalid.map(({ parameter, kind, value, code }) => [parameter, kind, value, code]);
    expect(summary('PutItem')).toEqual([
      ['Name', 'missing', undefined, 'MissingParameter'],
      ['Name', 'type', { not: 'a string' }, 'InvalidParameter'],
      ['Size', 'missing', undefined, 'MissingParameter'],
      ['Size', 'type', 'not-a-number', 'InvalidParameter'],
      ['Size', 'range', 0, 'InvalidParameter'],
      ['Size', 'range', 11, 'InvalidParameter'],
      ['Kind', 'type', { not: 'a string' }, 'InvalidParameter'],
      ['Kind', 'enum', 'not-in-enum-0', 'InvalidParameter'],
      ['Tags', 'type', 'not-a-list', 'InvalidParameter'],
      ['Tags', 'items', [], 'InvalidParameter'],
      ['Note', 'type', { not: 'a string' }, 'InvalidParameter'],
      ['Note', 'length', '9999', 'InvalidParameter'],
      ['Note', 'length', '9', 'InvalidParameter'],
    ]);
    // In a query string every value is text: a number where text is expected cannot be told apart.
    expect(summary('FindItems')).toEqual([
      ['Type', 'missing', undefined, 'MissingParameter'],
      ['Type', 'type', 'not-a-number', 'InvalidParameter'],
      ['Type', 'enum', 2, 'InvalidParameter'],
      ['Name', 'length', '99999', 'InvalidParameter'],
    ]);
  });
});
