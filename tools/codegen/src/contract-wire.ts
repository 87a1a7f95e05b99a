// The wire form of an operation's request example, computed from the spec alone:
// - query parameters follow the path key's `Action` and `Version`, in the order the example holds them,
//   serialized by the parameter's `style`/`explode` (OpenAPI default: form, exploded) and
//   percent-encoded as RFC 3986 asks (only unreserved characters stay as they are);
// - a JSON body is the example's JSON text;
// - a form body is the WHATWG `application/x-www-form-urlencoded` serialization of its fields: a field
//   whose media-type `encoding` names `application/json`, and any object or list of objects, travels as
//   JSON text; a list of scalars is comma-joined (the VMS form convention) unless its `encoding` says
//   `explode: true`, which repeats the name;
// - multipart fields are the same name/value pairs, each its own part.
import { createHash } from 'node:crypto';
import { deref, type JsonObject, type Operation } from '@volc-openapi/spec-model';
import type { InputModel } from './contract-schema.ts';

export type WireBody =
  | { kind: 'empty'; sha256: string }
  | { kind: 'text'; text: string; sha256: string }
  /** Multipart bytes depend on the boundary; the parts are what must match. */
  | { kind: 'multipart'; fields: [string, string][] };

export interface WireExpectation {
  method: 'GET' | 'POST';
  /** Path and query, e.g. `/?Action=X&Version=2022-01-01&Type=1`. */
  target: string;
  /** The exact Content-Type; for multipart only its start, the boundary being the client's choice. */
  contentType: string | null;
  contentTypeIsPrefix: boolean;
  body: WireBody;
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** RFC 3986 percent-encoding of a query component: everything but `A-Z a-z 0-9 - . _ ~`. */
export const encodeRfc3986 = (text: string): string =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const scalarText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));
const isScalar = (value: unknown) => value === null || typeof value !== 'object';

function queryPairs(parameter: JsonObject, name: string, value: unknown): string[] {
  const explode = parameter.explode !== false; // form style explodes by default
  const style = typeof parameter.style === 'string' ? parameter.style : 'form';
  const pair = (key: string, text: string) => `${encodeRfc3986(key)}=${encodeRfc3986(text)}`;
  if (Array.isArray(value)) {
    if (value.length === 0) return [];
    if (explode) return value.map((item) => pair(name, scalarText(item)));
    const joiner = style === 'spaceDelimited' ? ' ' : style === 'pipeDelimited' ? '|' : ',';
    return [`${encodeRfc3986(name)}=${value.map((item) => encodeRfc3986(scalarText(item))).join(joiner)}`];
  }
  if (isObject(value)) {
    if (style === 'deepObject')
      return Object.entries(value).map(([key, item]) => pair(`${name}[${key}]`, scalarText(item)));
    if (explode) return Object.entries(value).map(([key, item]) => pair(key, scalarText(item)));
    return [pair(name, Object.entries(value).flat().map(scalarText).join(','))];
  }
  return [pair(name, scalarText(value))];
}

function queryString(spec: JsonObject, operation: JsonObject, input: JsonObject): string {
  const declared = new Map<string, JsonObject>();
  for (const node of Array.isArray(operation.parameters) ? operation.parameters : []) {
    const parameter = deref(spec, node);
    if (parameter.in === 'query') declared.set(String(parameter.name), parameter);
  }
  const parts: string[] = [];
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined || value === null) continue;
    parts.push(...queryPairs(declared.get(name) ?? {}, name, value));
  }
  return parts.join('&');
}

/** The name/value pairs a form or multipart body carries for `input`. */
export function formFields(input: JsonObject, encoding: JsonObject): [string, string][] {
  const fields: [string, string][] = [];
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined || value === null) continue;
    const rule = isObject(encoding[name]) ? encoding[name] : {};
    const asJson = typeof rule.contentType === 'string' && rule.contentType.includes('json');
    if (!asJson && Array.isArray(value) && value.every(isScalar)) {
      if (rule.explode === true) for (const item of value) fields.push([name, scalarText(item)]);
      else fields.push([name, value.map(scalarText).join(',')]);
    } else if (asJson || typeof value === 'object') fields.push([name, JSON.stringify(value)]);
    else fields.push([name, String(value)]);
  }
  return fields;
}

export function expectedWire(spec: JsonObject, operation: Operation, model: InputModel): WireExpectation {
  const item = deref(spec, (spec.paths as JsonObject)[operation.pathKey]);
  const node = deref(spec, item[operation.method.toLowerCase()]);
  const input = operation.requestExample;
  const base = { method: operation.method, contentTypeIsPrefix: false };
  const empty: WireBody = { kind: 'empty', sha256: sha256('') };
  switch (operation.encoding) {
    case 'query': {
      const query = queryString(spec, node, input);
      return {
        ...base,
        target: query ? `${operation.pathKey}&${query}` : operation.pathKey,
        contentType: null,
        body: empty,
      };
    }
    case 'json': {
      const text = JSON.stringify(input);
      return {
        ...base,
        target: operation.pathKey,
        contentType: 'application/json',
        body: { kind: 'text', text, sha256: sha256(text) },
      };
    }
    case 'form': {
      const text = new URLSearchParams(formFields(input, model.body?.encoding ?? {})).toString();
      return {
        ...base,
        target: operation.pathKey,
        contentType: 'application/x-www-form-urlencoded',
        body: { kind: 'text', text, sha256: sha256(text) },
      };
    }
    case 'multipart':
      return {
        ...base,
        target: operation.pathKey,
        contentType: 'multipart/form-data; boundary=',
        contentTypeIsPrefix: true,
        body: { kind: 'multipart', fields: formFields(input, model.body?.encoding ?? {}) },
      };
  }
}
