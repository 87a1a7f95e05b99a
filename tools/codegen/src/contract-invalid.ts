// Inputs a server must refuse, one broken parameter at a time, chosen from the request schema:
// a required parameter left out, a value of the wrong type, a value outside the enum, out of range or
// too long/short, a list with too few items. Only breaks the encoding can carry are listed: in a query
// string or a form every value is text, so a number sent where text is expected is no error there.

import type { JsonObject, WireEncoding } from '@volc-openapi/spec-model';
import type { InvalidInput } from './contract.ts';
import { type InputParameter, locate } from './contract-schema.ts';

const typesOf = (schema: JsonObject): string[] =>
  typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? schema.type.map(String) : [];

const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

function wrongType(types: string[], textual: boolean): unknown {
  if (types.length === 0 || types.includes('null')) return undefined;
  if (types.every((type) => type === 'integer' || type === 'number')) return 'not-a-number';
  if (types.every((type) => type === 'boolean')) return 'not-a-boolean';
  if (textual) return undefined;
  if (types.includes('string')) return types.includes('object') ? [1] : { not: 'a string' };
  if (types.includes('array')) return 'not-a-list';
  if (types.includes('object')) return 'not-an-object';
  return undefined;
}

function outsideEnum(values: unknown[]): unknown {
  const numbers = values.filter((value): value is number => typeof value === 'number');
  if (numbers.length === values.length && numbers.length > 0) return Math.max(...numbers) + 1;
  for (let n = 0; ; n++) {
    const candidate = `not-in-enum-${n}`;
    if (!values.includes(candidate)) return candidate;
  }
}

function breaksOf(schema: JsonObject, encoding: WireEncoding): Omit<InvalidInput, 'parameter'>[] {
  const textual = encoding !== 'json';
  const out: Omit<InvalidInput, 'parameter'>[] = [];
  const types = typesOf(schema);
  const wrong = wrongType(types, textual);
  if (wrong !== undefined) out.push({ kind: 'type', value: wrong, code: 'InvalidParameter' });
  if (Array.isArray(schema.enum) && schema.enum.length > 0)
    out.push({ kind: 'enum', value: outsideEnum(schema.enum), code: 'InvalidParameter' });
  if (types.includes('integer') || types.includes('number')) {
    const step = types.includes('integer') ? 1 : 0.5;
    const min = num(schema.minimum) ?? num(schema.exclusiveMinimum);
    const max = num(schema.maximum) ?? num(schema.exclusiveMaximum);
    if (min !== undefined)
      out.push({ kind: 'range', value: schema.minimum === min ? min - step : min, code: 'InvalidParameter' });
    if (max !== undefined)
      out.push({ kind: 'range', value: schema.maximum === max ? max + step : max, code: 'InvalidParameter' });
  }
  if (types.includes('string') && !Array.isArray(schema.enum)) {
    const maxLength = num(schema.maxLength);
    const minLength = num(schema.minLength);
    if (maxLength !== undefined && maxLength < 4096)
      out.push({ kind: 'length', value: '9'.repeat(maxLength + 1), code: 'InvalidParameter' });
    if (minLength !== undefined && minLength > 0)
      out.push({ kind: 'length', value: '9'.repeat(minLength - 1), code: 'InvalidParameter' });
  }
  // An empty list would be left out of a query string altogether; a form or JSON body carries it.
  if (types.includes('array') && (num(schema.minItems) ?? 0) > 0 && encoding !== 'query')
    out.push({ kind: 'items', value: [], code: 'InvalidParameter' });
  return out;
}

/** The refusals to expect for an operation's inputs, one broken parameter each. */
export function invalidInputs(
  spec: JsonObject,
  encoding: WireEncoding,
  parameters: InputParameter[],
): InvalidInput[] {
  const out: InvalidInput[] = [];
  for (const parameter of parameters) {
    if (parameter.required)
      out.push({ parameter: parameter.name, kind: 'missing', code: 'MissingParameter' });
    const { node } = locate(spec, parameter.schema);
    for (const broken of breaksOf(node, encoding)) out.push({ parameter: parameter.name, ...broken });
  }
  return out;
}
