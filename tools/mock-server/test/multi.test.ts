// Several services on one port: each request reaches the service its credential scope names; an
// unsigned request reaches the service that declares its operation unsigned. Plus value styles and
// state rules read from the spec.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMockServer,
  exampleCall,
  MockConfigError,
  type RunningMockServer,
  readSpec,
  readStateRules,
  startMockServer,
} from '../src/index.ts';
import {
  call,
  errorOf,
  fixturePath,
  metadata,
  postForm,
  postJson,
  REQUEST_ID,
  readJson,
  realSpec,
  stsSpec,
} from './helpers.ts';

const widgetsSpec = () => readJson(fixturePath('open-spec.json'));

const USABLE = '/?Action=QueryUsableResourceV2&Version=2022-01-01&Type=1';
const LIST_WIDGETS = '/?Action=ListWidgets&Version=2024-01-01';
const DELETE_WIDGET = '/?Action=DeleteWidget&Version=2024-01-01';
const ISSUE_TOKEN = '/?Action=IssueToken&Version=2024-01-01';
const WIDGETS = { service: 'widgets', region: 'cn-shanghai' };

describe('several services on one port', () => {
  let server: RunningMockServer;
  beforeAll(async () => {
    server = await startMockServer({
      specs: [realSpec(), widgetsSpec(), stsSpec()],
    });
  });
  afterAll(() => server.close());

  it('routes each request by the service of its credential scope', async () => {
    const vms = await call(server, USABLE);
    expect(vms.status, vms.text).toBe(200);
    expect(metadata(vms)).toMatchObject({
      Action: 'QueryUsableResourceV2',
      Service: 'vms',
      Region: 'cn-beijing',
    });
    const widgets = await call(server, `${LIST_WIDGETS}&Ids=1`, {}, WIDGETS);
    expect(widgets.status, widgets.text).toBe(200);
    expect(metadata(widgets)).toMatchObject({
      Action: 'ListWidgets',
      Service: 'widgets',
      Region: 'cn-shanghai',
    });
    expect(widgets.json.Result).toMatchObject({ Count: 2 });
  });

  it('does not find one service’s Action through another service’s scope', async () => {
    const answer = await call(server, `${LIST_WIDGETS}&Ids=1`);
    expect(answer.status).toBe(404);
    expect(errorOf(answer).Code).toBe('InvalidActionOrVersion');
    expect(metadata(answer).Service).toBe('vms');
  });

  it('answers 404 ServiceNotFound, from the catalogue, for a scope naming a service nobody serves', async () => {
    const answer = await call(server, USABLE, {}, { service: 'nosuch', region: 'cn-beijing' });
    expect(answer.status).toBe(404);
    expect(errorOf(answer)).toMatchObject({ Code: 'ServiceNotFound', CodeN: 100007 });
    expect(errorOf(answer).Message).toContain('"nosuch"');
    expect(metadata(answer)).toMatchObject({ Service: 'nosuch', Action: 'QueryUsableResourceV2' });
    expect(metadata(answer).RequestId).toMatch(REQUEST_ID);
    expect(answer.headers.get('x-tt-logid')).toBe(metadata(answer).RequestId);
  });

  it('answers an unsigned request for an operation declared with security: [] without a signature', async () => {
    const answer = await call(server, ISSUE_TOKEN, postForm('Audience=app&Scopes=read&Scopes=write'), {
      sign: false,
    });
    expect(answer.status, answer.text).toBe(200);
    expect(metadata(answer)).toMatchObject({
      Action: 'IssueToken',
      Service: 'widgets',
      Region: 'cn-shanghai',
    });
    expect(answer.json.Result).toEqual({ Token: 't0k3n' });
  });

  it('still validates the input of an unsigned operation', async () => {
    const answer = await call(server, ISSUE_TOKEN, postForm('Scopes=read'), { sign: false });
    expect(answer.status).toBe(400);
    expect(errorOf(answer)).toMatchObject({
      Code: 'MissingParameter',
      Message: 'The required parameter Audience is missing.',
    });
  });

  it('refuses an unsigned request for a signed operation, as before', async () => {
    const answer = await call(server, `${LIST_WIDGETS}&Ids=1`, {}, { sign: false });
    expect(answer.status).toBe(401);
    expect(errorOf(answer).Code).toBe('MissingAuthenticationToken');
    expect(metadata(answer)).toMatchObject({ Action: 'ListWidgets', Service: 'widgets' });
  });

  it('accepts the spec’s region and cn-north-1, and refuses another region', async () => {
    expect(
      (await call(server, `${LIST_WIDGETS}&Ids=1`, {}, { ...WIDGETS, region: 'cn-north-1' })).status,
    ).toBe(200);
    const wrong = await call(server, `${LIST_WIDGETS}&Ids=1`, {}, { ...WIDGETS, region: 'ap-southeast-1' });
    expect(wrong.status).toBe(401);
    expect(errorOf(wrong).Code).toBe('SignatureDoesNotMatch');
    expect(errorOf(wrong).Message).toContain('ap-southeast-1');
  });

  it('lists every service in /__mock/health, the default first', async () => {
    const health = await (await fetch(`${server.url}/__mock/health`)).json();
    expect(health).toMatchObject({ ok: true, service: 'vms', region: 'cn-beijing' });
    expect(health.services.map((s: { service: string }) => s.service)).toEqual(['vms', 'widgets', 'sts']);
  });

  it('limits a scenario to one service', async () => {
    const added = await fetch(`${server.url}/__mock/scenarios`, {
      method: 'POST',
      body: JSON.stringify({ service: 'widgets', error: 'Throttling', status: 429, times: 1 }),
    });
    expect(added.status).toBe(201);
    expect((await call(server, USABLE)).status).toBe(200);
    expect((await call(server, `${LIST_WIDGETS}&Ids=1`, {}, WIDGETS)).status).toBe(429);
    const unknown = await fetch(`${server.url}/__mock/scenarios`, {
      method: 'POST',
      body: JSON.stringify({ service: 'nosuch', error: 'Throttling' }),
    });
    expect(unknown.status).toBe(400);
  });

  it('records the service each request was routed to', async () => {
    await fetch(`${server.url}/__mock/requests`, { method: 'DELETE' });
    await call(server, `${LIST_WIDGETS}&Ids=1`, {}, WIDGETS);
    const { requests } = await (await fetch(`${server.url}/__mock/requests`)).json();
    expect(requests[0]).toMatchObject({ service: 'widgets', action: 'ListWidgets', status: 200 });
  });

  it('answers the example call built for every service', async () => {
    const specs = server.mock.specs;
    expect(specs.length).toBeGreaterThanOrEqual(2);
    for (const spec of specs) {
      const example = await exampleCall(spec, server.url);
      const response = await fetch(example.url, {
        method: example.method,
        headers: example.headers,
        ...(example.body !== undefined ? { body: example.body } : {}),
      });
      expect(response.status, `${spec.signing.service} ${example.curl}`).toBe(200);
      const body = await response.json();
      expect(body.ResponseMetadata).toMatchObject({
        Action: example.operation.action,
        Service: spec.signing.service,
      });
    }
  });

  it('answers an unsigned STS AssumeRoleWithOIDC call (spec/sts bundle)', async () => {
    const form = new URLSearchParams({
      RoleTrn: 'trn:iam::2000012345:role/myRole',
      OIDCToken: `eyJhbGciOiJSUzI1NiJ9.${'a'.repeat(40)}.c2ln`,
      RoleSessionName: 'app-session',
      DurationSeconds: '3600',
    });
    const answer = await call(
      server,
      '/?Action=AssumeRoleWithOIDC&Version=2018-01-01',
      postForm(form.toString()),
      { sign: false },
    );
    expect(answer.status, answer.text).toBe(200);
    expect(metadata(answer)).toMatchObject({
      Action: 'AssumeRoleWithOIDC',
      Service: 'sts',
      Region: 'cn-beijing',
    });
    const signedOnly = await call(
      server,
      '/?Action=GetCallerIdentity&Version=2018-01-01',
      {},
      { sign: false },
    );
    expect(errorOf(signedOnly).Code).toBe('MissingAuthenticationToken');
    const identity = await call(
      server,
      '/?Action=GetCallerIdentity&Version=2018-01-01',
      {},
      {
        service: 'sts',
        region: 'cn-beijing',
      },
    );
    expect(identity.status, identity.text).toBe(200);
    expect(metadata(identity).Service).toBe('sts');
  });
});

describe('value styles: query and form values are read as the spec says they are written', () => {
  let server: RunningMockServer;
  beforeAll(async () => {
    server = await startMockServer({ spec: widgetsSpec(), state: false });
  });
  afterAll(() => server.close());
  const list = (query: string) => call(server, `${LIST_WIDGETS}&${query}`, {}, WIDGETS);
  const message = async (query: string) => errorOf(await list(query)).Message;

  it('splits a comma-style list on "," (repeated names add to it)', async () => {
    expect((await list('Ids=1,2,3')).status).toBe(200);
    expect((await list('Ids=1&Ids=2')).status).toBe(200);
    expect(await message('Ids=1,x')).toBe(
      'The specified parameter Ids.1 is invalid: must be of type integer.',
    );
    expect(await message('Ids=1,2&Ids=3,4')).toBe(
      'The specified parameter Ids is invalid: must hold at most 3 items.',
    );
  });

  it('takes every value of a repeat-style list as one item, commas and all', async () => {
    expect((await list('Tags=red&Tags=blue')).status).toBe(200);
    expect(await message('Tags=red,blue')).toBe(
      'The specified parameter Tags.0 is invalid: must match the pattern ^[a-z]+$.',
    );
    expect(await message('Tags=a&Tags=b&Tags=c')).toBe(
      'The specified parameter Tags is invalid: must hold at most 2 items.',
    );
  });

  it('parses a JSON-style value as JSON', async () => {
    const filter = (value: unknown) => `Filter=${encodeURIComponent(JSON.stringify(value))}`;
    expect((await list(filter({ Name: 'x', Sizes: [1, 2] }))).status).toBe(200);
    expect(await message(filter({ Name: 1 }))).toBe(
      'The specified parameter Filter.Name is invalid: must be of type string.',
    );
    expect(await message(filter({}))).toBe('The required parameter Filter.Name is missing.');
    expect(await message('Filter=not-json')).toBe(
      'The specified parameter Filter is invalid: must be of type object.',
    );
  });

  it('reads a repeat-style form field by its repeated names', async () => {
    const ok = await call(server, ISSUE_TOKEN, postForm('Audience=a&Scopes=read&Scopes=write'), {
      sign: false,
    });
    expect(ok.status, ok.text).toBe(200);
    const joined = await call(server, ISSUE_TOKEN, postForm('Audience=a&Scopes=read,write'), { sign: false });
    expect(errorOf(joined).Message).toBe(
      'The specified parameter Scopes.0 is invalid: must match the pattern ^[a-z]+$.',
    );
  });
});

describe('state rules read from the spec (x-volc-mock-state)', () => {
  let server: RunningMockServer;
  beforeAll(async () => {
    server = await startMockServer({ spec: widgetsSpec() });
  });
  afterAll(() => server.close());
  const ids = (answer: { json: Record<string, unknown> }) =>
    ((answer.json.Result as { Widgets: { WidgetId: string }[] }).Widgets ?? []).map((w) => w.WidgetId);

  it('hides a deleted item from the list and lowers the total', async () => {
    expect(ids(await call(server, LIST_WIDGETS, {}, WIDGETS))).toEqual(['w1', 'w2']);
    const deleted = await call(server, DELETE_WIDGET, postJson({ WidgetId: 'w1' }), WIDGETS);
    expect(deleted.json.Result).toEqual({ WidgetId: 'w1' });
    const after = await call(server, LIST_WIDGETS, {}, WIDGETS);
    expect(ids(after)).toEqual(['w2']);
    expect((after.json.Result as { Count: number }).Count).toBe(1);
    const state = await (await fetch(`${server.url}/__mock/state`)).json();
    expect(state.deleted).toEqual({ WidgetId: ['w1'] });
    await fetch(`${server.url}/__mock/state`, { method: 'DELETE' });
    expect(ids(await call(server, LIST_WIDGETS, {}, WIDGETS))).toEqual(['w1', 'w2']);
  });

  it('reads the rules of the document, none when it declares none', () => {
    expect(readStateRules(widgetsSpec())).toEqual({
      deletes: [{ action: 'DeleteWidget', key: 'WidgetId' }],
      lists: [{ action: 'ListWidgets', items: 'Widgets', key: 'WidgetId', total: 'Count' }],
      issues: [],
    });
    const bare = widgetsSpec();
    delete bare['x-volc-mock-state'];
    expect(readStateRules(bare)).toEqual({ deletes: [], lists: [], issues: [] });
    expect(readStateRules(stsSpec()).issues.map((rule) => rule.action)).toEqual([
      'AssumeRole',
      'AssumeRoleWithOIDC',
      'AssumeRoleWithSAML',
    ]);
    expect(readStateRules(readSpec(realSpec()).document).deletes).toEqual([
      { action: 'OpenDeleteResource', key: 'ResourceKey' },
    ]);
  });

  it('refuses malformed rules with a MockConfigError naming the entry', () => {
    const bad = widgetsSpec();
    bad['x-volc-mock-state'] = { deletes: [{ action: 'DeleteWidget' }] };
    expect(() => createMockServer({ spec: bad })).toThrow(MockConfigError);
    expect(() => createMockServer({ spec: bad })).toThrow(
      'root x-volc-mock-state.deletes[0].key must be a non-empty string',
    );
    bad['x-volc-mock-state'] = {
      issues: [
        {
          action: 'AssumeRole',
          result: 'Credentials',
          duration: { field: 'D', default: 3600, min: 0, max: 1 },
        },
      ],
    };
    expect(() => createMockServer({ spec: bad })).toThrow(
      'root x-volc-mock-state.issues[0].duration.min must be a positive whole number of seconds',
    );
  });
});

describe('configuration of several services', () => {
  it('refuses two specs that sign for the same service', () => {
    expect(() => createMockServer({ specs: [realSpec(), realSpec()] })).toThrow(
      /two specs sign for the service "vms"/,
    );
  });

  it('refuses an empty list', () => {
    expect(() => createMockServer({ specs: [] })).toThrow(MockConfigError);
  });
});
