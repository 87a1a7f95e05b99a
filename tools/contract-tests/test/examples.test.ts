// Every example in the bundled spec satisfies the schema it illustrates (ajv, JSON Schema 2020-12).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { collectExamples } from '../src/examples.ts';
import { type JsonObject, SpecSchemas } from '../src/spec-schemas.ts';

const specPath = createRequire(import.meta.url).resolve('@volc-openapi/vms-spec/openapi.json');
const spec = JSON.parse(readFileSync(specPath, 'utf8')) as JsonObject;
const schemas = new SpecSchemas(spec);
const examples = collectExamples(spec);

describe('spec examples', () => {
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
});
