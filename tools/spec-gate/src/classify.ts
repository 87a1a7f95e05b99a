// Classifies every difference between a released (base) and a working (head) bundled spec, reading
// the document the way an Action/Version RPC client does: a path key is an Action at a Version, the
// HTTP method and the request media type are the wire contract, and a parameter is a name in the query
// or in the body whichever way it travels.
import { type Finding, FindingList } from './findings.ts';
import { canonical, follow, isObject, type JsonObject, type Located, pointer } from './json.ts';
import { type RpcOperation, readOperations } from './operations.ts';
import { compareSchemas, schemaContext } from './schema-diff.ts';

interface Parameter {
  name: string;
  in: 'query' | 'body';
  required: boolean;
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

function requestBody(document: JsonObject, operation: Located): { media?: Located; mediaType?: string } {
  if (!operation.node.requestBody) return {};
  const body = follow(document, operation.node.requestBody, [...operation.at, 'requestBody']);
  const content = isObject(body.node.content) ? body.node.content : {};
  const [mediaType] = Object.keys(content);
  if (mediaType === undefined) return {};
  return { media: follow(document, content[mediaType], [...body.at, 'content', mediaType]), mediaType };
}

/** Every input parameter of an operation: query parameters and the top-level body properties. */
function parametersOf(document: JsonObject, operation: Located): Map<string, Parameter> {
  const out = new Map<string, Parameter>();
  const list = Array.isArray(operation.node.parameters) ? operation.node.parameters : [];
  list.forEach((entry, index) => {
    const { node, at } = follow(document, entry, [...operation.at, 'parameters', String(index)]);
    if (node.in !== 'query' || node.name === 'Action' || node.name === 'Version') return;
    const name = String(node.name);
    out.set(name, {
      name,
      in: 'query',
      required: node.required === true,
      schema: node.schema,
      at: [...at, 'schema'],
    });
  });
  const { media } = requestBody(document, operation);
  if (media) {
    const schema = collectProperties(document, media.node.schema, [...media.at, 'schema']);
    for (const [name, property] of schema.properties)
      out.set(name, {
        name,
        in: 'body',
        required: schema.required.has(name),
        schema: property.node,
        at: property.at,
      });
  }
  return out;
}

function collectProperties(
  document: JsonObject,
  node: unknown,
  at: string[],
  depth = 0,
): { properties: Map<string, { node: unknown; at: string[] }>; required: Set<string> } {
  const schema = follow(document, node, at);
  const properties = new Map<string, { node: unknown; at: string[] }>();
  const required = new Set(Array.isArray(schema.node.required) ? schema.node.required.map(String) : []);
  for (const [name, child] of Object.entries(isObject(schema.node.properties) ? schema.node.properties : {}))
    properties.set(name, { node: child, at: [...schema.at, 'properties', name] });
  if (Array.isArray(schema.node.allOf) && depth < 8) {
    schema.node.allOf.forEach((branch, index) => {
      const inner = collectProperties(document, branch, [...schema.at, 'allOf', String(index)], depth + 1);
      for (const [name, child] of inner.properties) if (!properties.has(name)) properties.set(name, child);
      for (const name of inner.required) required.add(name);
    });
  }
  return { properties, required };
}

function successSchema(
  document: JsonObject,
  operation: Located,
): { node: unknown; at: string[] } | undefined {
  const responses = isObject(operation.node.responses) ? operation.node.responses : {};
  if (responses['200'] === undefined) return undefined;
  const ok = follow(document, responses['200'], [...operation.at, 'responses', '200']);
  const content = isObject(ok.node.content) ? ok.node.content : {};
  const media = content['application/json'];
  if (!isObject(media)) return undefined;
  return { node: media.schema, at: [...ok.at, 'content', 'application/json', 'schema'] };
}

/** Documented error codes of an operation, by examples named after the code. */
function errorCodes(document: JsonObject, operation: Located): Set<string> {
  const codes = new Set<string>();
  const responses = isObject(operation.node.responses) ? operation.node.responses : {};
  for (const [status, entry] of Object.entries(responses)) {
    const response = follow(document, entry, [...operation.at, 'responses', status]).node;
    const content = isObject(response.content) ? response.content : {};
    for (const media of Object.values(content)) {
      const examples = isObject(media) && isObject(media.examples) ? media.examples : {};
      for (const example of Object.values(examples)) {
        const value = follow(document, example, []).node.value;
        const error =
          isObject(value) && isObject(value.ResponseMetadata) ? value.ResponseMetadata.Error : undefined;
        if (isObject(error) && typeof error.Code === 'string') codes.add(`${error.Code}@${status}`);
      }
    }
  }
  return codes;
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
    const { description: _d, ...scheme } = follow(document, schemes[name], [
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
    return resolvedText(document, follow(document, node, []).node, depth + 1, next);
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

  const baseParameters = parametersOf(base, before.operation);
  const headParameters = parametersOf(head, after.operation);
  const context = schemaContext('request', findings);
  for (const [name, was] of baseParameters) {
    const now = headParameters.get(name);
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
  for (const [name, now] of headParameters) {
    if (baseParameters.has(name)) continue;
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
  const baseBody = requestBody(base, before.operation).media;
  const headBody = requestBody(head, after.operation).media;
  if (baseBody && headBody) {
    const baseSchema = follow(base, baseBody.node.schema, []).node;
    const headSchema = follow(head, headBody.node.schema, []).node;
    if (baseSchema.additionalProperties !== false && headSchema.additionalProperties === false)
      findings.add(
        'breaking',
        'request-narrowed',
        'head',
        pointer([...headBody.at, 'schema']),
        'the body no longer accepts properties it does not name',
      );
  }

  const baseResult = successSchema(base, before.operation);
  const headResult = successSchema(head, after.operation);
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

  const baseCodes = errorCodes(base, before.operation);
  const headCodes = errorCodes(head, after.operation);
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
  if (before.operation.node['x-volc-idempotent'] !== after.operation.node['x-volc-idempotent'])
    findings.add(
      'compatible',
      'idempotency-changed',
      'head',
      at,
      `x-volc-idempotent ${String(before.operation.node['x-volc-idempotent'])} → ${String(after.operation.node['x-volc-idempotent'])} (clients retry only idempotent calls)`,
    );
  if (before.operation.node.deprecated !== after.operation.node.deprecated)
    findings.add(
      'compatible',
      'deprecation',
      'head',
      at,
      after.operation.node.deprecated ? 'deprecated' : 'no longer deprecated',
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

function documentFindings(base: JsonObject, head: JsonObject): Finding[] {
  const findings = new FindingList({ action: '*', version: '*' });
  if (canonical(base.servers) !== canonical(head.servers))
    findings.add('breaking', 'server-changed', 'head', '/servers', 'the service endpoint changed');
  for (const key of ['info', 'tags', 'x-tagGroups', 'externalDocs'])
    if (canonical(base[key]) !== canonical(head[key]))
      findings.add('compatible', 'documentation', 'head', `/${key}`, `${key} changed`);
  return findings.items;
}

/** Every classified difference between `base` and `head`. */
export function classify(base: JsonObject, head: JsonObject): Finding[] {
  const before = readOperations(base);
  const after = readOperations(head);
  const headByKey = new Map(after.map((operation) => [operation.key, operation]));
  const baseByKey = new Map(before.map((operation) => [operation.key, operation]));
  const findings: Finding[] = documentFindings(base, head);
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
