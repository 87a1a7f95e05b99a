// How VMS reads non-JSON inputs (form bodies, query strings, multipart text fields): absent values
// are left out, lists of scalars are sent comma-joined (`A=1,2`, as the official SDKs do), and objects
// or lists of objects as JSON text.

/** The wire text of one input value; undefined when it is left out. */
export function formValue(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null))
    return value.join(',');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

const entries = (input: unknown): [string, unknown][] =>
  Object.entries((input ?? {}) as Record<string, unknown>);

/** Serializes an input object as `application/x-www-form-urlencoded`. */
export function encodeForm(input: unknown): string {
  const form = new URLSearchParams();
  for (const [name, value] of entries(input)) {
    const text = formValue(value);
    if (text !== undefined) form.append(name, text);
  }
  return form.toString();
}

/**
 * Serializes query parameters (GET, and body-less POST) with the same value rules as
 * {@link encodeForm}, percent-encoding spaces as `%20` the way the signer canonicalizes them.
 */
export function encodeQuery(input: unknown): string {
  const parts: string[] = [];
  for (const [name, value] of entries(input)) {
    const text = formValue(value);
    if (text !== undefined) parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(text)}`);
  }
  return parts.join('&');
}

/**
 * Serializes an input object as `multipart/form-data`: Blobs (and Files) as file parts, everything
 * else as text fields written like {@link encodeForm}. fetch writes the boundary; the runtime then
 * signs the exact bytes.
 */
export function encodeMultipart(input: unknown): FormData {
  const form = new FormData();
  for (const [name, value] of entries(input)) {
    if (value instanceof Blob) form.append(name, value);
    else {
      const text = formValue(value);
      if (text !== undefined) form.append(name, text);
    }
  }
  return form;
}
