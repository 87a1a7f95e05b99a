// JSON helpers over a bundled OpenAPI document: type guards, JSON pointers, local references.

export type JsonObject = { [key: string]: unknown };

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** RFC 6901 pointer text of segments. */
export const pointer = (segments: readonly string[]): string =>
  segments.map((part) => `/${part.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');

const unescapePart = (part: string) => part.replaceAll('~1', '/').replaceAll('~0', '~');

export function nodeAt(document: JsonObject, segments: readonly string[]): unknown {
  return segments.reduce<unknown>(
    (into, part) => (Array.isArray(into) ? into[Number(part)] : isObject(into) ? into[part] : undefined),
    document,
  );
}

/** A node and the pointer (segments) where it really lives, references followed. */
export interface Located {
  node: JsonObject;
  at: string[];
}

/** Follows local `#/...` references from `node` found at `at`. */
export function follow(document: JsonObject, node: unknown, at: string[]): Located {
  let current = node;
  let where = at;
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string' && hops < 64; hops++) {
    if (!current.$ref.startsWith('#/')) break;
    where = current.$ref.slice(2).split('/').map(unescapePart);
    current = nodeAt(document, where);
  }
  return { node: isObject(current) ? current : {}, at: where };
}

/** Every `$ref` of a document that is not a local reference, or that points at nothing. */
export function brokenRefs(document: JsonObject): string[] {
  const broken: string[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > 256) return;
    if (Array.isArray(node)) for (const item of node) visit(item, depth + 1);
    else if (isObject(node)) {
      if (typeof node.$ref === 'string') {
        const ref = node.$ref;
        if (
          !ref.startsWith('#/') ||
          nodeAt(document, ref.slice(2).split('/').map(unescapePart)) === undefined
        )
          broken.push(ref);
      }
      for (const value of Object.values(node)) visit(value, depth + 1);
    }
  };
  visit(document, 0);
  return broken;
}

/** Stable JSON text: object keys sorted, so equal values compare equal. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}
