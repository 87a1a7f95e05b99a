// The one ajv set-up for OpenAPI 3.1 documents: JSON Schema 2020-12 with the OpenAPI formats, the
// bundled document registered once so that schemas anywhere in it compile with their `$ref`s intact.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { JsonObject } from './json.ts';

export type { ErrorObject, ValidateFunction };

const SPEC_ID = 'https://volc-openapi.local/spec.json';

/** A JSON pointer segment, escaped for a pointer and then for the URI fragment that carries it. */
const segment = (part: string) => encodeURIComponent(part.replaceAll('~', '~0').replaceAll('/', '~1'));

/**
 * An ajv instance that knows OpenAPI's keywords and formats (int32 and int64 are range-checked).
 * `standalone` keeps each validator's source for `ajv/dist/standalone` (code shipped to a browser page,
 * which may not run `new Function`): it stops at the first error and shares referenced schemas, for
 * smaller code.
 */
export function openApiAjv({ standalone = false }: { standalone?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({
    strict: false,
    allErrors: !standalone,
    validateFormats: true,
    ...(standalone ? { code: { source: true, esm: true, lines: false }, inlineRefs: false } : {}),
  });
  addFormats.default(ajv);
  // OpenAPI keywords that are not JSON Schema: known, carry no validation.
  ajv.addVocabulary(['example', 'xml', 'externalDocs', 'discriminator']);
  ajv.addFormat('int32', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
  });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  for (const name of ['float', 'double']) ajv.addFormat(name, { type: 'number', validate: () => true });
  for (const name of ['binary', 'password', 'byte']) ajv.addFormat(name, true);
  return ajv;
}

/** Validators of schemas located anywhere in one bundled document, compiled once each. */
export class SpecSchemas {
  readonly ajv: Ajv2020;
  readonly #cache = new Map<string, ValidateFunction>();

  constructor(document: JsonObject, options: { standalone?: boolean } = {}) {
    this.ajv = openApiAjv(options);
    this.ajv.addSchema({ ...document, $id: SPEC_ID });
  }

  /** The validator of the schema at a JSON pointer (text) or path (segments) of the document. */
  at(where: string | (string | number)[]): ValidateFunction {
    const ref = this.ref(where);
    let validate = this.#cache.get(ref);
    if (!validate) {
      validate = this.ajv.compile({ $ref: ref });
      this.#cache.set(ref, validate);
    }
    return validate;
  }

  /** A `$ref` value that points at a place of the document. */
  ref(where: string | (string | number)[]): string {
    const parts =
      typeof where === 'string'
        ? where
            .split('/')
            .slice(1)
            .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'))
        : where;
    return `${SPEC_ID}#/${parts.map((part) => segment(String(part))).join('/')}`;
  }

  /** The validator of an object whose properties are schemas of the document (query parameters). */
  object(properties: Record<string, string | (string | number)[]>, required: string[]): ValidateFunction {
    const key = JSON.stringify([properties, required]);
    let validate = this.#cache.get(key);
    if (!validate) {
      validate = this.ajv.compile({
        type: 'object',
        required,
        properties: Object.fromEntries(
          Object.entries(properties).map(([name, where]) => [name, { $ref: this.ref(where) }]),
        ),
      });
      this.#cache.set(key, validate);
    }
    return validate;
  }

  /** Readable errors of the last validation, or '' when it passed. */
  errors(validate: ValidateFunction): string {
    return this.ajv.errorsText(validate.errors, { separator: '; ' });
  }
}
