// Checks a request's Volcengine signature with @volc-openapi/signer and names the gateway error for
// each way it can fail.
import { type ReceivedRequest, verify } from '@volc-openapi/signer/verify';
import type { Signing } from '@volc-openapi/spec-model';

export type AuthResult = { ok: true; accessKeyId: string } | { ok: false; code: string; message: string };

export interface AuthOptions {
  /** The secret of an access key id; undefined for a key the mock does not know. */
  secretOf: (accessKeyId: string) => string | undefined;
  /** The routed service's signing facts: the scope must name this service. */
  signing: Signing;
  /** Regions the scope may name: the service's `signing.region` and any accepted besides. */
  regions: readonly string[];
  now: Date;
  maxSkewSeconds: number;
}

const X_DATE = /^\d{8}T\d{6}Z$/;

/** Verifies the signature of a received request: Node's header record and the bytes read. */
export async function authenticate(
  request: ReceivedRequest & { headers: Record<string, string | string[] | undefined> },
  options: AuthOptions,
): Promise<AuthResult> {
  const xDate = request.headers['x-date'];
  // The signer calls a malformed X-Date a malformed Authorization; the gateway calls it a bad timestamp.
  if (request.headers.authorization !== undefined && typeof xDate === 'string' && !X_DATE.test(xDate)) {
    return {
      ok: false,
      code: 'InvalidTimestamp',
      message: `The X-Date header ${JSON.stringify(xDate)} is not of the form YYYYMMDDTHHMMSSZ.`,
    };
  }
  const result = await verify(request, {
    resolveSecret: options.secretOf,
    now: options.now,
    maxSkewSeconds: options.maxSkewSeconds,
  });
  if (result.ok) {
    if (result.service !== options.signing.service) {
      return { ok: false, code: 'ServiceNotFound', message: `Could not find service ${result.service}.` };
    }
    if (!options.regions.includes(result.region)) {
      return {
        ok: false,
        code: 'SignatureDoesNotMatch',
        message: `The request signature we calculated does not match the signature you provided (credential scope region "${result.region}" is not one ${result.service} is signed for: ${options.regions.join(', ')}).`,
      };
    }
    return { ok: true, accessKeyId: result.accessKeyId };
  }
  const detail = result.message;
  switch (result.reason) {
    case 'missing-authorization':
      return {
        ok: false,
        code: 'MissingAuthenticationToken',
        message: 'The request is missing authentication data.',
      };
    case 'malformed-authorization':
      return {
        ok: false,
        code: 'InvalidAuthorization',
        message: `The Authorization header is malformed: ${detail}.`,
      };
    case 'missing-header':
      return {
        ok: false,
        code: 'MissingRequestInfo',
        message: `The request is missing signing information: ${detail}.`,
      };
    case 'unknown-access-key':
      return {
        ok: false,
        code: 'InvalidAccessKey',
        message: `The access key provided is not valid: ${detail}.`,
      };
    case 'expired':
    case 'future-date':
      return {
        ok: false,
        code: 'InvalidTimestamp',
        message: `The request has expired or its date is in the future: ${detail}.`,
      };
    default:
      // body-hash-mismatch, scope-mismatch, signature-mismatch: the signature does not cover this request.
      return {
        ok: false,
        code: 'SignatureDoesNotMatch',
        message: `The request signature we calculated does not match the signature you provided (${detail}).`,
      };
  }
}
