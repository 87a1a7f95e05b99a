// Response handling, per operation: each canned answer codegen derived from the spec (the success
// example, every documented error code at its status, HTTP-200 business errors, and answers that are not
// the envelope at all) must become exactly the result the client promises: `data` for a success, else
// `error` with the documented Code, CodeN, Message and RequestId, and the HTTP status on `response`.
import type { ContractCase, ResponseCase } from '@volc-openapi/codegen';
import { describe, expect, it } from 'vitest';
import { type ContractService, contractServices, operation } from '../src/cases.ts';

const services = await contractServices();
const CREDENTIALS = { accessKeyId: 'AKLTcontractaccesskey', secretAccessKey: 'contract-secret-key' };

/** Calls the operation with a fetch that always gives this answer. */
async function answerWith(service: ContractService, testCase: ContractCase, answer: ResponseCase) {
  let calls = 0;
  const fetch = async (): Promise<Response> => {
    calls++;
    return new Response(answer.body === '' ? null : answer.body, {
      status: answer.status,
      headers: answer.headers,
    });
  };
  // Retries are the runtime's business (and tested there); here each answer is judged once.
  const client = service.createClient({
    credentials: CREDENTIALS,
    endpoint: 'https://rpc.contract.test',
    fetch,
    retry: false,
  });
  const result = await operation(client, testCase.operationId)(testCase.request);
  return { result, calls };
}

const rows = services.flatMap((service) =>
  service.cases.flatMap((testCase) =>
    testCase.responses.map(
      (answer) =>
        [`${service.entry.name} ${testCase.operationId}`, answer.name, service, testCase, answer] as const,
    ),
  ),
);

describe('responses', () => {
  it.each(rows)('%s: %s', async (_id, _name, service, testCase, answer) => {
    const { result, calls } = await answerWith(service, testCase, answer);
    expect(calls).toBe(1);
    if ('data' in answer.expect) {
      expect(result.error).toBeUndefined();
      expect(result.data).toEqual(answer.expect.data);
      expect(result.response.status).toBe(answer.status);
      return;
    }
    const { error, status } = answer.expect;
    expect(result.data).toBeUndefined();
    expect(result.response.status).toBe(status);
    const got = result.error?.ResponseMetadata;
    expect(got?.Error.Code).toBe(error.Code);
    if (error.CodeN !== undefined) expect(got?.Error.CodeN).toBe(error.CodeN);
    if (error.Message !== undefined) expect(got?.Error.Message).toBe(error.Message);
    else expect(typeof got?.Error.Message).toBe('string');
    if (error.RequestId !== undefined) expect(got?.RequestId).toBe(error.RequestId);
  });

  it('cover every documented error code of every operation', () => {
    for (const testCase of services.flatMap((service) => service.cases)) {
      const tested = new Set(
        testCase.responses.flatMap((answer) => ('error' in answer.expect ? [answer.expect.error.Code] : [])),
      );
      for (const { code } of testCase.errorCodes)
        expect(tested.has(code), `${testCase.operationId} ${code}`).toBe(true);
      expect(testCase.responses.some((answer) => 'data' in answer.expect)).toBe(true);
    }
  });
});
