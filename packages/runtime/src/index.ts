export { callOperation } from './call.ts';
export { createRpcClient, type RpcClientOptions } from './create-client.ts';
export { isErrorEnvelope } from './envelope.ts';
export { encodeForm, encodeMultipart } from './form.ts';
export { rpcQueryJoin } from './query-join.ts';
export type {
  CallOptions,
  OperationMeta,
  RpcErrorBody,
  RpcErrorDetail,
  RpcResult,
  WireEncoding,
} from './types.ts';
