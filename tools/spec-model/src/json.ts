// JSON helpers over a bundled OpenAPI document: type guards, JSON pointers, local references.

export type JsonObject = { [key: string]: unknown };

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A spec that cannot be read as an Action/Version API; the message says what and where. */
export class SpecModelError extends Error {
  override name = 'SpecModelError';
}

const escapePart = (part: string) => part.replaceAll('~', '~0').replaceAll('/', '~1');
const unescapePart = (part: string) => part.replaceAll('~1', '/').replaceAll('~0', '~');

/** RFC 6901 pointer text of segments, e.g. `['paths', '/?Action=X']` → `/paths/~1?Action=X`. */
export const pointer = (segments: readonly (string | number)[]): string =>
  segments.map((part) => `/${escapePart(String(part))}`).join('');

/** The segments of an RFC 6901 pointer (or of a `#/...` reference). */
export const segments = (text: string): string[] =>
  text.replace(/^#/, '') === '' ? [] : text.replace(/^#/, '').slice(1).split('/').map(unescapePart);

export function nodeAt(document: unknown, at: readonly string[]): unknown {
  return at.reduce<unknown>(
    (into, part) => (Array.isArray(into) ? into[Number(part)] : isObject(into) ? into[part] : undefined),
    document,
  );
}

/** A node and the pointer segments where it really lives, references followed. */
export interface Located {
  node: JsonObject;
  at: string[];
}

/** Follows local `#/...` references from `node` found at `at`; throws on a cycle, a dangling or external one. */
export function follow(document: JsonObject, node: unknown, at: readonly string[]): Located {
  let current = node;
  let where = [...at];
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string'; hops++) {
    const ref = current.$ref;
    if (hops > 32) throw new SpecModelError(`reference cycle at ${ref}`);
    if (!ref.startsWith('#'))
      throw new SpecModelError(`the spec is not bundled: ${pointer(where)} still references ${ref}`);
    where = segments(decodeURIComponent(ref));
    current = nodeAt(document, where);
  }
  if (!isObject(current)) throw new SpecModelError(`${pointer(where)} points at nothing`);
  return { node: current, at: where };
}

/** The node a value stands for, local references followed. */
export const deref = (document: JsonObject, node: unknown): JsonObject => follow(document, node, []).node;

/** The first `$ref` of a document that is not local, if any. */
export function externalRef(node: unknown, depth = 0): string | undefined {
  if (depth > 256) return undefined;
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = externalRef(item, depth + 1);
      if (found) return found;
    }
  } else if (isObject(node)) {
    if (typeof node.$ref === 'string' && !node.$ref.startsWith('#')) return node.$ref;
    for (const value of Object.values(node)) {
      const found = externalRef(value, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}
