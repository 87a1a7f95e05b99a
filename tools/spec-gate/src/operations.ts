// The operations of an Action/Version document: each path key `/?Action=<Name>&Version=<date>` is one
// RPC operation, its HTTP method and its input encoding (the request media type, or `query`).
import { follow, isObject, type JsonObject, type Located } from './json.ts';

export const PATH_KEY = /^\/\?Action=([A-Za-z][A-Za-z0-9]*)&Version=(\d{4}-\d{2}-\d{2})$/;

export interface RpcOperation {
  key: string;
  action: string;
  version: string;
  operationId: string;
  method: string;
  /** `application/json`, `application/x-www-form-urlencoded`, `multipart/form-data`, or `query`. */
  encoding: string;
  operation: Located;
}

export function readOperations(document: JsonObject): RpcOperation[] {
  const paths = isObject(document.paths) ? document.paths : {};
  const out: RpcOperation[] = [];
  for (const [key, item] of Object.entries(paths)) {
    const match = PATH_KEY.exec(key);
    const pathItem = follow(document, item, ['paths', key]);
    for (const method of ['get', 'post', 'put', 'delete', 'patch']) {
      if (pathItem.node[method] === undefined) continue;
      const operation = follow(document, pathItem.node[method], [...pathItem.at, method]);
      const body = operation.node.requestBody
        ? follow(document, operation.node.requestBody, [...operation.at, 'requestBody']).node
        : undefined;
      const content = isObject(body?.content) ? Object.keys(body.content) : [];
      out.push({
        key,
        action: match?.[1] ?? key,
        version: match?.[2] ?? '',
        operationId: String(operation.node.operationId ?? ''),
        method: method.toUpperCase(),
        encoding: content.length > 0 ? content.join(' | ') : 'query',
        operation,
      });
    }
  }
  return out;
}
