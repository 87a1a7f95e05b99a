// Every wire form the spec can declare, sent by the runtime to the mock server, which verifies the
// signature of each request over the exact bytes it received.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeForm, encodeQuery } from '../src/index.ts';
import { clearScenarios, type Mock, received, startMock, testClient } from './helpers.ts';

let mock: Mock;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock.close());
beforeEach(() => clearScenarios(mock));

describe('encodings', () => {
  it('sends GET parameters in the path key query: lists comma-joined, spaces as %20', async () => {
    const { call } = testClient(mock);
    const result = await call('GetThing', { Type: 1, Ids: [1, 2], Name: 'a b&c', Limit: undefined });
    expect(result.error).toBeUndefined();
    expect(result.data?.Result).toMatchObject({ Total: 1 });
    const [request] = await received(mock);
    expect(request?.method).toBe('GET');
    expect(request?.url).toBe('/?Action=GetThing&Version=2022-01-01&Type=1&Ids=1%2C2&Name=a%20b%26c');
    expect(request?.headers.authorization).toMatch(
      /^HMAC-SHA256 Credential=AKLTmockaccesskey\/\d{8}\/cn-beijing\/vms\/request/,
    );
  });

  it('sends a JSON body for json operations', async () => {
    const { call } = testClient(mock);
    const result = await call('CreateThing', { Name: 'lamp', Size: 2 });
    expect(result.data?.Result).toEqual({ Id: 7 });
    const [request] = await received(mock);
    expect(request?.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(request?.body ?? '')).toEqual({ Name: 'lamp', Size: 2 });
    expect(request?.headers['x-content-sha256']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('sends a form body: scalar lists comma-joined, objects as JSON text, absent values left out', async () => {
    const { call } = testClient(mock);
    const result = await call('FormThing', {
      Name: '138 0000',
      Tags: ['a', 'b'],
      Phones: [{ Phone: '1' }],
      Flag: false,
      Skip: undefined,
    });
    expect(result.error).toBeUndefined();
    const [request] = await received(mock);
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request?.body).toBe(
      'Name=138+0000&Tags=a%2Cb&Phones=%5B%7B%22Phone%22%3A%221%22%7D%5D&Flag=false',
    );
    expect(encodeForm({ Nested: { A: 1 } })).toBe('Nested=%7B%22A%22%3A1%7D');
    expect(encodeQuery({ A: 'x y', B: [1, 2], C: null })).toBe('A=x%20y&B=1%2C2');
  });

  it('uploads multipart parts from Blobs and signs the exact multipart bytes', async () => {
    const { call } = testClient(mock);
    const file = new File([new Uint8Array([0, 1, 2, 255])], 'a.mp3', { type: 'audio/mpeg' });
    const result = await call('UploadThing', { Name: 'a.mp3', Size: 4, File: file });
    expect(result.error).toBeUndefined();
    const [request] = await received(mock);
    expect(request?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(request?.body).toContain('filename="a.mp3"');
  });

  it('sends a body-less POST with its parameters in the query string', async () => {
    const { call } = testClient(mock);
    const result = await call('PingThing', { Key: 'k 1', Keys: ['x', 'y'] });
    expect(result.error).toBeUndefined();
    const [request] = await received(mock);
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/?Action=PingThing&Version=2022-01-01&Key=k%201&Keys=x%2Cy');
    expect(request?.body).toBe('');
  });

  it('sends an operation the spec declares unsigned without credentials or signing headers', async () => {
    // No credentials at all: a signed call would fail with a CredentialsError before sending.
    const { call } = testClient(mock, { credentials: async () => Promise.reject(new Error('no keys here')) });
    const result = await call('OpenThing', { Token: 'jwt.a.b' });
    expect(result.error).toBeUndefined();
    expect(result.data?.Result).toEqual({ Opened: true });
    const [request] = await received(mock);
    for (const header of ['authorization', 'x-date', 'x-content-sha256'])
      expect(request?.headers[header]).toBeUndefined();
    expect(request?.body).toBe('Token=jwt.a.b');
  });

  it('writes list and object fields as the spec declares them: comma, repeat or JSON', () => {
    const input = { Ids: [1, 2], Tags: ['a b', '*'], Filter: { A: 1 }, Name: 'x' };
    const styles = { Ids: 'comma', Tags: 'repeat', Filter: 'json' } as const;
    expect(encodeQuery(input, styles)).toBe('Ids=1%2C2&Tags=a%20b&Tags=%2A&Filter=%7B%22A%22%3A1%7D&Name=x');
    expect(encodeForm(input, styles)).toBe('Ids=1%2C2&Tags=a+b&Tags=*&Filter=%7B%22A%22%3A1%7D&Name=x');
    // Undeclared fields follow the Volcengine convention: scalar lists comma-joined, objects as JSON.
    expect(encodeQuery({ Ids: [1, 2], Filter: { A: 1 } })).toBe('Ids=1%2C2&Filter=%7B%22A%22%3A1%7D');
  });

  it('signs and joins the query of raw openapi-fetch calls the same way', async () => {
    const { client } = testClient(mock);
    const raw = client as unknown as {
      GET(path: string, init: object): Promise<{ data?: { Result: unknown }; error?: unknown }>;
    };
    const result = await raw.GET('/?Action=GetThing&Version=2022-01-01', {
      params: { query: { Type: 2, Ids: [3, 4] } },
    });
    expect(result.error).toBeUndefined();
    expect(result.data?.Result).toMatchObject({ Total: 1 });
    const [request] = await received(mock);
    expect(request?.url).toBe('/?Action=GetThing&Version=2022-01-01&Type=2&Ids=3%2C4');
  });
});
