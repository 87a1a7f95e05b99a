// Reads a bundled Action/Version OpenAPI document into the route table the server works from.
// Nothing here knows a particular Action: every fact comes from the document.
import { readFile } from 'node:fs/promises';

export type JsonObject = { [key: string]: unknown };

export type HttpMethod = 'GET' | 'POST';

/** One error code the spec documents, with the HTTP status and CodeN it comes with. */
export interface DocumentedError {
  code: string;
  status: number;
  codeN?: number;
  message: string;
}

export interface QueryParameter {
  name: string;
  required: boolean;
  /** JSON pointer (into the document) of the parameter's schema; ajv compiles it from there. */
  schemaPointer: string;
  schema: JsonObject;
}

export interface RequestBodyDoc {
  required: boolean;
  /** Media types the operation declares, e.g. `application/json`. */
  mediaTypes: string[];
  /** JSON pointer and node of the first declared media type's schema. */
  schemaPointer: string;
  schema: JsonObject;
}

export interface MockOperation {
  action: string;
  version: string;
  method: HttpMethod;
  operationId: string;
  pathKey: string;
  queryParameters: QueryParameter[];
  requestBody?: RequestBodyDoc;
  /** The first example of the 200 response that is not an error envelope. */
  successExample?: JsonObject;
  /** Error codes documented on this operation's responses, by code. */
  errors: Map<string, DocumentedError>;
}

export interface SigningDoc {
  service: string;
  region: string;
}

export interface MockSpec {
  document: JsonObject;
  operations: MockOperation[];
  signing: SigningDoc;
  /** Every documented error code of the document (first occurrence wins), for platform errors. */
  errors: Map<string, DocumentedError>;
}

/** A configuration problem the user can fix; the CLI prints its message without a stack trace. */
export class MockConfigError extends Error {
  override name = 'MockConfigError';
  /** The system error code behind it, when there is one (e.g. `EADDRINUSE`). */
  readonly code: string | undefined;

  constructor(message: string, code?: string) {
    super(message);
    this.code = code;
  }
}

const PATH_KEY = /^\/\?Action=([A-Za-z][A-Za-z0-9]*)&Version=(\d{4}-\d{2}-\d{2})$/;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Escapes one JSON-pointer segment (RFC 6901). */
export function pointerSegment(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

function lookup(document: JsonObject, pointer: string): unknown {
  if (pointer === '') return document;
  return pointer
    .slice(1)
    .split('/')
    .reduce<unknown>(
      (into, part) => (isObject(into) ? into[part.replaceAll('~1', '/').replaceAll('~0', '~')] : undefined),
      document,
    );
}

interface Located {
  node: JsonObject;
  pointer: string;
}

/** Follows local `$ref`s, keeping track of where the final node lives so ajv can compile it in place. */
function locate(document: JsonObject, node: unknown, pointer: string): Located {
  let current = node;
  let at = pointer;
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string'; hops++) {
    if (hops > 32) throw new MockConfigError(`reference cycle at ${current.$ref}`);
    const ref = current.$ref;
    if (!ref.startsWith('#'))
      throw new MockConfigError(`the spec is not bundled: it still references ${ref}`);
    at = decodeURIComponent(ref.slice(1));
    current = lookup(document, at);
  }
  if (!isObject(current)) throw new MockConfigError(`${pointer} points at nothing`);
  return { node: current, pointer: at };
}

function findExternalRef(node: unknown, depth = 0): string | undefined {
  if (depth > 200) return undefined;
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findExternalRef(item, depth + 1);
      if (found) return found;
    }
  } else if (isObject(node)) {
    if (typeof node.$ref === 'string' && !node.$ref.startsWith('#')) return node.$ref;
    for (const value of Object.values(node)) {
      const found = findExternalRef(value, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

function exampleValues(document: JsonObject, media: unknown): unknown[] {
  if (!isObject(media)) return [];
  const values: unknown[] = [];
  if (media.example !== undefined) values.push(media.example);
  if (isObject(media.examples)) {
    for (const [name, entry] of Object.entries(media.examples)) {
      values.push(locate(document, entry, `/examples/${name}`).node.value);
    }
  }
  return values;
}

function errorOf(example: unknown): JsonObject | undefined {
  const metadata = isObject(example) ? example.ResponseMetadata : undefined;
  const error = isObject(metadata) ? metadata.Error : undefined;
  return isObject(error) && typeof error.Code === 'string' ? error : undefined;
}

/** Collects the error codes documented by a `responses` object into `into` (first occurrence wins). */
function collectErrors(
  document: JsonObject,
  responses: JsonObject,
  pointer: string,
  into: Map<string, DocumentedError>,
): void {
  for (const [status, entry] of Object.entries(responses)) {
    const statusCode = Number(status);
    if (!Number.isInteger(statusCode)) continue; // `default` and the like carry no status to reproduce
    const { node: response } = locate(document, entry, `${pointer}/${status}`);
    const content = isObject(response.content) ? response.content : {};
    for (const media of Object.values(content)) {
      for (const example of exampleValues(document, media)) {
        const error = errorOf(example);
        if (!error || into.has(error.Code as string)) continue;
        into.set(error.Code as string, {
          code: error.Code as string,
          status: statusCode,
          ...(typeof error.CodeN === 'number' ? { codeN: error.CodeN } : {}),
          message: typeof error.Message === 'string' ? error.Message : '',
        });
      }
    }
  }
}

function readQueryParameters(document: JsonObject, pathItem: Located, operation: Located): QueryParameter[] {
  const parameters: QueryParameter[] = [];
  const lists: [unknown, string][] = [
    [pathItem.node.parameters, `${pathItem.pointer}/parameters`],
    [operation.node.parameters, `${operation.pointer}/parameters`],
  ];
  for (const [list, listPointer] of lists) {
    if (!Array.isArray(list)) continue;
    list.forEach((entry, index) => {
      const { node: parameter, pointer } = locate(document, entry, `${listPointer}/${index}`);
      if (parameter.in !== 'query' || typeof parameter.name !== 'string') return;
      // Action and Version route the call; they are not operation inputs even if a spec lists them.
      if (parameter.name === 'Action' || parameter.name === 'Version') return;
      // A parameter without a schema accepts any text; `{}` is the schema that says so.
      const schema = isObject(parameter.schema)
        ? locate(document, parameter.schema, `${pointer}/schema`).node
        : {};
      const existing = parameters.findIndex((p) => p.name === parameter.name);
      const entryOut: QueryParameter = {
        name: parameter.name,
        required: parameter.required === true,
        schemaPointer: isObject(parameter.schema) ? `${pointer}/schema` : '',
        schema,
      };
      // Operation-level parameters override path-level ones of the same name (OpenAPI rule).
      if (existing >= 0) parameters[existing] = entryOut;
      else parameters.push(entryOut);
    });
  }
  return parameters;
}

function readRequestBody(
  document: JsonObject,
  operation: JsonObject,
  opPointer: string,
): RequestBodyDoc | undefined {
  if (operation.requestBody === undefined) return undefined;
  const { node: body, pointer } = locate(document, operation.requestBody, `${opPointer}/requestBody`);
  const content = isObject(body.content) ? body.content : {};
  const mediaTypes = Object.keys(content);
  const first = mediaTypes[0];
  if (first === undefined) return undefined;
  const media = content[first];
  const schemaPointer = `${pointer}/content/${pointerSegment(first)}/schema`;
  const schema =
    isObject(media) && isObject(media.schema) ? locate(document, media.schema, schemaPointer).node : {};
  return { required: body.required === true, mediaTypes, schemaPointer, schema };
}

function readOperation(document: JsonObject, pathKey: string, located: Located): MockOperation {
  const { node: pathItem, pointer: pathPointer } = located;
  const match = PATH_KEY.exec(pathKey);
  if (!match)
    throw new MockConfigError(
      `path key "${pathKey}" is not of the form /?Action=<Name>&Version=<YYYY-MM-DD>`,
    );
  const [, action = '', version = ''] = match;
  const methods = (['get', 'post'] as const).filter((m) => pathItem[m] !== undefined);
  const [verb] = methods;
  if (methods.length !== 1 || verb === undefined) {
    throw new MockConfigError(`path "${pathKey}" must hold exactly one operation (get or post)`);
  }
  const operationAt = locate(document, pathItem[verb], `${pathPointer}/${verb}`);
  const { node: operation, pointer: opPointer } = operationAt;
  const responses = isObject(operation.responses) ? operation.responses : {};

  const errors = new Map<string, DocumentedError>();
  collectErrors(document, responses, `${opPointer}/responses`, errors);

  let successExample: JsonObject | undefined;
  if (responses['200'] !== undefined) {
    const { node: ok } = locate(document, responses['200'], `${opPointer}/responses/200`);
    const content = isObject(ok.content) ? ok.content : {};
    const media = content['application/json'] ?? Object.values(content)[0];
    successExample = exampleValues(document, media).find(
      (value): value is JsonObject => isObject(value) && !errorOf(value),
    );
  }

  const requestBody = readRequestBody(document, operation, opPointer);
  return {
    action,
    version,
    method: verb === 'get' ? 'GET' : 'POST',
    operationId: typeof operation.operationId === 'string' ? operation.operationId : action,
    pathKey,
    queryParameters: readQueryParameters(document, located, operationAt),
    ...(requestBody ? { requestBody } : {}),
    ...(successExample ? { successExample } : {}),
    errors,
  };
}

function readSigning(document: JsonObject): SigningDoc {
  const components = isObject(document.components) ? document.components : {};
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  for (const [name, entry] of Object.entries(schemes)) {
    const scheme = locate(document, entry, `/components/securitySchemes/${pointerSegment(name)}`).node;
    const signing = scheme['x-volc-signing'];
    if (isObject(signing) && typeof signing.service === 'string' && typeof signing.region === 'string') {
      return { service: signing.service, region: signing.region };
    }
  }
  throw new MockConfigError(
    'the spec has no security scheme with x-volc-signing: {service, region}; the mock cannot tell how requests are signed',
  );
}

/**
 * Checks that `document` is a bundled Action/Version OpenAPI 3 document and reads its operations.
 * Throws `MockConfigError` with a readable message otherwise.
 */
export function readSpec(document: unknown): MockSpec {
  if (!isObject(document) || typeof document.openapi !== 'string' || !document.openapi.startsWith('3.')) {
    throw new MockConfigError('the spec is not an OpenAPI 3 document (no "openapi: 3.x" field)');
  }
  if (!isObject(document.paths) || Object.keys(document.paths).length === 0) {
    throw new MockConfigError('the spec has no paths');
  }
  const external = findExternalRef(document);
  if (external) {
    throw new MockConfigError(
      `the spec is not bundled: it still references ${external} (build it with "redocly bundle" first)`,
    );
  }

  const operations: MockOperation[] = [];
  const errors = new Map<string, DocumentedError>();
  for (const [pathKey, entry] of Object.entries(document.paths)) {
    if (!isObject(entry)) throw new MockConfigError(`path "${pathKey}" is not an object`);
    // OpenAPI 3.1 lets a path item be a reference (to components/pathItems).
    const pathItem = locate(document, entry, `/paths/${pointerSegment(pathKey)}`);
    const operation = readOperation(document, pathKey, pathItem);
    operations.push(operation);
    for (const [code, error] of operation.errors) if (!errors.has(code)) errors.set(code, error);
  }
  return { document, operations, signing: readSigning(document), errors };
}

/** Reads and checks a bundled spec file; every failure is a `MockConfigError` naming the file. */
export async function loadSpecFile(path: string): Promise<{ document: JsonObject; spec: MockSpec }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
    throw new MockConfigError(`cannot read the spec ${path}: ${why}`);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new MockConfigError(
      `the spec ${path} is not JSON (${(error as Error).message}); pass the bundled openapi.json, not the YAML sources`,
    );
  }
  try {
    return { document: document as JsonObject, spec: readSpec(document) };
  } catch (error) {
    if (error instanceof MockConfigError)
      throw new MockConfigError(`the spec ${path} is unusable: ${error.message}`);
    throw error;
  }
}
