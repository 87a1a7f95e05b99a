// Type tests of the generated client: what an editor lets a caller write, and what it infers.
import { describe, expectTypeOf, it } from 'vitest';
import {
  createVmsClient,
  type OpenDeleteResourceErrorCode,
  type QueryOpenGetResourceInput,
  type RpcErrorBody,
} from '../src/index.ts';

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
  });

  it('narrows data and error against each other', async () => {
    const result = await vms.OpenDeleteResource({ ResourceKey: 'k' });
    if (result.error) {
      expectTypeOf(result.data).toBeUndefined();
      expectTypeOf(result.error).toEqualTypeOf<RpcErrorBody<OpenDeleteResourceErrorCode>>();
    } else {
      expectTypeOf(result.data.Result.ResourceKey).toBeString();
      expectTypeOf(result.data.ResponseMetadata.RequestId).toBeString();
    }
  });

  it('types error codes as the documented ones, with a string fallback', () => {
    expectTypeOf<'MissingParameter'>().toExtend<OpenDeleteResourceErrorCode>();
    expectTypeOf<'SignatureDoesNotMatch'>().toExtend<OpenDeleteResourceErrorCode>();
    expectTypeOf<'SomethingNew'>().toExtend<
      RpcErrorBody<OpenDeleteResourceErrorCode>['ResponseMetadata']['Error']['Code']
    >();
  });

  it('keeps the raw openapi-fetch client typed by path key', () => {
    expectTypeOf(vms.raw.GET)
      .parameter(0)
      .toEqualTypeOf<'/?Action=QueryUsableResourceV2&Version=2022-01-01'>();
    expectTypeOf(vms.raw.POST)
      .parameter(0)
      .toEqualTypeOf<
        '/?Action=OpenDeleteResource&Version=2022-01-01' | '/?Action=QueryOpenGetResource&Version=2022-01-01'
      >();
  });
});
