// Turns the text values of query strings and form bodies into the JSON types their schemas ask for,
// so one JSON Schema validator can check every encoding alike. Values that do not convert are left as
// text on purpose: the validator then reports them as invalid, naming the parameter.
import { isObject, type JsonObject } from './spec.ts';

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function follow(document: JsonObject, schema: unknown): JsonObject | undefined {
  let current = schema;
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string' && hops < 32; hops++) {
    const ref = current.$ref;
    if (!ref.startsWith('#/')) return undefined;
    current = decodeURIComponent(ref.slice(2))
      .split('/')
      .reduce<unknown>(
        (into, part) => (isObject(into) ? into[part.replaceAll('~1', '/').replaceAll('~0', '~')] : undefined),
        document,
      );
  }
  return isObject(current) ? current : undefined;
}

/** The schema and the branches of its `allOf`/`anyOf`/`oneOf`, references followed. */
function branches(document: JsonObject, schema: unknown, depth = 0): JsonObject[] {
  const resolved = follow(document, schema);
  if (!resolved || depth > 8) return [];
  const out = [resolved];
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = resolved[keyword];
    if (Array.isArray(list)) for (const item of list) out.push(...branches(document, item, depth + 1));
  }
  return out;
}

/** The JSON types a schema admits, read from `type`, or else from `const`/`enum` values. */
function typesOf(document: JsonObject, schema: unknown): Set<string> {
  const types = new Set<string>();
  for (const branch of branches(document, schema)) {
    const type = branch.type;
    if (typeof type === 'string') types.add(type);
    else if (Array.isArray(type)) for (const t of type) if (typeof t === 'string') types.add(t);
    const values = Array.isArray(branch.enum) ? branch.enum : 'const' in branch ? [branch.const] : [];
    for (const value of values) {
      if (typeof value === 'number') types.add(Number.isInteger(value) ? 'integer' : 'number');
      else if (typeof value === 'boolean') types.add('boolean');
      else if (typeof value === 'string') types.add('string');
    }
  }
  return types;
}

function propertySchema(document: JsonObject, schema: unknown, name: string): unknown {
  for (const branch of branches(document, schema)) {
    if (isObject(branch.properties) && name in branch.properties) return branch.properties[name];
  }
  return undefined;
}

function itemSchema(document: JsonObject, schema: unknown): unknown {
  for (const branch of branches(document, schema)) if (branch.items !== undefined) return branch.items;
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Converts one text value to the type its schema wants, when it reads as that type. */
function coerceOne(document: JsonObject, text: string, schema: unknown): unknown {
  const types = typesOf(document, schema);
  // A schema that accepts text keeps the text: `"007"` must stay `"007"` for a string field.
  if (types.size === 0 || types.has('string')) return text;
  const trimmed = text.trim();
  if (types.has('integer') && INTEGER.test(trimmed)) return Number(trimmed);
  if (types.has('number') && NUMBER.test(trimmed)) return Number(trimmed);
  if (types.has('boolean') && (trimmed === 'true' || trimmed === 'false')) return trimmed === 'true';
  if (types.has('null') && trimmed === 'null') return null;
  // Nested objects and lists travel as JSON text in forms (that is how the runtime encodes them).
  if ((types.has('object') && trimmed.startsWith('{')) || (types.has('array') && trimmed.startsWith('['))) {
    return parseJson(trimmed);
  }
  return text;
}

/**
 * Converts the values a parameter was sent with. Array-typed parameters accept repeated names
 * (`A=1&A=2`), one comma-separated value (`A=1,2`) or JSON text (`A=[1,2]`).
 */
export function coerceValues(document: JsonObject, values: string[], schema: unknown): unknown {
  const types = typesOf(document, schema);
  if (types.has('array') && !types.has('string')) {
    const [only] = values;
    if (values.length === 1 && only !== undefined && only.trim().startsWith('['))
      return parseJson(only.trim());
    const parts = values.length === 1 && only !== undefined ? (only === '' ? [] : only.split(',')) : values;
    const items = itemSchema(document, schema);
    return parts.map((part) => coerceOne(document, part, items));
  }
  // A scalar sent twice keeps its first value, as most servers do.
  return coerceOne(document, values[0] ?? '', schema);
}

/** Groups name/value pairs by name, keeping first-seen order. */
export function groupPairs(pairs: Iterable<[string, string]>): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const [name, value] of pairs) {
    const list = grouped.get(name);
    if (list) list.push(value);
    else grouped.set(name, [value]);
  }
  return grouped;
}

/** Builds the typed object a form body stands for, each field converted by its property schema. */
export function coerceFields(
  document: JsonObject,
  fields: Map<string, string[]>,
  schema: unknown,
): JsonObject {
  const out: JsonObject = {};
  for (const [name, values] of fields)
    out[name] = coerceValues(document, values, propertySchema(document, schema, name));
  return out;
}
