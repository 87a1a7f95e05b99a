// The wire form of an operation's request example, computed from the spec alone:
// - query parameters follow the path key's `Action` and `Version`, in the order the example holds them,
//   each list or object written in the style the spec declares (the model reads `style`/`explode` and
//   JSON `content`/`contentType` once for every tool), percent-encoded as RFC 3986 asks;
// - a JSON body is the example's JSON text;
// - a form body is the WHATWG `application/x-www-form-urlencoded` serialization of the same pairs;
// - multipart fields are the same name/value pairs, each its own part.
import { createHash } from 'node:crypto';
import { encodeRfc3986 } from '@volc-openapi/signing-reference';
import type { InputField, JsonObject, Operation, ValueStyle } from '@volc-openapi/spec-model';

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

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const scalarText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * The name/value pairs one input field becomes outside a JSON body, by the style the spec declares for
 * it (the model's `InputField.style`): comma-joined, one pair per item, or JSON text.
 */
function fieldPairs(name: string, value: unknown, style: ValueStyle | undefined): [string, string][] {
  if (value === undefined || value === null) return [];
  if (style === 'json') return [[name, JSON.stringify(value)]];
  if (Array.isArray(value)) {
    if (style === 'repeat') return value.map((item) => [name, scalarText(item)]);
    return [[name, value.map(scalarText).join(',')]];
  }
  return [[name, typeof value === 'object' ? JSON.stringify(value) : String(value)]];
}

/** The name/value pairs a query string, form or multipart body carries for `input`. */
export function formFields(input: JsonObject, fields: InputField[]): [string, string][] {
  const styles = new Map(fields.map((field) => [field.name, field.style]));
  return Object.entries(input).flatMap(([name, value]) => fieldPairs(name, value, styles.get(name)));
}

export function expectedWire(operation: Operation): WireExpectation {
  const input = operation.requestExample;
  const bodyFields = operation.body?.fields ?? [];
  const base = { method: operation.method, contentTypeIsPrefix: false };
  const empty: WireBody = { kind: 'empty', sha256: sha256('') };
  switch (operation.encoding) {
    case 'query': {
      const query = formFields(input, operation.query)
        .map(([name, text]) => `${encodeRfc3986(name)}=${encodeRfc3986(text)}`)
        .join('&');
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
      const text = new URLSearchParams(formFields(input, bodyFields)).toString();
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
        body: { kind: 'multipart', fields: formFields(input, bodyFields) },
      };
  }
}
