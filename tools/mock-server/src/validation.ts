// Checks decoded inputs against the operation's JSON Schemas (ajv, draft 2020-12) and turns the first
// failure into the gateway's parameter error, naming the parameter by its dotted path.

import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import type { JsonObject, MockOperation, MockSpec } from './spec.ts';

export interface ParameterProblem {
  code: 'MissingParameter' | 'InvalidParameter';
  /** Dotted path of the parameter, e.g. `PhoneList.0.Phone`. */
  parameter: string;
  message: string;
}

/** The name used for the request body as a whole (malformed JSON, not an object, ...). */
export const BODY_PARAMETER = 'Body';

/** ajv knows the document under this id, so operation schemas can point into it with their `$ref`s intact. */
const SPEC_ID = 'urn:volc-openapi:mock-spec';

const INT32 = 2 ** 31;

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

function refTo(pointer: string): string {
  return `${SPEC_ID}#${pointer.split('/').map(encodeURIComponent).join('/')}`;
}

function dotted(instancePath: string, child?: string): string {
  const parts = instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
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

function createAjv(document: JsonObject): Ajv2020 {
  // strict: false lets OpenAPI-only keywords (example, discriminator, x-*) pass as annotations.
  const ajv = new Ajv2020({ allErrors: false, strict: false, allowUnionTypes: true, logger: false });
  formats.default(ajv);
  // OpenAPI's own format names: the integer widths are checked, the others only annotate.
  ajv.addFormat('int32', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && n >= -INT32 && n < INT32,
  });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('float', { type: 'number', validate: () => true });
  ajv.addFormat('double', { type: 'number', validate: () => true });
  ajv.addFormat('byte', /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/);
  ajv.addFormat('binary', true);
  ajv.addFormat('password', true);
  // The whole document is registered once; only the parts operations point at are ever compiled.
  ajv.addSchema({ ...document, $id: SPEC_ID }, undefined, undefined, false);
  return ajv;
}

export interface OperationValidators {
  /** Validates the typed query parameters; the object holds only declared parameters. */
  query(operation: MockOperation, query: JsonObject): ParameterProblem | undefined;
  /** Validates the decoded request body. */
  body(operation: MockOperation, body: unknown): ParameterProblem | undefined;
}

/** Validators for every operation of a spec, each compiled on first use (86 operations start fast). */
export function createValidators(spec: MockSpec): OperationValidators {
  const ajv = createAjv(spec.document);
  const queryCache = new Map<MockOperation, ValidateFunction>();
  const bodyCache = new Map<MockOperation, ValidateFunction>();

  const run = (validate: ValidateFunction, value: unknown): ParameterProblem | undefined => {
    if (validate(value)) return undefined;
    const [first] = validate.errors ?? [];
    return first ? toProblem(first) : invalid(BODY_PARAMETER, 'it fails validation');
  };

  return {
    query(operation, query) {
      let validate = queryCache.get(operation);
      if (!validate) {
        const properties: JsonObject = {};
        for (const parameter of operation.queryParameters) {
          properties[parameter.name] = parameter.schemaPointer
            ? { $ref: refTo(parameter.schemaPointer) }
            : {};
        }
        validate = ajv.compile({
          type: 'object',
          properties,
          required: operation.queryParameters.filter((p) => p.required).map((p) => p.name),
        });
        queryCache.set(operation, validate);
      }
      return run(validate, query);
    },
    body(operation, body) {
      const doc = operation.requestBody;
      if (!doc) return undefined;
      let validate = bodyCache.get(operation);
      if (!validate) {
        validate = ajv.compile({ $ref: refTo(doc.schemaPointer) });
        bodyCache.set(operation, validate);
      }
      return run(validate, body);
    },
  };
}
