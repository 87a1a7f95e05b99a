import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningMockServer } from '../src/index.ts';
import { call, errorOf, formSpec, postForm, postJson, realSpec, start } from './helpers.ts';

const DELETE = '/?Action=OpenDeleteResource&Version=2022-01-01';
const LIST = '/?Action=QueryOpenGetResource&Version=2022-01-01';
const USABLE = '/?Action=QueryUsableResourceV2&Version=2022-01-01';

describe('validation against the real spec', () => {
  let server: RunningMockServer;
  beforeAll(async () => {
    server = await start(realSpec());
  });
  afterAll(() => server.close());

  it('names a missing required body field', async () => {
    const answer = await call(server, DELETE, postJson({}));
    expect(answer.status).toBe(400);
    expect(errorOf(answer)).toEqual({
      Code: 'MissingParameter',
      CodeN: 100002,
      Message: 'The required parameter ResourceKey is missing.',
    });
  });

  it('treats an empty body as no fields', async () => {
    const answer = await call(server, DELETE, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(errorOf(answer).Message).toBe('The required parameter ResourceKey is missing.');
  });

  it('names a missing required query parameter', async () => {
    const answer = await call(server, USABLE);
    expect(errorOf(answer)).toMatchObject({
      Code: 'MissingParameter',
      Message: 'The required parameter Type is missing.',
    });
  });

  it.each([
    ['wrong type', LIST, { Type: 'zero' }, 'Type', 'must be of type integer'],
    ['out of range', LIST, { Type: 0, Limit: 101 }, 'Limit', 'must be <= 100'],
    ['below minimum', LIST, { Type: 0, Offset: -1 }, 'Offset', 'must be >= 0'],
    ['enum violation', LIST, { Type: 7 }, 'Type', 'must be one of 0, 1, 2'],
    ['too short', DELETE, { ResourceKey: '' }, 'ResourceKey', 'must not be empty'],
    ['unknown property', DELETE, { ResourceKey: 'k', Force: true }, 'Force', 'it is not a known parameter'],
    ['not an object', DELETE, [1, 2], 'Body', 'must be of type object'],
  ])('answers InvalidParameter for %s', async (_case, path, body, name, reason) => {
    const answer = await call(server, path, postJson(body));
    expect(answer.status).toBe(400);
    expect(errorOf(answer).Code).toBe('InvalidParameter');
    expect(errorOf(answer).Message).toBe(`The specified parameter ${name} is invalid: ${reason}.`);
  });

  it('names the body when the JSON is malformed', async () => {
    const answer = await call(server, DELETE, postJson('{"ResourceKey": '));
    expect(answer.status).toBe(400);
    expect(errorOf(answer).Code).toBe('InvalidParameter');
    expect(errorOf(answer).Message).toMatch(/^The specified parameter Body is invalid: it is not valid JSON/);
  });

  it('coerces GET query parameters by their schema type', async () => {
    expect((await call(server, `${USABLE}&Type=2`)).status).toBe(200);
    const text = await call(server, `${USABLE}&Type=two`);
    expect(errorOf(text).Message).toBe('The specified parameter Type is invalid: must be of type integer.');
    const range = await call(server, `${USABLE}&Type=9`);
    expect(errorOf(range).Message).toBe('The specified parameter Type is invalid: must be one of 0, 1, 2.');
  });

  it('accepts a form body for a JSON operation, coercing by schema', async () => {
    const answer = await call(server, LIST, postForm('Type=0&State=1&Limit=20&Keyword=007'));
    expect(answer.status, answer.text).toBe(200);
  });

  it('refuses a body type it cannot read', async () => {
    const answer = await call(server, DELETE, {
      method: 'POST',
      headers: { 'Content-Type': 'text/xml' },
      body: '<a/>',
    });
    expect(errorOf(answer).Message).toMatch(/^The specified parameter Content-Type is invalid/);
  });
});

describe('validation of form, multipart and query inputs (fixture spec)', () => {
  const CREATE = '/?Action=CreateThing&Version=2022-01-01';
  const LIST_THINGS = '/?Action=ListThings&Version=2022-01-01';
  const UPLOAD = '/?Action=UploadThing&Version=2022-01-01';
  let server: RunningMockServer;
  beforeAll(async () => {
    server = await start(formSpec());
  });
  afterAll(() => server.close());

  it('accepts integers, booleans, comma lists and JSON-encoded nested arrays in a form', async () => {
    const phones = encodeURIComponent(JSON.stringify([{ Phone: '13800000000' }, { Phone: '13900000000' }]));
    const answer = await call(
      server,
      CREATE,
      postForm(`Name=lamp&Count=3&Enabled=false&Tags=a,b,c&PhoneList=${phones}`),
    );
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json.Result).toEqual({ Id: 7 });
  });

  it('accepts repeated names for a list field', async () => {
    expect((await call(server, CREATE, postForm('Name=lamp&Tags=a&Tags=b'))).status).toBe(200);
  });

  it.each([
    ['Count=abc', 'Count', 'must be of type integer'],
    ['Count=0', 'Count', 'must be >= 1'],
    ['Enabled=yes', 'Enabled', 'must be of type boolean'],
    ['Name=far-too-long', 'Name', 'must be at most 8 characters long'],
    ['Colour=red', 'Colour', 'it is not a known parameter'],
  ])('refuses the form field %s', async (field, name, reason) => {
    const body = field.startsWith('Name=') ? field : `Name=lamp&${field}`;
    const answer = await call(server, CREATE, postForm(body));
    expect(answer.status).toBe(400);
    expect(errorOf(answer).Message).toBe(`The specified parameter ${name} is invalid: ${reason}.`);
  });

  it('names a nested field by its dotted path', async () => {
    const phones = encodeURIComponent(JSON.stringify([{ Phone: '13800000000' }, { Phone: '12' }]));
    const bad = await call(server, CREATE, postForm(`Name=lamp&PhoneList=${phones}`));
    expect(errorOf(bad).Message).toBe(
      'The specified parameter PhoneList.1.Phone is invalid: must match the pattern ^1\\d{10}$.',
    );
    const missing = await call(server, CREATE, postForm(`Name=lamp&PhoneList=${encodeURIComponent('[{}]')}`));
    expect(errorOf(missing)).toMatchObject({
      Code: 'MissingParameter',
      Message: 'The required parameter PhoneList.0.Phone is missing.',
    });
  });

  it('names a missing form field', async () => {
    const answer = await call(server, CREATE, postForm('Count=1'));
    expect(errorOf(answer).Message).toBe('The required parameter Name is missing.');
  });

  it('coerces query lists, booleans and integers, and keeps strings as text', async () => {
    expect((await call(server, `${LIST_THINGS}&Ids=1,2&Active=true&Limit=5&Code=007`)).status).toBe(200);
    expect((await call(server, `${LIST_THINGS}&Ids=1&Ids=2`)).status).toBe(200);
    const notNumbers = await call(server, `${LIST_THINGS}&Ids=1,x`);
    expect(errorOf(notNumbers).Message).toBe(
      'The specified parameter Ids.1 is invalid: must be of type integer.',
    );
    const tooMany = await call(server, `${LIST_THINGS}&Ids=1,2,3,4`);
    expect(errorOf(tooMany).Message).toBe(
      'The specified parameter Ids is invalid: must hold at most 3 items.',
    );
    const int32 = await call(server, `${LIST_THINGS}&Ids=1&Limit=99999999999`);
    expect(errorOf(int32).Message).toMatch(/^The specified parameter Limit is invalid/);
    const missing = await call(server, `${LIST_THINGS}&Active=true`);
    expect(errorOf(missing).Message).toBe('The required parameter Ids is missing.');
  });

  it('reads multipart bodies', async () => {
    const form = new FormData();
    form.append('Name', 'a.mp3');
    form.append('Size', '3');
    form.append('File', new Blob(['abc']), 'a.mp3');
    expect((await call(server, UPLOAD, { method: 'POST', body: form })).status).toBe(200);
    const withoutFile = new FormData();
    withoutFile.append('Name', 'a.mp3');
    withoutFile.append('Size', '0');
    const answer = await call(server, UPLOAD, { method: 'POST', body: withoutFile });
    expect(errorOf(answer).Code).toBe('MissingParameter');
  });
});
