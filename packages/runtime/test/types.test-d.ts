// Type tests of the public API: what a caller may write and what it gets back.
import { describe, expectTypeOf, it } from 'vitest';
import {
  type CallOptions,
  type CredentialsInput,
  createRpcService,
  type OperationMeta,
  type Paginator,
  type RawClient,
  type RpcError,
  type RpcErrorBody,
  type RpcErrorKind,
  type RpcResult,
  type SuccessBody,
} from '../src/index.ts';

declare const meta: OperationMeta;
type Output = { ResponseMetadata: { RequestId: string }; Result: { Id: number } };

describe('results', () => {
  it('narrows data and error against each other and always has response and requestId', async () => {
    const service = createRpcService<object>({ endpoint: 'https://x', region: 'r', service: 's' });
    const result = await service.call<Output, 'Throttling'>(meta, {});
    expectTypeOf(result).toEqualTypeOf<RpcResult<Output, 'Throttling'>>();
    expectTypeOf(result.response).toEqualTypeOf<Response>();
    expectTypeOf(result.requestId).toEqualTypeOf<string | undefined>();
    if (result.error) {
      expectTypeOf(result.data).toBeUndefined();
      expectTypeOf(result.error).toEqualTypeOf<RpcError<'Throttling'>>();
      expectTypeOf(result.error.Code).toEqualTypeOf<'Throttling' | (string & {})>();
      expectTypeOf(result.error.ResponseMetadata.Error.Code).toEqualTypeOf<'Throttling' | (string & {})>();
      expectTypeOf(result.error.kind).toEqualTypeOf<RpcErrorKind>();
      expectTypeOf(result.error.status).toEqualTypeOf<number | undefined>();
    } else expectTypeOf(result.data.Result.Id).toBeNumber();
  });

  it('drops the error envelope from a 200 schema that is a oneOf of both', () => {
    type Both =
      | Output
      | { ResponseMetadata: { RequestId: string; Error: { Code: string; Message: string } } };
    expectTypeOf<SuccessBody<Both>>().toEqualTypeOf<Output>();
  });
});

describe('options', () => {
  it('accepts retry opt-in or tuning per call, timeouts and a signal', () => {
    expectTypeOf<{ retry: true }>().toExtend<CallOptions>();
    expectTypeOf<{
      retry: { maxRetries: 5 };
      timeoutMs: 1;
      callTimeoutMs: 2;
      signal: AbortSignal;
    }>().toExtend<CallOptions>();
    expectTypeOf<{ retry: 'yes' }>().not.toExtend<CallOptions>();
  });

  it('accepts key pairs and sync or async providers as credentials', () => {
    expectTypeOf<{ accessKeyId: string; secretAccessKey: string }>().toExtend<CredentialsInput>();
    expectTypeOf<
      () => Promise<{ accessKeyId: string; secretAccessKey: string; expiration: Date }>
    >().toExtend<CredentialsInput>();
    expectTypeOf<{ accessKeyId: string }>().not.toExtend<CredentialsInput>();
  });

  it('iterates items and pages of a paginator', () => {
    type P = Paginator<{ Id: number }, Output>;
    expectTypeOf<P>().toExtend<AsyncIterable<{ Id: number }>>();
    expectTypeOf<ReturnType<P['pages']>>().toEqualTypeOf<AsyncIterable<Output>>();
  });
});

describe('raw client', () => {
  type Envelope = { ResponseMetadata: { RequestId: string; Error: { Code: string; Message: string } } };
  // One Action that documents no error response at all, and one whose 200 is a oneOf of success and envelope.
  type Paths = {
    '/?Action=GetThing&Version=2022-01-01': {
      get: {
        parameters: { query: { Id: number } };
        responses: { 200: { content: { 'application/json': Output } } };
      };
    };
    '/?Action=MakeThing&Version=2022-01-01': {
      post: {
        parameters: { query?: never };
        requestBody: { content: { 'application/json': { Name: string } } };
        responses: { 200: { content: { 'application/json': Output | Envelope } } };
      };
    };
  };
  const { raw } = createRpcService<Paths>({ endpoint: 'https://x', region: 'r', service: 's' });

  it('types the error envelope as error for every Action, also one that documents no error', async () => {
    expectTypeOf(raw).toEqualTypeOf<RawClient<Paths>>();
    const { data, error } = await raw.GET('/?Action=GetThing&Version=2022-01-01', {
      params: { query: { Id: 1 } },
    });
    expectTypeOf<RpcErrorBody>().toExtend<NonNullable<typeof error>>();
    if (!error) expectTypeOf(data.Result.Id).toBeNumber();
  });

  it('types an envelope documented with HTTP 200 as error, never as data', async () => {
    const { data, error } = await raw.POST('/?Action=MakeThing&Version=2022-01-01', { body: { Name: 'n' } });
    expectTypeOf<Extract<typeof data, { ResponseMetadata: { Error: unknown } }>>().toBeNever();
    expectTypeOf<NonNullable<typeof data>>().toExtend<Output>();
    expectTypeOf<RpcErrorBody>().toExtend<NonNullable<typeof error>>();
  });
});
