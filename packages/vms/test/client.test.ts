// The generated VMS client against the mock server on the bundled spec: typed methods, errors,
// retries as the spec's x-volc-idempotent says, pagination from x-volc-pagination, and the raw client.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { operationMeta, RpcError } from '../src/generated/index.ts';
import { type Mock, received, startMock, vmsClient } from './helpers.ts';

let mock: Mock;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock.close());
beforeEach(async () => {
  await fetch(`${mock.url}/__mock/scenarios`, { method: 'DELETE' });
  await received(mock);
});

describe('createVmsClient', () => {
  it('calls a GET and a POST action and exposes the RequestId', async () => {
    const { vms } = vmsClient(mock);
    const usable = await vms.QueryUsableResourceV2({ Type: 1 });
    expect(usable.error).toBeUndefined();
    expect(usable.requestId).toBe(usable.data?.ResponseMetadata.RequestId);
    // Not the key of the list example: the mock remembers deletions and would hide it from lists.
    const deleted = await vms.OpenDeleteResource({ ResourceKey: 'another-key' });
    expect(deleted.data?.Result.ResourceKey).toBeTypeOf('string');
    expect((await received(mock)).map((r) => r.method)).toEqual(['GET', 'POST']);
  });

  it('returns documented error codes as RpcError, with the envelope kept for older code', async () => {
    const { vms } = vmsClient(mock);
    const { error, requestId } = await vms.OpenDeleteResource(
      { ResourceKey: 'k' },
      { headers: { 'X-Mock-Scenario': 'error=InvalidParameter' } },
    );
    expect(error).toBeInstanceOf(RpcError);
    expect(error).toMatchObject({
      kind: 'api',
      status: 400,
      Code: 'InvalidParameter',
      Action: 'OpenDeleteResource',
    });
    expect(error?.ResponseMetadata.Error.Code).toBe('InvalidParameter');
    expect(requestId).toBe(error?.RequestId);
  });

  it('retries the idempotent actions only, as the spec declares', async () => {
    expect(operationMeta.QueryUsableResourceV2.idempotent).toBe(true);
    expect(operationMeta.OpenDeleteResource.idempotent).toBe(false);
    const { vms, waits } = vmsClient(mock);
    const scenario = { headers: { 'X-Mock-Scenario': 'error=ServiceUnavailable' } };
    expect((await vms.QueryUsableResourceV2({ Type: 1 }, scenario)).error?.attempts).toBe(3);
    expect((await vms.OpenDeleteResource({ ResourceKey: 'k' }, scenario)).error?.attempts).toBe(1);
    expect(
      (await vms.OpenDeleteResource({ ResourceKey: 'k' }, { ...scenario, retry: true })).error?.attempts,
    ).toBe(3);
    expect(waits).toHaveLength(4);
  });

  it('pages through QueryOpenGetResource with for await, from the spec’s x-volc-pagination', async () => {
    const { vms } = vmsClient(mock);
    const keys: string[] = [];
    for await (const record of vms.paginate.QueryOpenGetResource({ Type: 0, Limit: 10 }))
      keys.push(String(record.ResourceKey));
    expect(keys).toHaveLength(1);
    expect(Object.keys(vms.paginate)).toEqual(
      Object.entries(operationMeta)
        .filter(([, meta]) => 'pagination' in meta)
        .map(([id]) => id),
    );
  });

  it('signs and retries raw openapi-fetch calls the same way', async () => {
    const { vms, waits } = vmsClient(mock);
    const { data, error } = await vms.raw.GET('/?Action=QueryUsableResourceV2&Version=2022-01-01', {
      params: { query: { Type: 1 } },
      headers: { 'X-Mock-Scenario': 'error=Throttling' },
    });
    expect(data).toBeUndefined();
    expect(error).toMatchObject({ ResponseMetadata: { Error: { Code: 'Throttling' } } });
    expect(waits).toHaveLength(2);
  });

  it('returns an error envelope sent with HTTP 200 as the raw client’s error, not its data', async () => {
    const { vms } = vmsClient(mock);
    const { data, error, response } = await vms.raw.GET('/?Action=QueryUsableResourceV2&Version=2022-01-01', {
      params: { query: { Type: 1 } },
      headers: { 'X-Mock-Scenario': 'error=InvalidParameter; http200' },
    });
    expect(response.status).toBe(200);
    expect(data).toBeUndefined();
    expect(error).toMatchObject({
      ResponseMetadata: { Action: 'QueryUsableResourceV2', Error: { Code: 'InvalidParameter' } },
    });
    // A success with the same status is still data.
    const success = await vms.raw.GET('/?Action=QueryUsableResourceV2&Version=2022-01-01', {
      params: { query: { Type: 1 } },
    });
    expect(success.error).toBeUndefined();
    expect(success.data?.Result.Records).toBeDefined();
  });

  it('sends a form body with a list of objects from the raw client as the spec declares (JSON text)', async () => {
    const { vms } = vmsClient(mock);
    const body = {
      QualificationNo: 'QUA164664762128220429',
      NumberPoolNo: 'NP160084061100694433',
      NumberPurpose: '营销外呼',
      NumberType: '0',
      SubServiceType: '101',
      NumberApplicationCityItemList: [{ NumberCount: '10', CountryIsoCode: 'CN', CityCode: '010' }],
    };
    const { data, error } = await vms.raw.POST('/?Action=CreateNumberApplication&Version=2022-01-01', {
      body,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(error).toBeUndefined();
    expect(data?.Result).toBeDefined();
    const [request] = await received(mock);
    const sent = new URLSearchParams(request?.body ?? '');
    expect(JSON.parse(sent.get('NumberApplicationCityItemList') ?? '')).toEqual(
      body.NumberApplicationCityItemList,
    );
    expect(request?.body).not.toContain('object+Object');
  });
});
