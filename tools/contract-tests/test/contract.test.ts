// Generated contract cases (volc-codegen contract) run through each service's generated client against
// the mock server on 127.0.0.1: the spec example is accepted with a valid signature, the answer parses
// as the spec says, and a wrong key or a skewed clock is refused. The exact wire form is in wire.test.ts.
import { MOCK_CREDENTIALS, startMockServer } from '@volc-openapi/mock-server';
import { type Credentials, signRequest } from '@volc-openapi/signer';
import type { JsonObject } from '@volc-openapi/spec-model';
import { SpecSchemas } from '@volc-openapi/spec-model/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ContractService, contractServices, operation } from '../src/cases.ts';

const services = await contractServices();

describe.each(services.map((service) => [service.entry.name, service] as const))(
  '%s',
  (_name, service: ContractService) => {
    const { spec, cases } = service;
    const schemas = new SpecSchemas(spec);

    interface WireRequest {
      method: string;
      url: URL;
      headers: Headers;
      body: string;
    }

    let mock: { url: string; close(): Promise<void> };
    const sent: WireRequest[] = [];

    /** A fetch that records the exact request the client puts on the wire, then sends it. */
    async function recordingFetch(request: Request): Promise<Response> {
      sent.push({
        method: request.method,
        url: new URL(request.url),
        headers: new Headers(request.headers),
        body: await request.clone().text(),
      });
      return fetch(request);
    }

    function client(credentials: Credentials = MOCK_CREDENTIALS): object {
      return service.createClient({ credentials, endpoint: mock.url, fetch: recordingFetch, retry: false });
    }

    beforeAll(async () => {
      mock = await startMockServer({ spec });
    });

    afterAll(async () => {
      await mock?.close();
    });

    describe.each(cases.map((testCase) => [testCase.operationId, testCase] as const))(
      '%s',
      (_id, testCase) => {
        it('is accepted by the mock, which verifies the signature over the bytes received', async () => {
          sent.length = 0;
          const result = await operation(client(), testCase.operationId)(testCase.request);
          expect(result.error).toBeUndefined();
          expect(sent).toHaveLength(1);
          const [wire] = sent as [WireRequest];
          expect(wire.method).toBe(testCase.method);
          expect(`${wire.url.pathname}${wire.url.search}`.startsWith(testCase.path)).toBe(true);
          if (!testCase.signed) expect(wire.headers.get('authorization')).toBeNull();
          else
            expect(wire.headers.get('authorization')).toMatch(
              new RegExp(
                `^HMAC-SHA256 Credential=AKLT[^/]+/\\d{8}/${service.signing.region}/${service.signing.service}/request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$`,
              ),
            );
        });

        it('gets an answer that parses as the spec says', async () => {
          const result = await operation(client(), testCase.operationId)(testCase.request);
          expect(result.response.status).toBe(200);
          const validate = schemas.at([
            'paths',
            testCase.path,
            testCase.method.toLowerCase(),
            'responses',
            '200',
            'content',
            'application/json',
            'schema',
          ]);
          expect(validate(result.data), schemas.errors(validate)).toBe(true);
          const data = result.data as {
            ResponseMetadata: { Action: string; Version: string; RequestId: string };
            Result: unknown;
          };
          expect(data.ResponseMetadata).toMatchObject({ Action: testCase.action, Version: testCase.version });
          expect(data.ResponseMetadata.RequestId).not.toBe('');
        });

        it(
          testCase.signed
            ? 'is refused by the mock when signed with the wrong secret'
            : 'needs no credentials: the spec sends it unsigned, so a wrong secret changes nothing',
          async () => {
            const wrong = { accessKeyId: MOCK_CREDENTIALS.accessKeyId, secretAccessKey: 'not-the-secret' };
            const result = await operation(client(wrong), testCase.operationId)(testCase.request);
            if (!testCase.signed) {
              expect(result.error).toBeUndefined();
              expect(result.response.status).toBe(200);
              return;
            }
            expect(result.response.status).toBe(401);
            expect(result.data).toBeUndefined();
            expect(result.error).toMatchObject({
              ResponseMetadata: { Error: { Code: 'SignatureDoesNotMatch' } },
            });
          },
        );
      },
    );

    describe('the mock as a signature checker', () => {
      it('refuses a request whose X-Date is further from its clock than the allowed skew', async () => {
        const [first] = cases;
        if (!first) throw new Error('no contract cases');
        // Signed an hour ago; the client's own skew correction is bypassed by signing here.
        const request = await signRequest(
          new Request(`${mock.url}${first.path}`, {
            method: first.method,
            ...(first.method === 'GET' ? {} : { body: '{}' }),
          }),
          {
            credentials: MOCK_CREDENTIALS,
            region: service.signing.region,
            service: service.signing.service,
            date: new Date(Date.now() - 3_600_000),
          },
        );
        const answer = await fetch(request);
        expect(answer.status).toBeGreaterThanOrEqual(400);
        expect(await answer.json()).toMatchObject({
          ResponseMetadata: { Error: { Code: 'InvalidTimestamp' } },
        });
      });
    });

    describe('contract cases', () => {
      it('cover every operation of the spec', () => {
        expect(cases.map((testCase) => testCase.path).sort()).toEqual(
          Object.keys(spec.paths as JsonObject).sort(),
        );
      });
    });
  },
);
