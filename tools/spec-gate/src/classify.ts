// Classifies every difference between a released (base) and a working (head) bundled spec, reading
// the document the way an Action/Version RPC client does: a path key is an Action at a Version, the
// HTTP method and the request media type are the wire contract, and a parameter is a name in the query
// or in the body whichever way it travels. Header and cookie parameters and the error bodies, which the
// generated clients do not read, are compared too: they are the contract of the published spec.
import {
  isObject,
  type JsonObject,
  type Located,
  nodeAt,
  type Operation,
  pointer,
  readService,
  type ServiceModel,
  segments,
  versionedOperationId,
} from '@volc-openapi/spec-model';
import { canonical, followLoose } from './document.ts';
import { type Finding, FindingList } from './findings.ts';
import { compareSchemas, schemaContext } from './schema-diff.ts';

/** One operation of the model and its operation object, where it lives in the document. */
interface RpcOperation {
  model: Operation;
  key: string;
  action: string;
  version: string;
  operationId: string;
  method: string;
  /** The request media type, or `query`. */
  encoding: string;
  operation: Located;
}

interface Parameter {
  name: string;
  in: 'query' | 'body' | 'header' | 'cookie';
  required: boolean;
  /** The schema as written at `at` (a reference stays one, so findings point where it is defined). */
  schema: unknown;
  at: string[];
}

const OPERATION_DOC_KEYS = [
  'summary',
  'description',
  'externalDocs',
  'tags',
  'x-volc-doc-title-zh',
  'x-codeSamples',
];

function operationsOf(service: ServiceModel): RpcOperation[] {
  return service.operations.map((model) => {
    const at = segments(model.pointer);
    const node = nodeAt(service.document, at);
    return {
      model,
      key: model.pathKey,
      action: model.action,
      version: model.version,
      operationId: model.operationId,
      method: model.method,
      encoding: model.body?.mediaType ?? 'query',
      operation: { node: node as JsonObject, at },
    };
  });
}

/**
 * Every input parameter of an operation: query parameters and top-level body fields as the model reads
 * them, by name (so a parameter moved between query and body is one parameter), then header and cookie
 * parameters, by location and name.
 */
function parametersOf(document: JsonObject, rpc: RpcOperation): Map<string, Parameter> {
  const operation = rpc.model;
  const out = new Map<string, Parameter>();
  const add = (where: Parameter['in'], fields: Operation['query']) => {
    for (const field of fields) {
      const at = field.schemaPointer === '' ? [] : segments(field.schemaPointer);
      out.set(field.name, {
        name: field.name,
        in: where,
        required: field.required,
        schema: at.length > 0 ? nodeAt(document, at) : undefined,
        at,
      });
    }
  };
  add('query', operation.query);
  add('body', operation.body?.fields ?? []);
  for (const [key, parameter] of headerParameters(document, rpc.operation)) out.set(key, parameter);
  return out;
}

/**
 * Header and cookie parameters of an operation and of its path item (the operation's own win), by
 * location and name (a header's in lower case, as HTTP reads it). The spec model skips them, as the
 * clients never send them; whoever calls from the published spec must.
 */
function headerParameters(document: JsonObject, operation: Located): Map<string, Parameter> {
  const pathItemAt = operation.at.slice(0, -1);
  const pathItem = nodeAt(document, pathItemAt);
  const lists: [unknown, string[]][] = [
    [isObject(pathItem) ? pathItem.parameters : undefined, [...pathItemAt, 'parameters']],
    [operation.node.parameters, [...operation.at, 'parameters']],
  ];
  const found = new Map<string, Parameter>();
  for (const [list, at] of lists) {
    if (!Array.isArray(list)) continue;
    list.forEach((entry, index) => {
      const { node, at: where } = followLoose(document, entry, [...at, String(index)]);
      if ((node.in !== 'header' && node.in !== 'cookie') || typeof node.name !== 'string') return;
      found.set(`${node.in} ${node.in === 'header' ? node.name.toLowerCase() : node.name}`, {
        name: node.name,
        in: node.in,
        required: node.required === true,
        schema: node.schema,
        at: [...where, 'schema'],
      });
    });
  }
  return found;
}

const responsesOf = (operation: Located) =>
  isObject(operation.node.responses) ? operation.node.responses : {};

/** The JSON body schema of an operation's response with this status, if it has one. */
function responseSchema(
  document: JsonObject,
  operation: Located,
  status: string,
): { node: unknown; at: string[] } | undefined {
  const responses = responsesOf(operation);
  if (responses[status] === undefined) return undefined;
  const response = followLoose(document, responses[status], [...operation.at, 'responses', status]);
  const content = isObject(response.node.content) ? response.node.content : {};
  const media = content['application/json'];
  if (!isObject(media)) return undefined;
  return { node: media.schema, at: [...response.at, 'content', 'application/json', 'schema'] };
}

/** Documented error codes of an operation, as `Code@status`. */
function errorCodes(operation: Operation): Set<string> {
  return new Set(operation.errors.map((error) => `${error.code}@${error.status}`));
}

/** The security requirements an operation runs under, and the schemes they name, as comparable text. */
function security(document: JsonObject, operation: Located): string {
  const requirements = operation.node.security ?? document.security ?? [];
  const components = isObject(document.components) ? document.components : {};
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  const named = new Set<string>();
  if (Array.isArray(requirements))
    for (const item of requirements)
      if (isObject(item)) for (const name of Object.keys(item)) named.add(name);
  const definitions = [...named].sort().map((name) => {
    const { description: _d, ...scheme } = followLoose(document, schemes[name], [
      'components',
      'securitySchemes',
      name,
    ]).node;
    return [name, scheme];
  });
  return canonical([requirements, definitions]);
}

/** Everything about one operation that could change, resolved, for the catch-all comparison. */
function resolvedText(document: JsonObject, node: unknown, depth = 0, seen = new Set<string>()): string {
  if (depth > 40) return '';
  if (Array.isArray(node))
    return `[${node.map((item) => resolvedText(document, item, depth + 1, seen)).join(',')}]`;
  if (!isObject(node)) return JSON.stringify(node) ?? 'null';
  if (typeof node.$ref === 'string') {
    if (seen.has(node.$ref)) return `{"$ref":${JSON.stringify(node.$ref)}}`;
    const next = new Set(seen).add(node.$ref);
    return resolvedText(document, followLoose(document, node, []).node, depth + 1, next);
  }
  return `{${Object.keys(node)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${resolvedText(document, node[key], depth + 1, seen)}`)
    .join(',')}}`;
}

function compareOperation(
  base: JsonObject,
  head: JsonObject,
  before: RpcOperation,
  after: RpcOperation,
): Finding[] {
  const findings = new FindingList({ action: after.action, version: after.version });
  const at = pointer(after.operation.at);
  if (before.operationId !== after.operationId)
    findings.add(
      'breaking',
      'operation-id-changed',
      'head',
      `${at}/operationId`,
      `operationId ${before.operationId} → ${after.operationId}: the client method of this Version is renamed, and a call to ${before.operationId} no longer reaches it (keep it; a new Version is named like ${versionedOperationId(after.action, after.version)} until a major release moves the bare name)`,
    );
  if (before.method !== after.method)
    findings.add('breaking', 'method-changed', 'head', at, `HTTP method ${before.method} → ${after.method}`);
  if (before.encoding !== after.encoding)
    findings.add(
      'breaking',
      'encoding-changed',
      'head',
      at,
      `input encoding ${before.encoding} → ${after.encoding}`,
    );
  if (security(base, before.operation) !== security(head, after.operation))
    findings.add(
      'breaking',
      'security-changed',
      'head',
      at,
      'the security requirement or its scheme changed',
    );

  const baseParameters = parametersOf(base, before);
  const headParameters = parametersOf(head, after);
  const context = schemaContext('request', findings);
  for (const [key, was] of baseParameters) {
    const { name } = was;
    const now = headParameters.get(key);
    if (!now) {
      findings.add(
        'breaking',
        'request-parameter-removed',
        'base',
        pointer(was.at),
        `request parameter ${name} (${was.in}) removed`,
      );
      continue;
    }
    if (was.in !== now.in) {
      findings.add(
        'breaking',
        'request-parameter-moved',
        'head',
        pointer(now.at),
        `request parameter ${name} moved from the ${was.in} to the ${now.in}`,
      );
    }
    if (!was.required && now.required)
      findings.add(
        'breaking',
        'request-parameter-made-required',
        'head',
        pointer(now.at),
        `request parameter ${name} is now required`,
      );
    if (was.required && !now.required)
      findings.add(
        'compatible',
        'request-parameter-made-optional',
        'head',
        pointer(now.at),
        `request parameter ${name} is now optional`,
      );
    compareSchemas(
      { document: base, node: was.schema, at: was.at },
      { document: head, node: now.schema, at: now.at },
      context,
      name,
    );
  }
  for (const [key, now] of headParameters) {
    if (baseParameters.has(key)) continue;
    const { name } = now;
    if (now.required)
      findings.add(
        'breaking',
        'request-parameter-added-required',
        'head',
        pointer(now.at),
        `required request parameter ${name} (${now.in}) added`,
      );
    else
      findings.add(
        'compatible',
        'request-parameter-added',
        'head',
        pointer(now.at),
        `optional request parameter ${name} (${now.in}) added`,
      );
  }
  const baseBody = before.model.body;
  const headBody = after.model.body;
  if (baseBody && headBody) {
    if (baseBody.schema.additionalProperties !== false && headBody.schema.additionalProperties === false)
      findings.add(
        'breaking',
        'request-narrowed',
        'head',
        headBody.schemaPointer,
        'the body no longer accepts properties it does not name',
      );
  }

  const baseResult = responseSchema(base, before.operation, '200');
  const headResult = responseSchema(head, after.operation, '200');
  if (baseResult && headResult)
    compareSchemas(
      { document: base, ...baseResult },
      { document: head, ...headResult },
      schemaContext('response', findings),
      '',
    );
  else if (baseResult && !headResult)
    findings.add(
      'breaking',
      'response-field-removed',
      'base',
      pointer(baseResult.at),
      'the 200 JSON response is gone',
    );

  findings.items.push(...errorBodyFindings(base, head, before, after));

  const baseCodes = errorCodes(before.model);
  const headCodes = errorCodes(after.model);
  const added = [...headCodes].filter((code) => !baseCodes.has(code));
  const removed = [...baseCodes].filter((code) => !headCodes.has(code));
  if (added.length > 0 || removed.length > 0)
    findings.add(
      'compatible',
      'error-codes-documented',
      'head',
      pointer([...after.operation.at, 'responses']),
      `documented error codes${added.length ? ` added: ${added.join(', ')}` : ''}${removed.length ? ` removed: ${removed.join(', ')}` : ''}`,
    );
  if (before.model.idempotent !== after.model.idempotent)
    findings.add(
      'compatible',
      'idempotency-changed',
      'head',
      at,
      `x-volc-idempotent ${String(before.model.idempotent)} → ${String(after.model.idempotent)} (clients retry only idempotent calls)`,
    );
  if (before.model.deprecated !== after.model.deprecated)
    findings.add(
      'compatible',
      'deprecation',
      'head',
      at,
      after.model.deprecated ? 'deprecated' : 'no longer deprecated',
    );
  const docs = OPERATION_DOC_KEYS.filter(
    (key) => canonical(before.operation.node[key]) !== canonical(after.operation.node[key]),
  );
  if (docs.length > 0) findings.add('compatible', 'documentation', 'head', at, `${docs.join(', ')} changed`);
  if (
    findings.items.length === 0 &&
    resolvedText(base, before.operation.node) !== resolvedText(head, after.operation.node)
  )
    findings.add('compatible', 'documentation', 'head', at, 'examples or other documentation changed');
  return findings.items;
}

/**
 * Changes of the error bodies (every status but 200, that both sides document), compared as responses:
 * consumers read the error code and message from them. The statuses share one envelope, so a change of
 * it is reported once.
 */
function errorBodyFindings(
  base: JsonObject,
  head: JsonObject,
  before: RpcOperation,
  after: RpcOperation,
): Finding[] {
  const findings = new FindingList(after);
  const context = schemaContext('response', findings);
  for (const status of Object.keys(responsesOf(before.operation))) {
    if (status === '200') continue;
    const was = responseSchema(base, before.operation, status);
    const now = responseSchema(head, after.operation, status);
    if (was && now) compareSchemas({ document: base, ...was }, { document: head, ...now }, context, '');
  }
  return findings.items.map((finding) => ({ ...finding, message: `error body: ${finding.message}` }));
}

function documentFindings(base: ServiceModel, head: ServiceModel): Finding[] {
  const findings = new FindingList({ action: '*', version: '*' });
  const [before, after] = [base.document, head.document];
  if (canonical(before.servers) !== canonical(after.servers))
    findings.add('breaking', 'server-changed', 'head', '/servers', 'the service endpoint changed');
  const signing = (model: ServiceModel) => `${model.signing.service}/${model.signing.region}`;
  if (signing(base) !== signing(head))
    findings.add(
      'breaking',
      'security-changed',
      'head',
      '/x-volc-signing',
      `the signing service/region changed: ${signing(base)} → ${signing(head)} (every signature changes)`,
    );
  for (const key of ['info', 'tags', 'x-tagGroups', 'externalDocs'])
    if (canonical(before[key]) !== canonical(after[key]))
      findings.add('compatible', 'documentation', 'head', `/${key}`, `${key} changed`);
  return findings.items;
}

/**
 * Every classified difference between the released (`base`) and the working (`head`) document, both
 * read by the spec model; throws its `SpecModelError` when either is not an Action/Version spec.
 */
export function classify(base: JsonObject, head: JsonObject): Finding[] {
  return classifyServices(readService(base), readService(head));
}

/** `classify` over two documents the spec model has already read. */
export function classifyServices(baseService: ServiceModel, headService: ServiceModel): Finding[] {
  const [base, head] = [baseService.document, headService.document];
  const before = operationsOf(baseService);
  const after = operationsOf(headService);
  const headByKey = new Map(after.map((operation) => [operation.key, operation]));
  const baseByKey = new Map(before.map((operation) => [operation.key, operation]));
  const findings: Finding[] = documentFindings(baseService, headService);
  for (const operation of before) {
    const match = headByKey.get(operation.key);
    if (match) {
      findings.push(...compareOperation(base, head, operation, match));
      continue;
    }
    const where = pointer(operation.operation.at);
    const renamed = after.find(
      (other) =>
        !baseByKey.has(other.key) &&
        other.operationId === operation.operationId &&
        operation.operationId !== '',
    );
    const sameAction = after.filter((other) => other.action === operation.action);
    const list = new FindingList(operation);
    if (sameAction.length > 0)
      list.add(
        'breaking',
        'version-removed',
        'base',
        where,
        `Version ${operation.version} of ${operation.action} removed (still at ${sameAction.map((o) => o.version).join(', ')})`,
      );
    else if (renamed)
      list.add(
        'breaking',
        'operation-renamed',
        'base',
        where,
        `${operation.action} ${operation.version} is now ${renamed.action} ${renamed.version} (operationId ${operation.operationId})`,
      );
    else list.add('breaking', 'action-removed', 'base', where, `Action ${operation.action} removed`);
    findings.push(...list.items);
  }
  for (const operation of after) {
    if (baseByKey.has(operation.key)) continue;
    const list = new FindingList(operation);
    const where = pointer(operation.operation.at);
    if (before.some((other) => other.action === operation.action))
      list.add(
        'compatible',
        'version-added',
        'head',
        where,
        `new Version ${operation.version} of ${operation.action} beside the old`,
      );
    else list.add('compatible', 'action-added', 'head', where, `new Action ${operation.action}`);
    findings.push(...list.items);
  }
  return findings;
}
