// The one reading of a bundled Action/Version OpenAPI document: every tool that needs a fact about an
// operation (codegen, the mock, the gate, the contract tests, the docs tests) takes it from here.
import {
  externalRef,
  follow,
  isObject,
  type JsonObject,
  type Located,
  pointer,
  SpecModelError,
} from './json.ts';
import { PATH_KEY } from './path-key.ts';

/** How an operation's input travels: a body media type, or the query string (GET, body-less POST). */
export type WireEncoding = 'json' | 'form' | 'multipart' | 'query';

export const MEDIA_TYPES: Record<Exclude<WireEncoding, 'query'>, string> = {
  json: 'application/json',
  form: 'application/x-www-form-urlencoded',
  multipart: 'multipart/form-data',
};

/**
 * How one list or object input travels outside a JSON body, as the spec declares it with OpenAPI's
 * `style`/`explode` (query parameters, form `encoding`) or a JSON `content`/`contentType`:
 * `comma` (`A=1,2`, explode false), `repeat` (`A=1&A=2`, explode true) or `json` (JSON text).
 */
export type ValueStyle = 'comma' | 'repeat' | 'json';

export interface InputField {
  name: string;
  required: boolean;
  /** JSON pointer of the field's schema in the document (ajv compiles it there, refs intact). */
  schemaPointer: string;
  schema: JsonObject;
  /** Set for lists and objects: how the value is written. */
  style?: ValueStyle;
}

export interface RequestBody {
  required: boolean;
  mediaType: string;
  schemaPointer: string;
  schema: JsonObject;
  /** The body's top-level fields (form and multipart bodies carry their list/object styles here). */
  fields: InputField[];
  /** The first named example (or `example`) of the body. */
  example?: unknown;
}

/** An error code an operation documents, by the status it comes with (200: inside a success status). */
export interface DocumentedError {
  code: string;
  status: number;
  codeN?: number;
  message: string;
  /** The example's summary: what the code means. */
  summary: string;
  /** `x-volc-transient` on the example: a later identical request may succeed. */
  transient: boolean;
}

export type Pagination =
  | { style: 'offset'; offset: string; limit: string; items: string; total?: string }
  | { style: 'cursor'; cursor: string; nextCursor: string; items: string };

export interface Operation {
  operationId: string;
  action: string;
  version: string;
  /** The path key, `/?Action=<Name>&Version=<YYYY-MM-DD>`. */
  pathKey: string;
  method: 'GET' | 'POST';
  encoding: WireEncoding;
  /** False when the operation declares `security: []` (sent without a signature). */
  signed: boolean;
  /** JSON pointer of the operation object. */
  pointer: string;
  summary: string;
  description: string;
  deprecated: boolean;
  /** `x-volc-replaced-by` of a deprecated operation. */
  replacedBy?: string;
  /** `x-volc-doc-title-zh`: the vendor's Chinese page title. */
  titleZh?: string;
  tags: string[];
  /** `x-volc-idempotent`: clients retry only idempotent operations. */
  idempotent: boolean;
  /** `x-volc-pagination`. */
  pagination?: Pagination;
  query: InputField[];
  body?: RequestBody;
  /** The first request example: the body, or the query parameters' examples. */
  requestExample: JsonObject;
  /** The first 200 example that is not an error envelope. */
  successExample?: JsonObject;
  errors: DocumentedError[];
}

export interface Signing {
  service: string;
  region: string;
}

/** Where and how to sign: the signing scope plus the endpoint (the first server URL). */
export interface SigningTarget extends Signing {
  endpoint: string;
}

export interface ServiceModel {
  document: JsonObject;
  title: string;
  signing: Signing;
  /** The first server URL. */
  endpoint: string;
  operations: Operation[];
  /** Every documented error code of the document, first occurrence winning. */
  errors: Map<string, DocumentedError>;
}

const ENCODINGS = new Map(Object.entries(MEDIA_TYPES).map(([encoding, media]) => [media, encoding]));

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The named examples of a media type object (or its single `example`), references followed. */
export function mediaExamples(document: JsonObject, media: unknown): { name: string; example: JsonObject }[] {
  if (!isObject(media)) return [];
  const out: { name: string; example: JsonObject }[] = [];
  if (media.example !== undefined) out.push({ name: 'example', example: { value: media.example } });
  if (isObject(media.examples))
    for (const [name, node] of Object.entries(media.examples))
      out.push({ name, example: follow(document, node, ['examples', name]).node });
  return out;
}

/** `ResponseMetadata.Error` of an envelope value, when it is an error envelope. */
export function envelopeError(value: unknown): JsonObject | undefined {
  const metadata = isObject(value) ? value.ResponseMetadata : undefined;
  const error = isObject(metadata) ? metadata.Error : undefined;
  return isObject(error) && typeof error.Code === 'string' ? error : undefined;
}

function readErrors(document: JsonObject, responses: JsonObject): DocumentedError[] {
  const errors: DocumentedError[] = [];
  for (const [status, node] of Object.entries(responses)) {
    if (!/^\d{3}$/.test(status)) continue;
    const response = follow(document, node, ['responses', status]).node;
    const content = isObject(response.content) ? response.content : {};
    for (const media of Object.values(content)) {
      for (const { name, example } of mediaExamples(document, media)) {
        const error = envelopeError(example.value);
        if (!error) continue;
        errors.push({
          code: String(error.Code ?? name),
          status: Number(status),
          ...(typeof error.CodeN === 'number' ? { codeN: error.CodeN } : {}),
          message: text(error.Message),
          summary: text(example.summary),
          transient: example['x-volc-transient'] === true,
        });
      }
    }
  }
  return errors;
}

const typeOf = (schema: JsonObject): string | undefined => {
  if (typeof schema.type === 'string') return schema.type;
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null') as string | undefined;
  return undefined;
};

/** The list/object style a query parameter or form field declares; undefined for a scalar. */
function styleOf(
  document: JsonObject,
  where: string,
  schema: JsonObject,
  declared: { style?: unknown; explode?: unknown; json: boolean },
): ValueStyle | undefined {
  if (declared.json) return 'json';
  const type = typeOf(schema);
  if (type === 'array') {
    const items = isObject(schema.items) ? follow(document, schema.items, ['items']).node : {};
    if (typeOf(items) === 'object' || typeOf(items) === 'array')
      throw new SpecModelError(
        `${where} is a list of objects: declare it as JSON text (content or encoding contentType application/json)`,
      );
    if (declared.style !== undefined && declared.style !== 'form')
      throw new SpecModelError(
        `${where}: only style "form" is supported for lists (got "${declared.style}")`,
      );
    return declared.explode === false ? 'comma' : 'repeat';
  }
  if (type === 'object')
    throw new SpecModelError(
      `${where} is an object: declare it as JSON text (content or encoding contentType application/json)`,
    );
  return undefined;
}

function readQuery(document: JsonObject, lists: [unknown, string[]][], id: string): InputField[] {
  const fields: InputField[] = [];
  for (const [list, at] of lists) {
    if (!Array.isArray(list)) continue;
    list.forEach((entry, index) => {
      const { node: parameter, at: where } = follow(document, entry, [...at, String(index)]);
      if (parameter.in !== 'query' || typeof parameter.name !== 'string') return;
      // Action and Version route the call; they are not operation inputs even if a spec lists them.
      if (parameter.name === 'Action' || parameter.name === 'Version') return;
      const json = isObject(parameter.content) ? parameter.content['application/json'] : undefined;
      const schemaAt = isObject(json)
        ? [...where, 'content', 'application/json', 'schema']
        : [...where, 'schema'];
      const schemaNode = isObject(json) ? json.schema : parameter.schema;
      const schema = isObject(schemaNode) ? follow(document, schemaNode, schemaAt) : { node: {}, at: [] };
      const style = styleOf(document, `${id}: query parameter ${parameter.name}`, schema.node, {
        style: parameter.style,
        explode: parameter.explode,
        json: isObject(json),
      });
      const field: InputField = {
        name: parameter.name,
        required: parameter.required === true,
        schemaPointer: isObject(schemaNode) ? pointer(schemaAt) : '',
        schema: schema.node,
        ...(style ? { style } : {}),
      };
      // Operation-level parameters override path-level ones of the same name (OpenAPI rule).
      const existing = fields.findIndex((other) => other.name === field.name);
      if (existing >= 0) fields[existing] = field;
      else fields.push(field);
    });
  }
  return fields;
}

/** Top-level fields of a body schema (`allOf` parts merged), with their declared form styles. */
function bodyFields(
  document: JsonObject,
  schema: Located,
  encoding: WireEncoding,
  media: JsonObject,
  id: string,
): InputField[] {
  const fields: InputField[] = [];
  const required = new Set<string>();
  const visit = (located: Located) => {
    const node = located.node;
    if (Array.isArray(node.required)) for (const name of node.required) required.add(String(name));
    if (isObject(node.properties)) {
      for (const [name, property] of Object.entries(node.properties)) {
        const at = [...located.at, 'properties', name];
        const resolved = isObject(property) ? follow(document, property, at) : { node: {}, at };
        fields.push({ name, required: false, schemaPointer: pointer(at), schema: resolved.node });
      }
    }
    if (Array.isArray(node.allOf))
      for (const [index, part] of node.allOf.entries())
        visit(follow(document, part, [...located.at, 'allOf', String(index)]));
  };
  visit(schema);
  const declared = isObject(media.encoding) ? media.encoding : {};
  for (const field of fields) {
    field.required = required.has(field.name);
    if (encoding === 'json') continue;
    const encodingOf = isObject(declared[field.name]) ? (declared[field.name] as JsonObject) : {};
    const isBinary = field.schema.format === 'binary' || field.schema.contentMediaType !== undefined;
    if (isBinary) continue;
    const style = styleOf(document, `${id}: ${encoding} field ${field.name}`, field.schema, {
      style: encodingOf.style,
      explode: encodingOf.explode,
      json: typeof encodingOf.contentType === 'string' && encodingOf.contentType.includes('json'),
    });
    if (style) field.style = style;
  }
  return fields;
}

function readOperation(document: JsonObject, pathKey: string, pathItem: Located): Operation {
  const match = PATH_KEY.exec(pathKey);
  if (!match)
    throw new SpecModelError(`path key "${pathKey}" is not of the form /?Action=<Name>&Version=<YYYY-MM-DD>`);
  const [, action = '', version = ''] = match;
  const verbs = (['get', 'post'] as const).filter((verb) => pathItem.node[verb] !== undefined);
  const [verb] = verbs;
  if (verbs.length !== 1 || verb === undefined)
    throw new SpecModelError(`path "${pathKey}" must hold exactly one operation (get or post)`);
  const located = follow(document, pathItem.node[verb], [...pathItem.at, verb]);
  const operation = located.node;
  const id = typeof operation.operationId === 'string' ? operation.operationId : action;

  let body: RequestBody | undefined;
  let encoding: WireEncoding = 'query';
  if (operation.requestBody !== undefined) {
    const requestBody = follow(document, operation.requestBody, [...located.at, 'requestBody']);
    const content = isObject(requestBody.node.content) ? requestBody.node.content : {};
    const [mediaType, ...others] = Object.keys(content);
    if (mediaType !== undefined) {
      const known = ENCODINGS.get(mediaType) as WireEncoding | undefined;
      if (!known || others.length > 0)
        throw new SpecModelError(
          `${id}: the request body must have exactly one of ${Object.values(MEDIA_TYPES).join(', ')} (found ${Object.keys(content).join(', ')})`,
        );
      if (verb === 'get') throw new SpecModelError(`${id}: a GET operation cannot have a request body`);
      encoding = known;
      const media = content[mediaType] as JsonObject;
      const schemaAt = [...requestBody.at, 'content', mediaType, 'schema'];
      const schema = isObject(media.schema)
        ? follow(document, media.schema, schemaAt)
        : { node: {}, at: schemaAt };
      const first = mediaExamples(document, media)[0];
      body = {
        required: requestBody.node.required === true,
        mediaType,
        schemaPointer: isObject(media.schema) ? pointer(schemaAt) : '',
        schema: schema.node,
        fields: bodyFields(document, schema, known, media, id),
        ...(first ? { example: first.example.value } : {}),
      };
    }
  }

  const query = readQuery(
    document,
    [
      [pathItem.node.parameters, [...pathItem.at, 'parameters']],
      [operation.parameters, [...located.at, 'parameters']],
    ],
    id,
  );
  const queryExample: JsonObject = {};
  for (const node of [
    ...(Array.isArray(pathItem.node.parameters) ? pathItem.node.parameters : []),
    ...(Array.isArray(operation.parameters) ? operation.parameters : []),
  ]) {
    const parameter = follow(document, node, ['parameters']).node;
    if (parameter.in !== 'query' || typeof parameter.name !== 'string') continue;
    const field = query.find((q) => q.name === parameter.name);
    const fromSchema = Array.isArray(field?.schema.examples) ? field.schema.examples[0] : undefined;
    const value = parameter.example ?? fromSchema;
    if (value !== undefined) queryExample[parameter.name] = value;
  }

  const responses = isObject(operation.responses) ? operation.responses : {};
  let successExample: JsonObject | undefined;
  if (responses['200'] !== undefined) {
    const ok = follow(document, responses['200'], [...located.at, 'responses', '200']).node;
    const content = isObject(ok.content) ? ok.content : {};
    const media = content['application/json'] ?? Object.values(content)[0];
    const value = mediaExamples(document, media)
      .map(({ example }) => example.value)
      .find((candidate) => isObject(candidate) && !envelopeError(candidate));
    if (isObject(value)) successExample = value;
  }

  const security = operation.security ?? document.security;
  const pagination = operation['x-volc-pagination'];
  return {
    operationId: id,
    action,
    version,
    pathKey,
    method: verb === 'get' ? 'GET' : 'POST',
    encoding,
    signed: !(Array.isArray(security) && security.length === 0),
    pointer: pointer(located.at),
    summary: text(operation.summary),
    description: text(operation.description).trim(),
    deprecated: operation.deprecated === true,
    ...(typeof operation['x-volc-replaced-by'] === 'string'
      ? { replacedBy: operation['x-volc-replaced-by'] }
      : {}),
    ...(typeof operation['x-volc-doc-title-zh'] === 'string'
      ? { titleZh: operation['x-volc-doc-title-zh'] }
      : {}),
    tags: Array.isArray(operation.tags) ? operation.tags.map(String) : [],
    idempotent: operation['x-volc-idempotent'] === true,
    ...(isObject(pagination) ? { pagination: pagination as unknown as Pagination } : {}),
    query,
    ...(body ? { body } : {}),
    requestExample:
      encoding === 'query' ? queryExample : isObject(body?.example) ? (body.example as JsonObject) : {},
    ...(successExample ? { successExample } : {}),
    errors: readErrors(document, responses),
  };
}

/** Signing service and region from the document's root `x-volc-signing`. */
function readSigning(document: JsonObject): Signing {
  const signing = document['x-volc-signing'];
  if (isObject(signing) && typeof signing.service === 'string' && typeof signing.region === 'string')
    return { service: signing.service, region: signing.region };
  throw new SpecModelError(
    'the spec has no root x-volc-signing: {service, region}; nothing says how its requests are signed',
  );
}

/**
 * Reads a bundled Action/Version OpenAPI 3 document. Throws `SpecModelError` with a readable message
 * when it is not one (not OpenAPI 3, no paths, not bundled, a malformed path key or body).
 */
export function readService(document: unknown): ServiceModel {
  if (!isObject(document) || typeof document.openapi !== 'string' || !document.openapi.startsWith('3.'))
    throw new SpecModelError('the spec is not an OpenAPI 3 document (no "openapi: 3.x" field)');
  if (!isObject(document.paths) || Object.keys(document.paths).length === 0)
    throw new SpecModelError('the spec has no paths');
  const external = externalRef(document);
  if (external)
    throw new SpecModelError(
      `the spec is not bundled: it still references ${external} (build it with "redocly bundle" first)`,
    );
  const operations: Operation[] = [];
  const errors = new Map<string, DocumentedError>();
  for (const [pathKey, node] of Object.entries(document.paths)) {
    const operation = readOperation(document, pathKey, follow(document, node, ['paths', pathKey]));
    operations.push(operation);
    for (const error of operation.errors) if (!errors.has(error.code)) errors.set(error.code, error);
  }
  const servers = Array.isArray(document.servers) ? document.servers : [];
  const info = isObject(document.info) ? document.info : {};
  return {
    document,
    title: text(info.title),
    signing: readSigning(document),
    endpoint: isObject(servers[0]) ? text(servers[0].url) : '',
    operations,
    errors,
  };
}

export const signingTarget = (service: ServiceModel): SigningTarget => ({
  ...service.signing,
  endpoint: service.endpoint,
});

/** The list/object styles of every input field of a service, by field name (one style per name). */
export function fieldStyles(service: ServiceModel): Record<string, ValueStyle> {
  const styles: Record<string, ValueStyle> = {};
  const owner: Record<string, string> = {};
  for (const operation of service.operations) {
    for (const field of [
      ...operation.query,
      ...(operation.encoding === 'json' ? [] : (operation.body?.fields ?? [])),
    ]) {
      if (!field.style) continue;
      const known = styles[field.name];
      if (known && known !== field.style)
        throw new SpecModelError(
          `${operation.operationId}: field ${field.name} is written "${field.style}" but ${owner[field.name]} writes it "${known}"; one service writes a field name one way`,
        );
      styles[field.name] = field.style;
      owner[field.name] = operation.operationId;
    }
  }
  return styles;
}
