// The public API shared by every entry (browser/edge and Node).
export type { Credentials } from '@volc-openapi/signer';
export { type OperationCall, operationMethods, operationPaginators } from './call.ts';
export type { RpcClientOptions, RpcService } from './create-client.ts';
export {
  type CachedCredentialsOptions,
  type CachingCredentialsProvider,
  type CredentialsInput,
  type CredentialsProvider,
  cachedCredentials,
  chainCredentials,
  NO_CREDENTIALS,
  type ProvidedCredentials,
} from './credentials.ts';
export { errorOf, isErrorEnvelope, parseJson, REQUEST_ID_HEADER } from './envelope.ts';
export {
  CredentialsError,
  isCredentialsError,
  isRpcError,
  RpcError,
  type RpcErrorInit,
  type RpcErrorKind,
} from './errors.ts';
export {
  encodeForm,
  encodeMultipart,
  encodeQuery,
  type FieldStyles,
  formValues,
  type ValueStyle,
} from './form.ts';
export {
  createLogger,
  type Logger,
  type LoggerOptions,
  type LogLevel,
  type LogSink,
  redactHeaders,
} from './log.ts';
export { defineOperations, type OperationRow } from './meta.ts';
export { type Paginator, paginate } from './paginate.ts';
export { joinQuery } from './query-join.ts';
export { type RawClient, type RawPaths, rpcQueryJoin } from './raw-client.ts';
export {
  backoff,
  DEFAULT_RETRY,
  isTransient,
  type RetryContext,
  type RetryOptions,
  retryAfter,
} from './retry.ts';
export type { HeaderReader } from './send.ts';
export { anySignal } from './signals.ts';
export type {
  CallOptions,
  OperationMeta,
  PaginationMeta,
  RpcErrorBody,
  RpcErrorDetail,
  RpcResult,
  SuccessBody,
  WireEncoding,
} from './types.ts';
