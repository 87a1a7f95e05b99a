import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export type JsonObject = Record<string, unknown>;

const SPEC_ID = 'https://volc-openapi.local/spec.json';

/** A JSON pointer segment, escaped for a pointer and then for the URI fragment that carries it. */
const segment = (part: string) => encodeURIComponent(part.replaceAll('~', '~0').replaceAll('/', '~1'));

/**
 * Validates values against schemas located anywhere in a bundled OpenAPI 3.1 document (whose schemas
 * are JSON Schema 2020-12), resolving its `#/components/...` references with ajv itself.
 */
export class SpecSchemas {
  readonly #ajv: Ajv2020;
  readonly #cache = new Map<string, ValidateFunction>();

  constructor(spec: JsonObject) {
    this.#ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats.default(this.#ajv);
    // OpenAPI keywords that are not JSON Schema: known, carry no validation.
    this.#ajv.addVocabulary(['example', 'xml', 'externalDocs', 'discriminator']);
    // OpenAPI's integer widths are checked as the mock checks them; the other OpenAPI formats annotate.
    this.#ajv.addFormat('int32', {
      type: 'number',
      validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
    });
    this.#ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
    for (const name of ['float', 'double'])
      this.#ajv.addFormat(name, { type: 'number', validate: () => true });
    for (const name of ['binary', 'password']) this.#ajv.addFormat(name, true);
    this.#ajv.addSchema({ ...spec, $id: SPEC_ID });
  }

  /** The validator of the schema at a path of the document, e.g. ['paths', key, 'post', ...]. */
  at(path: (string | number)[]): ValidateFunction {
    const ref = this.ref(path);
    let validate = this.#cache.get(ref);
    if (!validate) {
      validate = this.#ajv.compile({ $ref: ref });
      this.#cache.set(ref, validate);
    }
    return validate;
  }

  /** A `$ref` value that points at a path of the document, for schemas built around its parts. */
  ref(path: (string | number)[]): string {
    return `${SPEC_ID}#/${path.map((part) => segment(String(part))).join('/')}`;
  }

  /** The validator of an object schema whose properties point into the document (query parameters). */
  object(properties: Record<string, (string | number)[]>, required: string[]): ValidateFunction {
    const key = JSON.stringify([properties, required]);
    let validate = this.#cache.get(key);
    if (!validate) {
      validate = this.#ajv.compile({
        type: 'object',
        required,
        properties: Object.fromEntries(
          Object.entries(properties).map(([name, path]) => [name, { $ref: this.ref(path) }]),
        ),
      });
      this.#cache.set(key, validate);
    }
    return validate;
  }

  /** Readable errors of the last validation, or '' when it passed. */
  errors(validate: ValidateFunction): string {
    return this.#ajv.errorsText(validate.errors, { separator: '; ' });
  }
}
