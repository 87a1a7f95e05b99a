// fast-check arbitraries from the JSON Schema subset the spec uses: objects (required, properties,
// additionalProperties: false), strings (min/maxLength, pattern, enum, common formats, JSON text),
// integers and numbers (min/max, exclusive bounds, enum, int32), booleans, arrays (items, min/maxItems,
// uniqueItems), const, `$ref` into the document, allOf (merged), oneOf/anyOf (one branch).

import { deref, isObject, type JsonObject } from '@volc-openapi/spec-model';
import fc from 'fast-check';

export interface ArbitraryContext {
  spec: JsonObject;
  /**
   * Strings are sent as text fields (query string, form or multipart): they must survive the
   * comma-joining of lists, so items of lists are kept to letters and digits.
   */
  textual: boolean;
}

interface Walk extends ArbitraryContext {
  depth: number;
  inList: boolean;
}

const MAX_DEPTH = 5;
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const ALNUM = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'];

const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/** Follows `#/...` references through the document; a schema that is not an object (`true`) reads as `{}`. */
export const resolveSchema = (spec: JsonObject, node: unknown): JsonObject =>
  isObject(node) ? deref(spec, node) : {};

/** One schema from a schema and its `allOf` branches: properties and required lists are united. */
function merged(spec: JsonObject, node: unknown, depth = 0): JsonObject {
  const schema = resolveSchema(spec, node);
  if (!Array.isArray(schema.allOf) || depth > 8) return schema;
  const { allOf, ...own } = schema;
  const out: JsonObject = {};
  for (const branch of [...allOf.map((item) => merged(spec, item, depth + 1)), own]) {
    for (const [key, value] of Object.entries(branch)) {
      if (key === 'properties' && isObject(value))
        out.properties = { ...(isObject(out.properties) ? out.properties : {}), ...value };
      else if (key === 'required' && Array.isArray(value))
        out.required = [...new Set([...(Array.isArray(out.required) ? out.required : []), ...value])];
      else out[key] = value;
    }
  }
  return out;
}

function typesOf(schema: JsonObject): string[] {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.map(String);
  if (isObject(schema.properties)) return ['object'];
  if (schema.items !== undefined) return ['array'];
  return [];
}

/**
 * Keeps the values `keep` accepts, but fails loudly instead of looping for ever when an arbitrary
 * almost never meets the condition (a schema feature the arbitraries do not model).
 */
export function filtered<T>(
  arb: fc.Arbitrary<T>,
  keep: (value: T) => boolean,
  what: string,
): fc.Arbitrary<T> {
  let misses = 0;
  return arb.filter((value) => {
    if (keep(value)) {
      misses = 0;
      return true;
    }
    if (++misses > 2000)
      throw new Error(`Cannot generate values for ${what}: 2000 draws in a row were refused`);
    return false;
  });
}

function stringArbitrary(schema: JsonObject, walk: Walk): fc.Arbitrary<string> {
  const minLength = num(schema.minLength) ?? 0;
  const explicitMax = num(schema.maxLength);
  // Plain text is kept short; patterns and formats decide their own length unless the schema caps it.
  const maxLength = Math.max(minLength, explicitMax ?? minLength + 12);
  const fits = (text: string) =>
    [...text].length >= minLength && (explicitMax === undefined || [...text].length <= explicitMax);
  const what = JSON.stringify(schema).slice(0, 160);
  const within = (arb: fc.Arbitrary<string>) => filtered(arb, fits, what);
  const examples = Array.isArray(schema.examples) ? schema.examples.filter((e) => typeof e === 'string') : [];
  if (typeof schema.pattern === 'string') {
    try {
      return within(fc.stringMatching(new RegExp(schema.pattern, 'u')));
    } catch {
      // A pattern fast-check cannot generate from: fall back on the documented examples.
      if (examples.length > 0) return fc.constantFrom(...examples);
    }
  }
  if (schema.contentMediaType === 'application/json') {
    const inner =
      schema.contentSchema !== undefined
        ? arbitrary(schema.contentSchema, { ...walk, textual: false, inList: false, depth: walk.depth + 1 })
        : fc.dictionary(fc.string({ unit: fc.constantFrom(...ALNUM), maxLength: 6 }), fc.integer(), {
            maxKeys: 3,
          });
    return within(inner.map((value) => JSON.stringify(value)));
  }
  if (schema.contentEncoding === 'base64')
    return within(fc.base64String({ minLength: Math.max(4, minLength), maxLength: Math.max(8, maxLength) }));
  switch (schema.format) {
    case 'uri':
    case 'url':
      // fc.webUrl() is exact but slow to build; a simple http(s) URL is valid for `uri` all the same.
      return within(
        fc
          .tuple(fc.constantFrom('http', 'https'), word(1, 10), word(0, 10))
          .map(([scheme, host, path]) => `${scheme}://${host}.example.com/${path}`),
      );
    case 'email':
      return within(fc.emailAddress());
    case 'uuid':
      return within(fc.uuid());
    case 'date-time':
      return fc
        .date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2099-12-31T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((date) => date.toISOString())
        .filter(fits);
    case 'date':
      return fc
        .date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2099-12-31T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((date) => date.toISOString().slice(0, 10))
        .filter(fits);
    case 'ipv4':
      return within(fc.ipV4());
    default:
      break;
  }
  // Text inside a comma-joined list must not hold commas or look like JSON.
  const unit = walk.textual && walk.inList ? fc.constantFrom(...ALNUM) : 'grapheme-ascii';
  return fc.string({ unit, minLength, maxLength });
}

const word = (minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...ALNUM), minLength, maxLength });

function integerArbitrary(schema: JsonObject): fc.Arbitrary<number> {
  const int32 = schema.format === 'int32';
  let min = num(schema.minimum) ?? (int32 ? INT32_MIN : Number.MIN_SAFE_INTEGER);
  let max = num(schema.maximum) ?? (int32 ? INT32_MAX : Number.MAX_SAFE_INTEGER);
  const exclusiveMin = num(schema.exclusiveMinimum);
  const exclusiveMax = num(schema.exclusiveMaximum);
  if (exclusiveMin !== undefined) min = Math.max(min, Math.floor(exclusiveMin) + 1);
  if (exclusiveMax !== undefined) max = Math.min(max, Math.ceil(exclusiveMax) - 1);
  return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
}

function numberArbitrary(schema: JsonObject): fc.Arbitrary<number> {
  const exclusiveMin = num(schema.exclusiveMinimum);
  const exclusiveMax = num(schema.exclusiveMaximum);
  return fc.double({
    noNaN: true,
    noDefaultInfinity: true,
    min: num(schema.minimum) ?? exclusiveMin ?? -1e9,
    max: num(schema.maximum) ?? exclusiveMax ?? 1e9,
    minExcluded: exclusiveMin !== undefined && schema.minimum === undefined,
    maxExcluded: exclusiveMax !== undefined && schema.maximum === undefined,
  });
}

function objectArbitrary(schema: JsonObject, walk: Walk): fc.Arbitrary<JsonObject> {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  const deep = walk.depth >= MAX_DEPTH;
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, child] of Object.entries(properties)) {
    if (deep && !required.has(name)) continue;
    model[name] = arbitrary(child, { ...walk, depth: walk.depth + 1, inList: false });
  }
  return fc.record(model, { requiredKeys: Object.keys(model).filter((name) => required.has(name)) });
}

function arrayArbitrary(schema: JsonObject, walk: Walk): fc.Arbitrary<unknown[]> {
  const minLength = num(schema.minItems) ?? 0;
  const cap = walk.depth >= MAX_DEPTH ? minLength : minLength + 3;
  const maxLength = Math.max(minLength, Math.min(num(schema.maxItems) ?? cap, cap));
  const items = arbitrary(schema.items ?? {}, { ...walk, depth: walk.depth + 1, inList: true });
  return schema.uniqueItems === true
    ? fc.uniqueArray(items, { minLength, maxLength, selector: (value) => JSON.stringify(value) })
    : fc.array(items, { minLength, maxLength });
}

function arbitrary(node: unknown, walk: Walk): fc.Arbitrary<unknown> {
  const schema = merged(walk.spec, node);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const branches = Array.isArray(schema.oneOf)
    ? schema.oneOf
    : Array.isArray(schema.anyOf)
      ? schema.anyOf
      : [];
  if (branches.length > 0) {
    const { oneOf: _one, anyOf: _any, ...rest } = schema;
    return fc.oneof(...branches.map((branch) => arbitrary({ ...rest, ...merged(walk.spec, branch) }, walk)));
  }
  // Text fields cannot carry null: a nullable value is then simply one of its other types.
  const types = typesOf(schema).filter((type) => !(walk.textual && type === 'null'));
  if (types.length > 1) return fc.oneof(...types.map((type) => arbitrary({ ...schema, type }, walk)));
  switch (types[0]) {
    case 'string':
      return stringArbitrary(schema, walk);
    case 'integer':
      return integerArbitrary(schema);
    case 'number':
      return numberArbitrary(schema);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return arrayArbitrary(schema, walk);
    case 'object':
      return objectArbitrary(schema, walk);
    default:
      // An unconstrained schema: any small JSON value will do; keep it a scalar text for text fields.
      return walk.textual
        ? fc.string({ unit: fc.constantFrom(...ALNUM), maxLength: 8 })
        : fc.jsonValue({ maxDepth: 1 });
  }
}

/** An arbitrary of values that satisfy the schema `node` (a schema, or a `$ref` into the document). */
export function schemaArbitrary(node: unknown, context: ArbitraryContext): fc.Arbitrary<unknown> {
  return arbitrary(node, { ...context, depth: 0, inList: false });
}
