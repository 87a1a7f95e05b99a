// What the docs console (the "Try it" panel of each operation page) needs to know, computed from the
// spec model when the site is built: per operation its wire form, signing, list styles, example and
// documented error codes (`consoleService`), and its input validators as standalone JavaScript
// (`renderConsoleValidators`), compiled by the one ajv set-up so that the page validates what the mock
// and the contract tests validate, without `new Function` (which the page's CSP forbids).
import {
  isObject,
  type JsonObject,
  type Operation,
  type ServiceModel,
  type ValueStyle,
} from '@volc-openapi/spec-model';
import { SpecSchemas } from '@volc-openapi/spec-model/schemas';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { operationLink } from './docs.ts';

/**
 * What the console knows of one operation: its wire facts as the spec model reads them (the fields it
 * picks from `Operation`), plus what the page adds.
 */
export interface ConsoleOperation
  extends Pick<
    Operation,
    'operationId' | 'action' | 'version' | 'pathKey' | 'method' | 'encoding' | 'signed'
  > {
  /** The operation's section id and deep link without `#/` (`<tag>/<operationid>`). */
  sectionId: string;
  /** Declared list/object styles of the query or body fields (JSON bodies need none). */
  styles: Record<string, ValueStyle>;
  /** The spec's request example: the body, or the query parameters. */
  example: JsonObject;
  /** The codes of the operation's error table. */
  errors: string[];
}

export interface ConsoleService {
  /** Signing scope. */
  region: string;
  service: string;
  /** The spec's endpoint (first server URL). */
  endpoint: string;
  operations: ConsoleOperation[];
}

function styles(operation: Operation): Record<string, ValueStyle> {
  const fields = operation.encoding === 'query' ? operation.query : (operation.body?.fields ?? []);
  if (operation.encoding === 'json') return {};
  return Object.fromEntries(fields.flatMap((field) => (field.style ? [[field.name, field.style]] : [])));
}

export function consoleService(model: ServiceModel): ConsoleService {
  return {
    region: model.signing.region,
    service: model.signing.service,
    endpoint: model.endpoint,
    operations: model.operations.map((operation) => ({
      sectionId: operationLink(operation).slice(2),
      operationId: operation.operationId,
      action: operation.action,
      version: operation.version,
      pathKey: operation.pathKey,
      method: operation.method,
      encoding: operation.encoding,
      signed: operation.signed,
      styles: styles(operation),
      example: operation.requestExample,
      errors: [...new Set(operation.errors.map((error) => error.code))],
    })),
  };
}

/** Keys that only annotate a schema; dropped so that the page does not carry every description twice. */
const ANNOTATIONS = new Set(['description', 'examples', 'example', 'externalDocs', 'x-enumDescriptions']);
/** Keys whose value maps names to schemas: their own keys are field names, never annotations. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas', 'schemas']);

function withoutAnnotations(node: unknown, parentKey = ''): unknown {
  if (Array.isArray(node)) return node.map((item) => withoutAnnotations(item));
  if (!isObject(node)) return node;
  const keep = SCHEMA_MAPS.has(parentKey)
    ? Object.entries(node)
    : Object.entries(node).filter(([key]) => !ANNOTATIONS.has(key));
  return Object.fromEntries(keep.map(([key, value]) => [key, withoutAnnotations(value, key)]));
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * An ES module exporting one validator per operation, named by its operationId: the input (JSON body
 * or query parameters as one object) against the operation's request schema. Its imports are ajv's and
 * ajv-formats' runtime helpers, for a bundler to resolve.
 */
export function renderConsoleValidators(model: ServiceModel): string {
  const schemas = new SpecSchemas(withoutAnnotations(model.document) as JsonObject, { standalone: true });
  const exports: Record<string, string> = {};
  for (const operation of model.operations) {
    if (!IDENTIFIER.test(operation.operationId))
      throw new Error(`operationId "${operation.operationId}" cannot name a validator export`);
    const id = `console:${operation.operationId}`;
    const input = (pointer: string) => (pointer ? { $ref: schemas.ref(pointer) } : {});
    schemas.ajv.addSchema(
      operation.body
        ? { $id: id, ...input(operation.body.schemaPointer) }
        : {
            $id: id,
            type: 'object',
            required: operation.query.filter((field) => field.required).map((field) => field.name),
            properties: Object.fromEntries(
              operation.query.map((field) => [field.name, input(field.schemaPointer)]),
            ),
          },
    );
    exports[operation.operationId] = id;
  }
  return standaloneCode.default(schemas.ajv, exports);
}
