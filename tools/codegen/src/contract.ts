import type { JsonObject, RpcOperation } from './spec.ts';

/** One generated contract case: what the client sends for an operation and what it must get back. */
export interface ContractCase {
  operationId: string;
  action: string;
  version: string;
  method: 'GET' | 'POST';
  encoding: RpcOperation['encoding'];
  path: string;
  idempotent: boolean;
  request: JsonObject;
  expectedResult: unknown;
  errorCodes: { code: string; status: number }[];
}

export function renderContractCases(operations: RpcOperation[]): ContractCase[] {
  return operations.map((operation) => ({
    operationId: operation.operationId,
    action: operation.action,
    version: operation.version,
    method: operation.method,
    encoding: operation.encoding,
    path: operation.path,
    idempotent: operation.idempotent,
    request: operation.requestExample,
    expectedResult: operation.successExample.Result,
    errorCodes: operation.errorCodes.map(({ code, status }) => ({ code, status })),
  }));
}
