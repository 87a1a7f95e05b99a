// Checks decoded inputs against the operation's JSON Schemas (the spec model's one ajv set-up) and
// turns the first failure into the gateway's parameter error, naming the parameter by its dotted path.
import { segments } from '@volc-openapi/spec-model';
import { type ErrorObject, SpecSchemas, type ValidateFunction } from '@volc-openapi/spec-model/schemas';
import type { JsonObject, MockOperation, MockSpec } from './spec.ts';

export interface ParameterProblem {
  code: 'MissingParameter' | 'InvalidParameter';
  /** Dotted path of the parameter, e.g. `PhoneList.0.Phone`. */
  parameter: string;
  message: string;
}

/** The name used for the request body as a whole (malformed JSON, not an object, ...). */
export const BODY_PARAMETER = 'Body';

export function missing(parameter: string): ParameterProblem {
  return { code: 'MissingParameter', parameter, message: `The required parameter ${parameter} is missing.` };
}

export function invalid(parameter: string, reason: string): ParameterProblem {
  return {
    code: 'InvalidParameter',
    parameter,
    message: `The specified parameter ${parameter} is invalid: ${reason}.`,
  };
}

function dotted(instancePath: string, child?: string): string {
  const parts = segments(instancePath);
  if (child !== undefined) parts.push(child);
  return parts.join('.') || BODY_PARAMETER;
}

const show = (value: unknown) => JSON.stringify(value);

/** A short reason in plain words for one ajv error. */
function reasonFor(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return `must be of type ${p.type}`;
    case 'enum':
      return `must be one of ${(p.allowedValues as unknown[]).map(show).join(', ')}`;
    case 'const':
      return `must be ${show(p.allowedValue)}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${p.comparison} ${p.limit}`;
    case 'minLength':
      return p.limit === 1 ? 'must not be empty' : `must be at least ${p.limit} characters long`;
    case 'maxLength':
      return `must be at most ${p.limit} characters long`;
    case 'minItems':
      return p.limit === 1 ? 'must not be empty' : `must hold at least ${p.limit} items`;
    case 'maxItems':
      return `must hold at most ${p.limit} items`;
    case 'uniqueItems':
      return `must not repeat items (items ${p.j} and ${p.i} are equal)`;
    case 'pattern':
      return `must match the pattern ${p.pattern}`;
    case 'format':
      return `must be a valid ${p.format}`;
    case 'multipleOf':
      return `must be a multiple of ${p.multipleOf}`;
    case 'oneOf':
    case 'anyOf':
      return 'does not match any of the accepted forms';
    default:
      return error.message ?? `fails the "${error.keyword}" rule`;
  }
}

/** Maps ajv's first error to the gateway error, naming the parameter concerned. */
export function toProblem(error: ErrorObject): ParameterProblem {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
    case 'dependentRequired':
      return missing(dotted(error.instancePath, String(p.missingProperty)));
    case 'additionalProperties':
      return invalid(dotted(error.instancePath, String(p.additionalProperty)), 'it is not a known parameter');
    case 'unevaluatedProperties':
      return invalid(
        dotted(error.instancePath, String(p.unevaluatedProperty)),
        'it is not a known parameter',
      );
    case 'propertyNames':
      return invalid(dotted(error.instancePath, String(p.propertyName)), 'the name is not allowed');
    default:
      return invalid(dotted(error.instancePath), reasonFor(error));
  }
}

export interface OperationValidators {
  /** Validates the typed query parameters; the object holds only declared parameters. */
  query(operation: MockOperation, query: JsonObject): ParameterProblem | undefined;
  /** Validates the decoded request body. */
  body(operation: MockOperation, body: unknown): ParameterProblem | undefined;
}

/** Validators for every operation of a service, each compiled on first use (86 operations start fast). */
export function createValidators(spec: MockSpec): OperationValidators {
  const schemas = new SpecSchemas(spec.document);
  const queryCache = new Map<MockOperation, ValidateFunction>();

  const run = (validate: ValidateFunction, value: unknown): ParameterProblem | undefined => {
    if (validate(value)) return undefined;
    const [first] = validate.errors ?? [];
    return first ? toProblem(first) : invalid(BODY_PARAMETER, 'it fails validation');
  };

  return {
    query(operation, query) {
      let validate = queryCache.get(operation);
      if (!validate) {
        // A parameter without a schema accepts any text; `{}` is the schema that says so.
        validate = schemas.ajv.compile({
          type: 'object',
          required: operation.query.filter((field) => field.required).map((field) => field.name),
          properties: Object.fromEntries(
            operation.query.map((field) => [
              field.name,
              field.schemaPointer ? { $ref: schemas.ref(field.schemaPointer) } : {},
            ]),
          ),
        });
        queryCache.set(operation, validate);
      }
      return run(validate, query);
    },
    body(operation, body) {
      const declared = operation.body;
      if (!declared?.schemaPointer) return undefined;
      return run(schemas.at(declared.schemaPointer), body);
    },
  };
}
