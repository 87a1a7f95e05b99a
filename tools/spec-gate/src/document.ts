// What the gate needs of a bundled document beyond the spec model's reading: stable JSON text for
// comparisons, a lenient reference lookup for schemas that may be absent on one side, and the list of
// references a baseline cannot resolve.
import {
  follow,
  isObject,
  type JsonObject,
  type Located,
  nodeAt,
  SpecModelError,
  segments,
} from '@volc-openapi/spec-model';

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

/**
 * The model's `follow`, except that an absent node (no schema, no items) or a reference that leads
 * nowhere reads as an empty one: a comparison goes on where a reading would stop.
 */
export function followLoose(document: JsonObject, node: unknown, at: readonly string[]): Located {
  if (!isObject(node)) return { node: {}, at: [...at] };
  try {
    return follow(document, node, at);
  } catch (error) {
    if (error instanceof SpecModelError) return { node: {}, at: [...at] };
    throw error;
  }
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
        if (!ref.startsWith('#/') || nodeAt(document, segments(decodeURIComponent(ref))) === undefined)
          broken.push(ref);
      }
      for (const value of Object.values(node)) visit(value, depth + 1);
    }
  };
  visit(document, 0);
  return broken;
}
