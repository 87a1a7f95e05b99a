// How inputs are written outside a JSON body (form bodies, query strings, multipart text fields).
// The spec declares each list or object field's style and the generated client passes those styles
// in: `comma` (`A=1,2`), `repeat` (`A=1&A=2`) or `json` (JSON text). A field the styles do not name
// follows the Volcengine SDKs' convention: scalar lists comma-joined, objects as JSON. Absent values
// are left out.

/** How one list or object field is written, as the spec declares it. */
export type ValueStyle = 'comma' | 'repeat' | 'json';

/** Declared styles by field name. */
export type FieldStyles = Readonly<Record<string, ValueStyle>>;

const isScalarList = (value: unknown[]) => value.every((item) => typeof item !== 'object' || item === null);

/** The wire texts of one input value (several for `repeat`); none when it is left out. */
export function formValues(value: unknown, style?: ValueStyle): string[] {
  if (value === undefined || value === null) return [];
  if (style === 'json') return [JSON.stringify(value)];
  if (Array.isArray(value)) {
    if (style === 'repeat')
      return value.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item)));
    if (isScalarList(value)) return [value.join(',')];
  }
  return [typeof value === 'object' ? JSON.stringify(value) : String(value)];
}

const entries = (input: unknown, styles: FieldStyles): [string, string][] =>
  Object.entries((input ?? {}) as Record<string, unknown>).flatMap(([name, value]) =>
    formValues(value, styles[name]).map((text): [string, string] => [name, text]),
  );

/** Serializes an input object as `application/x-www-form-urlencoded`. */
export function encodeForm(input: unknown, styles: FieldStyles = {}): string {
  return new URLSearchParams(entries(input, styles)).toString();
}

/** RFC 3986 percent-encoding: only `A-Z a-z 0-9 - _ . ~` stay as they are (also `!'()*`, unlike encodeURIComponent). */
const rfc3986 = (text: string) =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Serializes query parameters (GET, and body-less POST) with the same rules as {@link encodeForm},
 * percent-encoded as the signer canonicalizes them (RFC 3986: a space is `%20`, `*` is `%2A`), so the
 * URL sent is the canonical one the official SDKs send.
 */
export function encodeQuery(input: unknown, styles: FieldStyles = {}): string {
  return entries(input, styles)
    .map(([name, text]) => `${rfc3986(name)}=${rfc3986(text)}`)
    .join('&');
}

/**
 * Serializes an input object as `multipart/form-data`: Blobs (and Files) as file parts, everything
 * else as text fields written like {@link encodeForm}. fetch writes the boundary; the runtime then
 * signs the exact bytes.
 */
export function encodeMultipart(input: unknown, styles: FieldStyles = {}): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries((input ?? {}) as Record<string, unknown>)) {
    if (value instanceof Blob) form.append(name, value);
    else for (const text of formValues(value, styles[name])) form.append(name, text);
  }
  return form;
}
