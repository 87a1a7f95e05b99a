// Type tests of the generated client: what an editor lets a caller write, and what it infers.
import { describe, expectTypeOf, it } from 'vitest';
import {
  createVmsClient,
  type OpenDeleteResourceErrorCode,
  type Paginator,
  type QueryOpenGetResourceInput,
  type QueryOpenGetResourceItem,
  type QueryOpenGetResourceOutput,
  type RpcError,
  type RpcErrorBody,
} from '../src/generated/index.ts';

const vms = createVmsClient({ credentials: { accessKeyId: 'AK', secretAccessKey: 'SK' } });

describe('createVmsClient', () => {
  it('has one method per Action taking that Action’s parameters', () => {
    expectTypeOf(vms.OpenDeleteResource).parameter(0).toEqualTypeOf<{ ResourceKey: string }>();
    expectTypeOf(vms.QueryUsableResourceV2).parameter(0).toEqualTypeOf<{ Type: 0 | 1 | 2 }>();
    expectTypeOf<QueryOpenGetResourceInput['Limit']>().toEqualTypeOf<number | undefined>();
    // @ts-expect-error ResourceKey is required
    vms.OpenDeleteResource({});
    // @ts-expect-error Type accepts only the documented enum values
    vms.QueryUsableResourceV2({ Type: 7 });
    // Credentials may be left to the environment or ~/.volc/config.
    expectTypeOf(createVmsClient).toBeCallableWith();
  });

  it('narrows data and error against each other; error is an RpcError with the envelope', async () => {
    const result = await vms.OpenDeleteResource({ ResourceKey: 'k' }, { retry: true, timeoutMs: 1000 });
    expectTypeOf(result.requestId).toEqualTypeOf<string | undefined>();
    if (result.error) {
      expectTypeOf(result.data).toBeUndefined();
      expectTypeOf(result.error).toEqualTypeOf<RpcError<OpenDeleteResourceErrorCode>>();
      expectTypeOf(result.error).toExtend<RpcErrorBody<OpenDeleteResourceErrorCode>>();
      expectTypeOf(result.error.Code).toEqualTypeOf<OpenDeleteResourceErrorCode | (string & {})>();
    } else {
      expectTypeOf(result.data.Result.ResourceKey).toBeString();
      expectTypeOf(result.data.ResponseMetadata.RequestId).toBeString();
    }
  });

  it('types the raw client’s error as the envelope for every Action, and its data without it', async () => {
    const listed = await vms.raw.GET('/?Action=QueryUsableResourceV2&Version=2022-01-01', {
      params: { query: { Type: 1 } },
    });
    expectTypeOf<RpcErrorBody>().toExtend<NonNullable<typeof listed.error>>();
    // Click2Call documents its business errors as HTTP 200 answers: they are errors, never data.
    const called = await vms.raw.POST('/?Action=Click2Call&Version=2022-01-01', {
      body: {
        Caller: '13700000000',
        Callee: '13800000000',
        CallerNumberPoolNo: 'NP1',
        CalleeNumberPoolNo: 'NP2',
      },
    });
    expectTypeOf<RpcErrorBody>().toExtend<NonNullable<typeof called.error>>();
    expectTypeOf<Extract<typeof called.data, { ResponseMetadata: { Error: unknown } }>>().toBeNever();
    if (!called.error) expectTypeOf(called.data.Result.CallId).toBeString();
  });

  it('types error codes as the documented ones, with a string fallback', () => {
    expectTypeOf<'MissingParameter'>().toExtend<OpenDeleteResourceErrorCode>();
    expectTypeOf<'SignatureDoesNotMatch'>().toExtend<OpenDeleteResourceErrorCode>();
    expectTypeOf<'SomethingNew'>().toExtend<RpcError<OpenDeleteResourceErrorCode>['Code']>();
  });

  it('offers typed paginators for the paged actions only', () => {
    expectTypeOf(vms.paginate.QueryOpenGetResource).returns.toEqualTypeOf<
      Paginator<QueryOpenGetResourceItem, QueryOpenGetResourceOutput>
    >();
    expectTypeOf<QueryOpenGetResourceItem['ResourceKey']>().toExtend<string | undefined>();
    expectTypeOf(vms.paginate).not.toHaveProperty('OpenDeleteResource');
  });

  it('keeps the raw openapi-fetch client typed by path key', () => {
    // Type-checked only, never run.
    vms.raw.GET('/?Action=QueryUsableResourceV2&Version=2022-01-01', { params: { query: { Type: 1 } } });
    vms.raw.POST('/?Action=OpenDeleteResource&Version=2022-01-01', { body: { ResourceKey: 'k' } });
    // @ts-expect-error OpenDeleteResource is a POST
    vms.raw.GET('/?Action=OpenDeleteResource&Version=2022-01-01', {});
  });
});
