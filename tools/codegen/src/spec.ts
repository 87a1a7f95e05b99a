// Reads a bundled Action/Version OpenAPI document into the facts the generators need.

export type JsonObject = { [key: string]: unknown };

export type WireEncoding = 'json' | 'form' | 'multipart' | 'query';

export interface ErrorCodeDoc {
  code: string;
  status: number;
  codeN?: number;
  summary: string;
}

export interface OffsetPaginationDoc {
  style: 'offset';
  offset: string;
  limit: string;
  items: string;
  total: string;
}

/** `x-volc-pagination: { style: cursor, cursor, nextCursor, items }`: request and result field names. */
export interface CursorPaginationDoc {
  style: 'cursor';
  cursor: string;
  nextCursor: string;
  items: string;
}

/** The operation's `x-volc-pagination`: offset/limit or cursor paging. */
export type PaginationDoc = OffsetPaginationDoc | CursorPaginationDoc;

export interface RpcOperation {
  operationId: string;
  action: string;
  version: string;
  path: string;
  method: 'GET' | 'POST';
  encoding: WireEncoding;
  summary: string;
  description: string;
  deprecated: boolean;
  idempotent: boolean;
  titleZh?: string;
  /** `x-volc-replaced-by` of a deprecated operation: the operationId that supersedes it. */
  replacedBy?: string;
  tags: string[];
  /** The first request example: the body, or the query parameters of a GET. */
  requestExample: JsonObject;
  /** The first 200 example. */
  successExample: JsonObject;
  errorCodes: ErrorCodeDoc[];
  pagination?: PaginationDoc;
}

export interface SigningDoc {
  service: string;
  region: string;
  endpoint: string;
}

const PATH_KEY = /^\/\?Action=([A-Za-z][A-Za-z0-9]*)&Version=(\d{4}-\d{2}-\d{2})$/;
const MEDIA_ENCODINGS: Record<string, WireEncoding> = {
  'application/json': 'json',
  'application/x-www-form-urlencoded': 'form',
  'multipart/form-data': 'multipart',
};

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows a local `#/components/...` reference of the bundled document. */
export function deref(spec: JsonObject, node: unknown): JsonObject {
  let current = node;
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string'; hops++) {
    if (hops > 32) throw new Error(`Reference cycle at ${current.$ref}`);
    const pointer = current.$ref;
    if (!pointer.startsWith('#/'))
      throw new Error(`Only local references are expected in a bundle: ${pointer}`);
    current = pointer
      .slice(2)
      .split('/')
      .reduce<unknown>(
        (into, part) => (isObject(into) ? into[part.replaceAll('~1', '/').replaceAll('~0', '~')] : undefined),
        spec,
      );
  }
  if (!isObject(current)) throw new Error('Reference points at nothing');
  return current;
}

function firstExample(spec: JsonObject, media: JsonObject | undefined): JsonObject | undefined {
  if (!media) return undefined;
  if (isObject(media.example)) return media.example;
  const examples = isObject(media.examples) ? Object.values(media.examples) : [];
  const first = examples[0];
  if (first === undefined) return undefined;
  const value = deref(spec, first).value;
  return isObject(value) ? value : undefined;
}

function errorCodes(spec: JsonObject, responses: JsonObject): ErrorCodeDoc[] {
  const codes: ErrorCodeDoc[] = [];
  for (const [status, responseNode] of Object.entries(responses)) {
    const response = deref(spec, responseNode);
    const media = isObject(response.content) ? response.content['application/json'] : undefined;
    const examples = isObject(media) && isObject(media.examples) ? media.examples : {};
    for (const [name, exampleNode] of Object.entries(examples)) {
      const example = deref(spec, exampleNode);
      const metadata = isObject(example.value) ? example.value.ResponseMetadata : undefined;
      const error = isObject(metadata) ? metadata.Error : undefined;
      if (!isObject(error)) continue; // a success example of a 200 response
      codes.push({
        code: String(error.Code ?? name),
        status: Number(status),
        ...(typeof error.CodeN === 'number' ? { codeN: error.CodeN } : {}),
        summary: String(example.summary ?? ''),
      });
    }
  }
  return codes;
}

function queryExample(spec: JsonObject, parameters: unknown[]): JsonObject {
  const example: JsonObject = {};
  for (const node of parameters) {
    const parameter = deref(spec, node);
    if (parameter.in !== 'query') continue;
    const schema = isObject(parameter.schema) ? deref(spec, parameter.schema) : {};
    const fromSchema = Array.isArray(schema.examples) ? schema.examples[0] : undefined;
    example[String(parameter.name)] = parameter.example ?? fromSchema;
  }
  return example;
}

function readOperation(spec: JsonObject, path: string, pathItem: JsonObject): RpcOperation {
  const match = PATH_KEY.exec(path);
  if (!match) throw new Error(`Path key "${path}" is not /?Action=<Name>&Version=<YYYY-MM-DD>`);
  const [, action = '', version = ''] = match;
  const method = pathItem.get ? 'GET' : 'POST';
  const operation = deref(spec, method === 'GET' ? pathItem.get : pathItem.post);
  const requestBody = operation.requestBody ? deref(spec, operation.requestBody) : undefined;
  const content = isObject(requestBody?.content) ? requestBody.content : {};
  const mediaType = Object.keys(content)[0];
  const responses = isObject(operation.responses) ? operation.responses : {};
  const success = deref(spec, responses['200']);
  const successMedia = isObject(success.content) ? success.content['application/json'] : undefined;

  let encoding: WireEncoding = 'query';
  if (mediaType !== undefined) {
    const known = MEDIA_ENCODINGS[mediaType];
    if (!known)
      throw new Error(`${operation.operationId}: request media type ${mediaType} is not supported yet`);
    encoding = known;
  }
  const requestExample =
    encoding === 'query'
      ? queryExample(spec, Array.isArray(operation.parameters) ? operation.parameters : [])
      : firstExample(
          spec,
          isObject(content[mediaType ?? '']) ? (content[mediaType ?? ''] as JsonObject) : undefined,
        );

  return {
    operationId: String(operation.operationId),
    action,
    version,
    path,
    method,
    encoding,
    summary: String(operation.summary ?? ''),
    description: String(operation.description ?? '').trim(),
    deprecated: operation.deprecated === true,
    idempotent: operation['x-volc-idempotent'] === true,
    ...(typeof operation['x-volc-doc-title-zh'] === 'string'
      ? { titleZh: operation['x-volc-doc-title-zh'] }
      : {}),
    ...(typeof operation['x-volc-replaced-by'] === 'string'
      ? { replacedBy: operation['x-volc-replaced-by'] }
      : {}),
    tags: Array.isArray(operation.tags) ? operation.tags.map(String) : [],
    requestExample: requestExample ?? {},
    successExample: firstExample(spec, isObject(successMedia) ? successMedia : undefined) ?? {},
    errorCodes: errorCodes(spec, responses),
    ...(isObject(operation['x-volc-pagination'])
      ? { pagination: operation['x-volc-pagination'] as unknown as PaginationDoc }
      : {}),
  };
}

/** Every operation of a bundled spec, in document order. */
export function readOperations(spec: JsonObject): RpcOperation[] {
  const paths = isObject(spec.paths) ? spec.paths : {};
  return Object.entries(paths).map(([path, item]) => readOperation(spec, path, deref(spec, item)));
}

/** Service name, region and endpoint for signing, from the security scheme's `x-volc-signing`. */
export function readSigning(spec: JsonObject): SigningDoc {
  const components = isObject(spec.components) ? spec.components : {};
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  for (const scheme of Object.values(schemes)) {
    const signing = deref(spec, scheme)['x-volc-signing'];
    if (isObject(signing)) {
      const servers = Array.isArray(spec.servers) ? spec.servers : [];
      const endpoint = isObject(servers[0]) ? String(servers[0].url) : '';
      return { service: String(signing.service), region: String(signing.region), endpoint };
    }
  }
  throw new Error('No security scheme carries x-volc-signing {service, region}');
}
