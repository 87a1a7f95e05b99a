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
    this.#ajv.addSchema({ ...spec, $id: SPEC_ID });
  }

  /** The validator of the schema at a path of the document, e.g. ['paths', key, 'post', ...]. */
  at(path: (string | number)[]): ValidateFunction {
    const ref = `${SPEC_ID}#/${path.map((part) => segment(String(part))).join('/')}`;
    let validate = this.#cache.get(ref);
    if (!validate) {
      validate = this.#ajv.compile({ $ref: ref });
      this.#cache.set(ref, validate);
    }
    return validate;
  }

  /** Readable errors of the last validation, or '' when it passed. */
  errors(validate: ValidateFunction): string {
    return this.#ajv.errorsText(validate.errors, { separator: '; ' });
  }
}
