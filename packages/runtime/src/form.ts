/**
 * Serializes a flat input object as `application/x-www-form-urlencoded`, the way the VMS form
 * actions read it: absent values are left out, lists of scalars are sent comma-joined (`A=1,2`), and
 * objects and lists of objects as JSON text.
 */
export function encodeForm(input: unknown): string {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries((input ?? {}) as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    const scalarList = Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null);
    if (scalarList) form.append(name, value.join(','));
    else if (typeof value === 'object') form.append(name, JSON.stringify(value));
    else form.append(name, String(value));
  }
  return form.toString();
}

/**
 * Serializes an input object as `multipart/form-data`: Blobs (and Files) as file parts, everything
 * else as text fields the way `encodeForm` writes them. fetch sets the boundary header itself.
 */
export function encodeMultipart(input: unknown): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries((input ?? {}) as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    if (value instanceof Blob) form.append(name, value);
    else form.append(name, new URLSearchParams(encodeForm({ [name]: value })).get(name) ?? '');
  }
  return form;
}
