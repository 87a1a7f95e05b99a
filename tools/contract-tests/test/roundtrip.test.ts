// Property-based round trips through each service's generated client against the mock server: random inputs
// that the request schema accepts get an answer that validates against the operation's 200 schema;
// the same inputs with one parameter broken (left out, wrong type, outside its enum or range, too long)
// are refused with MissingParameter or InvalidParameter naming that parameter.
import type { InvalidInput } from '@volc-openapi/codegen';
import { MOCK_CREDENTIALS, startMockServer } from '@volc-openapi/mock-server';
import { SpecSchemas } from '@volc-openapi/spec-model/schemas';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ContractService, contractServices, operation } from '../src/cases.ts';
import { breakInput, inputValidator, validInputs } from '../src/inputs.ts';

const services = await contractServices();

/** Kept small so the whole contract suite stays fast for every operation of the spec. */
const VALID_RUNS = 4;
const INVALID_RUNS = 1;

describe.each(services.map((service) => [service.entry.name, service] as const))(
  '%s',
  (_name, service: ContractService) => {
    const { spec, cases } = service;
    const schemas = new SpecSchemas(spec);
    let mock: { url: string; close(): Promise<void> };
    let client: object;

    beforeAll(async () => {
      mock = await startMockServer({ spec });
      client = service.createClient({ credentials: MOCK_CREDENTIALS, endpoint: mock.url, retry: false });
    });

    afterAll(async () => {
      await mock?.close();
    });

    const label = (bad: InvalidInput) =>
      `${bad.parameter}: ${bad.kind}${bad.kind === 'missing' ? '' : ` ${JSON.stringify(bad.value)}`} → ${bad.code}`;

    describe.concurrent.each(cases.map((testCase) => [testCase.operationId, testCase] as const))(
      '%s',
      (_id, testCase) => {
        const call = (input: unknown) => operation(client, testCase.operationId)(input);

        it('answers random valid inputs as the 200 schema says', async () => {
          const validate = schemas.at(testCase.successSchema);
          await fc.assert(
            fc.asyncProperty(validInputs(testCase, spec, schemas), async (input) => {
              const result = await call(input);
              expect(result.error?.ResponseMetadata, JSON.stringify(input)).toBeUndefined();
              expect(result.response.status).toBe(200);
              expect(validate(result.data), schemas.errors(validate)).toBe(true);
            }),
            { numRuns: VALID_RUNS },
          );
        });

        it.each(testCase.invalid.map((bad) => [label(bad), bad] as const))(
          'refuses %s',
          async (_label, bad) => {
            const valid = inputValidator(testCase, schemas);
            await fc.assert(
              fc.asyncProperty(validInputs(testCase, spec, schemas), async (input) => {
                const broken = breakInput(input, bad);
                // The spec itself refuses the broken input, so the server must too.
                expect(valid(broken)).toBe(false);
                const result = await call(broken);
                const error = result.error?.ResponseMetadata.Error;
                expect(result.data).toBeUndefined();
                expect(result.response.status).toBe(400);
                expect(error?.Code).toBe(bad.code);
                expect(error?.Message).toContain(bad.parameter);
              }),
              { numRuns: INVALID_RUNS },
            );
          },
        );
      },
    );
  },
);
