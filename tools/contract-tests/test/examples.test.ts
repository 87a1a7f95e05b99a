// Every example in the bundled spec satisfies the schema it illustrates (ajv, JSON Schema 2020-12).

import { join } from 'node:path';
import { type JsonObject, loadService, REPO_ROOT, readRegistry } from '@volc-openapi/spec-model';
import { SpecSchemas } from '@volc-openapi/spec-model/schemas';
import { describe, expect, it } from 'vitest';
import { collectExamples } from '../src/examples.ts';

describe.each(readRegistry().map((entry) => [entry.name, entry] as const))(
  '%s spec examples',
  (_name, entry) => {
    const spec = loadService(join(REPO_ROOT, entry.bundle)).document;
    const schemas = new SpecSchemas(spec);
    const examples = collectExamples(spec);

    it('are found for every operation', () => {
      const operations = Object.keys(spec.paths as JsonObject);
      for (const key of operations) expect(examples.some((site) => site.where.includes(key))).toBe(true);
    });

    it.each(examples.map((site) => [site.where, site] as const))('%s validates', (_where, site) => {
      const validate = schemas.at(site.schemaPath);
      const valid = validate(site.value);
      expect(valid, schemas.errors(validate)).toBe(true);
    });

    it('would catch an example that breaks its schema', () => {
      const [first] = examples.filter((site) => site.where.includes('requestBody'));
      expect(first).toBeDefined();
      const validate = schemas.at(first?.schemaPath ?? []);
      expect(validate({ NotAParameter: true })).toBe(false);
    });
  },
);
