// A Postman Collection v2.1 for one service, from the spec model: a folder per tag, a request per
// Action with its request line, headers and the spec's example encoded as the client sends it (raw
// bodies, so the collection script signs the exact bytes), and the signing script at collection level.
import { encodeForm, encodeQuery } from '@volc-openapi/runtime';
import {
  fieldStyles,
  isObject,
  type JsonObject,
  MEDIA_TYPES,
  type Operation,
  type ServiceEntry,
  type ServiceModel,
  type ValueStyle,
} from '@volc-openapi/spec-model';
import { signScript } from './sign-script.ts';

const SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';
/** Multipart bodies are written out with this boundary, so their bytes are known before sending. */
export const MULTIPART_BOUNDARY = 'volc-openapi-postman-boundary';

export interface PostmanRequestItem {
  name: string;
  request: {
    method: string;
    header: { key: string; value: string }[];
    url: { raw: string; host: string[]; path: string[]; query: { key: string; value: string }[] };
    body?: { mode: 'raw'; raw: string; options?: { raw: { language: 'json' | 'text' } } };
    description: string;
  };
}

export interface PostmanCollection {
  info: { name: string; description: string; schema: string };
  item: { name: string; description?: string; item: PostmanRequestItem[] }[];
  event: { listen: 'prerequest'; script: { type: 'text/javascript'; exec: string[] } }[];
  variable: { key: string; value: string }[];
}

/** The example split into the query fields and the body fields of the operation. */
function splitExample(operation: Operation): { query: JsonObject; body: JsonObject } {
  const example = isObject(operation.requestExample) ? operation.requestExample : {};
  const queryNames = new Set(operation.query.map((field) => field.name));
  const query: JsonObject = {};
  const body: JsonObject = {};
  for (const [name, value] of Object.entries(example)) (queryNames.has(name) ? query : body)[name] = value;
  return { query, body };
}

/** A multipart body of text fields, as the runtime writes them, with a fixed boundary. */
function multipartText(fields: JsonObject, styles: Record<string, ValueStyle>): string {
  const parts = new URLSearchParams(encodeForm(fields, styles));
  const lines: string[] = [];
  for (const [name, value] of parts)
    lines.push(`--${MULTIPART_BOUNDARY}`, `Content-Disposition: form-data; name="${name}"`, '', value);
  lines.push(`--${MULTIPART_BOUNDARY}--`, '');
  return lines.join('\r\n');
}

function requestItem(operation: Operation, styles: Record<string, ValueStyle>): PostmanRequestItem {
  const { query, body } = splitExample(operation);
  const encoded = encodeQuery(query, styles);
  const search = `Action=${operation.action}&Version=${operation.version}${encoded ? `&${encoded}` : ''}`;
  const header: { key: string; value: string }[] = [];
  let raw: PostmanRequestItem['request']['body'];
  if (operation.encoding === 'json') {
    header.push({ key: 'Content-Type', value: MEDIA_TYPES.json });
    raw = { mode: 'raw', raw: JSON.stringify(body, null, 2), options: { raw: { language: 'json' } } };
  } else if (operation.encoding === 'form') {
    header.push({ key: 'Content-Type', value: MEDIA_TYPES.form });
    raw = { mode: 'raw', raw: encodeForm(body, styles), options: { raw: { language: 'text' } } };
  } else if (operation.encoding === 'multipart') {
    header.push({ key: 'Content-Type', value: `${MEDIA_TYPES.multipart}; boundary=${MULTIPART_BOUNDARY}` });
    raw = { mode: 'raw', raw: multipartText(body, styles), options: { raw: { language: 'text' } } };
  }
  const title = operation.titleZh ? ` (${operation.titleZh})` : '';
  return {
    name:
      operation.action === operation.operationId
        ? operation.action
        : `${operation.action} ${operation.version}`,
    request: {
      method: operation.method,
      header,
      url: {
        raw: `{{endpoint}}/?${search}`,
        host: ['{{endpoint}}'],
        path: [''],
        query: search.split('&').map((pair) => {
          const at = pair.indexOf('=');
          return { key: pair.slice(0, at), value: pair.slice(at + 1) };
        }),
      },
      ...(raw ? { body: raw } : {}),
      description: `${operation.summary}${title}\n\n\`${operation.method} /?Action=${operation.action}&Version=${operation.version}\`${operation.signed ? '' : ' — sent unsigned (the spec says `security: []`).'}`,
    },
  };
}

/** The tags of the document with their display names, in document order. */
function tagNames(model: ServiceModel): Map<string, { name: string; description?: string }> {
  const tags = Array.isArray(model.document.tags) ? model.document.tags : [];
  return new Map(
    tags.filter(isObject).map((tag) => [
      String(tag.name),
      {
        name: typeof tag['x-displayName'] === 'string' ? tag['x-displayName'] : String(tag.name),
        ...(typeof tag.description === 'string' ? { description: tag.description } : {}),
      },
    ]),
  );
}

/** The collection of one service of the registry. */
export function postmanCollection(model: ServiceModel, entry: ServiceEntry): PostmanCollection {
  const styles = fieldStyles(model);
  const tags = tagNames(model);
  const folders = new Map<string, { name: string; description?: string; item: PostmanRequestItem[] }>();
  for (const operation of model.operations) {
    const tag = operation.tags[0] ?? 'other';
    const folder = folders.get(tag) ?? { ...(tags.get(tag) ?? { name: tag }), item: [] };
    folder.item.push(requestItem(operation, styles));
    folders.set(tag, folder);
  }
  const unsigned = model.operations
    .filter((operation) => !operation.signed)
    .map((operation) => operation.action);
  return {
    info: {
      name: `${entry.title} (${entry.titleZh})`,
      description: `Every Action of ${entry.title}, generated from its OpenAPI description. The collection script signs each request (Volcengine HMAC-SHA256, service \`${model.signing.service}\`) with the environment's accessKeyId and secretAccessKey (and sessionToken, when set).`,
      schema: SCHEMA,
    },
    item: [...folders.values()],
    event: [
      {
        listen: 'prerequest',
        script: { type: 'text/javascript', exec: signScript(model.signing.service, unsigned) },
      },
    ],
    variable: [],
  };
}

/** The environment template: endpoint and region set, the keys left for the reader (the secret typed secret). */
export function postmanEnvironment(model: ServiceModel, entry: ServiceEntry) {
  return {
    name: `${entry.title} (pnpm mock)`,
    values: [
      { key: 'endpoint', value: 'http://127.0.0.1:4010', type: 'default', enabled: true },
      { key: 'region', value: model.signing.region, type: 'default', enabled: true },
      { key: 'accessKeyId', value: '', type: 'default', enabled: true },
      { key: 'secretAccessKey', value: '', type: 'secret', enabled: true },
      { key: 'sessionToken', value: '', type: 'secret', enabled: true },
    ],
    _postman_variable_scope: 'environment',
  };
}
