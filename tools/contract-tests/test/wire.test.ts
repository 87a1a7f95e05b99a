// Request serialization, per operation, as in Smithy's protocol tests: with a fixed clock, fixed keys and
// a fetch stub, the spec example of each operation must leave the generated client as exactly the wire
// request that codegen computed from the spec: method, URL (Action, Version, query order and encoding),
// Content-Type, X-Date, X-Content-Sha256, body bytes (multipart: its parts) and an Authorization equal to
// an independent computation over those expected parts.
import { createHash } from 'node:crypto';
import type { ContractCase } from '@volc-openapi/codegen';
import { sign } from '@volc-openapi/signer';
import { referenceAuthorization } from '@volc-openapi/signing-reference';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ContractService, contractServices, operation } from '../src/cases.ts';

const services = await contractServices();

const NOW = new Date('2025-05-28T11:39:38.123Z');
const X_DATE = '20250528T113938Z';
const ENDPOINT = 'https://rpc.contract.test';
const CREDENTIALS = { accessKeyId: 'AKLTcontractaccesskey', secretAccessKey: 'contract-secret-key' };

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

interface Captured {
  request: Request;
  bytes: Uint8Array<ArrayBuffer>;
}

/** Sends the spec example through a client whose fetch records the request and answers with the success example. */
async function capture(service: ContractService, testCase: ContractCase): Promise<Captured[]> {
  const sent: Captured[] = [];
  const success = testCase.responses.find((response) => 'data' in response.expect);
  const fetch = async (request: Request): Promise<Response> => {
    sent.push({ request, bytes: new Uint8Array(await request.clone().arrayBuffer()) });
    return new Response(success?.body ?? '{}', { status: 200, headers: success?.headers ?? {} });
  };
  const client = service.createClient({ credentials: CREDENTIALS, endpoint: ENDPOINT, fetch });
  await operation(client, testCase.operationId)(testCase.request);
  return sent;
}

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterAll(() => {
  vi.useRealTimers();
});

describe.each(services.map((service) => [service.entry.name, service] as const))(
  '%s',
  (_name, service: ContractService) => {
    const { spec, cases } = service;
    const scope = service.signing;
    describe.each(
      cases.map((testCase) => [`${testCase.operationId} (${testCase.encoding})`, testCase] as const),
    )('%s', (_name, testCase) => {
      const { wire } = testCase;

      it('sends the method, URL, headers and body the spec gives, signed over exactly those (or unsigned where the spec says)', async () => {
        const sent = await capture(service, testCase);
        expect(sent).toHaveLength(1);
        const [{ request, bytes }] = sent as [Captured];

        expect(request.method).toBe(wire.method);
        expect(request.url).toBe(`${ENDPOINT}${wire.target}`);

        const contentType = request.headers.get('content-type');
        if (wire.contentType === null) expect(contentType).toBeNull();
        else if (wire.contentTypeIsPrefix) expect(contentType?.startsWith(wire.contentType)).toBe(true);
        else expect(contentType).toBe(wire.contentType);

        let payloadSha256: string;
        if (wire.body.kind === 'multipart') {
          const boundary = contentType?.slice(wire.contentType?.length ?? 0) ?? '';
          expect(boundary).not.toBe('');
          const text = new TextDecoder().decode(bytes);
          expect(text.startsWith(`--${boundary}\r\n`)).toBe(true);
          expect(text.endsWith(`--${boundary}--\r\n`)).toBe(true);
          const parts = await new Response(bytes, {
            headers: { 'content-type': contentType ?? '' },
          }).formData();
          const fields = [...parts.entries()].map(([name, value]) => [
            name,
            typeof value === 'string' ? value : '<file>',
          ]);
          expect(fields).toEqual(wire.body.fields);
          payloadSha256 = sha256(bytes);
        } else {
          expect(new TextDecoder().decode(bytes)).toBe(wire.body.kind === 'text' ? wire.body.text : '');
          payloadSha256 = wire.body.sha256;
        }

        if (!testCase.signed) {
          // Sent as the spec says, without a signature: no signing headers at all.
          for (const header of ['authorization', 'x-date', 'x-content-sha256', 'x-security-token'])
            expect(request.headers.get(header), header).toBeNull();
          return;
        }
        expect(request.headers.get('x-date')).toBe(X_DATE);
        expect(request.headers.get('x-content-sha256')).toBe(payloadSha256);

        const url = new URL(`${ENDPOINT}${wire.target}`);
        const signed: Record<string, string> = { 'x-content-sha256': payloadSha256, 'x-date': X_DATE };
        if (contentType !== null) signed['content-type'] = contentType;
        const expected = referenceAuthorization({
          method: wire.method,
          url,
          headers: signed,
          payloadSha256,
          ...CREDENTIALS,
          ...scope,
          xDate: X_DATE,
        });
        expect(request.headers.get('authorization')).toBe(expected);

        // The signer's public `sign` agrees with the reference over the same expected parts.
        const fromSigner = await sign(
          {
            method: wire.method,
            url,
            ...(contentType !== null ? { headers: { 'content-type': contentType } } : {}),
            bodySha256: payloadSha256,
          },
          { credentials: CREDENTIALS, ...scope, date: NOW },
        );
        expect(fromSigner.Authorization).toBe(expected);
      });
    });

    describe('wire cases', () => {
      it('cover every operation of the spec', () => {
        expect(cases.map((testCase) => testCase.path).sort()).toEqual(
          Object.keys(spec.paths as Record<string, unknown>).sort(),
        );
      });

      it('would catch a client that signs other bytes than it sends', () => {
        const url = new URL(`${ENDPOINT}/?Action=A&Version=2022-01-01`);
        const common = { method: 'POST', url, ...CREDENTIALS, ...scope, xDate: X_DATE };
        const one = referenceAuthorization({
          ...common,
          headers: { 'x-date': X_DATE, 'x-content-sha256': sha256('{"a":1}') },
          payloadSha256: sha256('{"a":1}'),
        });
        const other = referenceAuthorization({
          ...common,
          headers: { 'x-date': X_DATE, 'x-content-sha256': sha256('{"a":2}') },
          payloadSha256: sha256('{"a":2}'),
        });
        expect(one).not.toBe(other);
      });
    });
  },
);
