// Turns the text values of query strings and form bodies into the JSON values their schemas ask for,
// so one JSON Schema validator can check every encoding alike. Lists and objects are read the way the
// spec says they travel (the field's `style`: comma-joined, repeated names or JSON text). Values that
// do not convert are left as text on purpose: the validator then reports them, naming the parameter.
import { follow, type InputField, isObject, type JsonObject } from '@volc-openapi/spec-model';

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A schema with its references followed; undefined when it cannot be (the validator reports that). */
function resolve(document: JsonObject, schema: unknown): JsonObject | undefined {
  if (!isObject(schema)) return undefined;
  try {
    return follow(document, schema, []).node;
  } catch {
    return undefined;
  }
}

/** The schema and the branches of its `allOf`/`anyOf`/`oneOf`, references followed. */
function branches(document: JsonObject, schema: unknown, depth = 0): JsonObject[] {
  const resolved = resolve(document, schema);
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

/** Converts one text value to the scalar type its schema wants, when it reads as that type. */
function coerceScalar(document: JsonObject, text: string, schema: unknown): unknown {
  const types = typesOf(document, schema);
  // A schema that accepts text keeps the text: `"007"` must stay `"007"` for a string field.
  if (types.size === 0 || types.has('string')) return text;
  const trimmed = text.trim();
  if (types.has('integer') && INTEGER.test(trimmed)) return Number(trimmed);
  if (types.has('number') && NUMBER.test(trimmed)) return Number(trimmed);
  if (types.has('boolean') && (trimmed === 'true' || trimmed === 'false')) return trimmed === 'true';
  if (types.has('null') && trimmed === 'null') return null;
  return text;
}

/**
 * The value of one input field from the texts it was sent with, read by the field's declared style:
 * `comma` splits each value on "," (repeated names add to the list), `repeat` takes every value of
 * the name as one item, `json` parses the JSON text. A scalar sent twice keeps its first value.
 */
export function decodeField(document: JsonObject, field: InputField, values: string[]): unknown {
  switch (field.style) {
    case 'comma': {
      const items = itemSchema(document, field.schema);
      return values
        .flatMap((value) => (value === '' ? [] : value.split(',')))
        .map((part) => coerceScalar(document, part, items));
    }
    case 'repeat': {
      const items = itemSchema(document, field.schema);
      return values.map((value) => coerceScalar(document, value, items));
    }
    case 'json':
      return parseJson(values[0] ?? '');
    default:
      return undeclared(document, field.schema, values);
  }
}

/**
 * A field the spec gives no style: a scalar, or a list/object of a JSON body that arrived as a form
 * (which the spec does not describe). The latter is read leniently: JSON text, else comma-joined or
 * repeated values.
 */
function undeclared(document: JsonObject, schema: unknown, values: string[]): unknown {
  const types = typesOf(document, schema);
  const [first = ''] = values;
  if (!types.has('string') && (types.has('array') || types.has('object'))) {
    const trimmed = first.trim();
    if (values.length === 1 && (trimmed.startsWith('[') || trimmed.startsWith('{')))
      return parseJson(trimmed);
    if (types.has('array')) {
      const parts = values.length === 1 ? (first === '' ? [] : first.split(',')) : values;
      const items = itemSchema(document, schema);
      return parts.map((part) => coerceScalar(document, part, items));
    }
  }
  return coerceScalar(document, first, schema);
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

/**
 * The typed object a form body stands for: each declared field read by its style; a name the spec
 * does not declare keeps its (first) text, for the validator to refuse by name.
 */
export function decodeFields(
  document: JsonObject,
  declared: InputField[],
  sent: Map<string, string[]>,
): JsonObject {
  const byName = new Map(declared.map((field) => [field.name, field]));
  const out: JsonObject = {};
  for (const [name, values] of sent) {
    const field = byName.get(name);
    out[name] = field ? decodeField(document, field, values) : values[0];
  }
  return out;
}
