// Random request inputs of an operation, valid by its request schema, and the one-parameter breaks of
// them that codegen listed.
import type { ContractCase, InvalidInput } from '@volc-openapi/codegen';
import { isObject, type JsonObject } from '@volc-openapi/spec-model';
import type { SpecSchemas } from '@volc-openapi/spec-model/schemas';
import fc from 'fast-check';
import { filtered, schemaArbitrary } from './arbitrary.ts';

/** The node at a pointer given as segments. */
export function nodeAt(spec: JsonObject, pointer: string[]): unknown {
  return pointer.reduce<unknown>(
    (into, part) => (Array.isArray(into) ? into[Number(part)] : isObject(into) ? into[part] : undefined),
    spec,
  );
}

/** Validates a whole input of the operation (body object, or query parameters) against the spec. */
export function inputValidator(testCase: ContractCase, schemas: SpecSchemas): (input: unknown) => boolean {
  if (testCase.input.body) {
    const validate = schemas.at(testCase.input.body);
    return (input) => validate(input) === true;
  }
  const query = testCase.input.parameters.filter((parameter) => parameter.in === 'query');
  const validate = schemas.object(
    Object.fromEntries(query.map((parameter) => [parameter.name, parameter.schema])),
    query.filter((parameter) => parameter.required).map((parameter) => parameter.name),
  );
  return (input) => validate(input) === true;
}

/** Inputs the spec accepts, drawn from the request schema. */
export function validInputs(
  testCase: ContractCase,
  spec: JsonObject,
  schemas: SpecSchemas,
): fc.Arbitrary<JsonObject> {
  const context = { spec, textual: testCase.encoding !== 'json' };
  const valid = inputValidator(testCase, schemas);
  let raw: fc.Arbitrary<unknown>;
  if (testCase.input.body) raw = schemaArbitrary(nodeAt(spec, testCase.input.body), context);
  else {
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const parameter of testCase.input.parameters)
      model[parameter.name] = schemaArbitrary(nodeAt(spec, parameter.schema), context);
    raw = fc.record(model, {
      requiredKeys: testCase.input.parameters.filter((p) => p.required).map((p) => p.name),
    });
  }
  // The arbitraries cover the schema subset the spec uses; the validator keeps anything they miss out.
  return filtered(
    raw,
    (input) => isObject(input) && valid(input),
    `the input of ${testCase.operationId}`,
  ).map((input) => input as JsonObject);
}

/** The input with one parameter broken as `bad` says. */
export function breakInput(input: JsonObject, bad: InvalidInput): JsonObject {
  const out = { ...input };
  if (bad.kind === 'missing') delete out[bad.parameter];
  else out[bad.parameter] = bad.value;
  return out;
}
