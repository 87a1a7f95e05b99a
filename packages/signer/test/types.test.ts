import type { Middleware } from 'openapi-fetch';
import { describe, expectTypeOf, it } from 'vitest';
import type { Credentials, SignerErrorCode, SigningMiddleware, SignOptions } from '../src/node.ts';
import * as node from '../src/node.ts';
import type { PresignOptions } from '../src/presign-node.ts';
import * as nodePresign from '../src/presign-node.ts';
import * as webPresign from '../src/presign-web.ts';
import type { VerifyFailureReason, VerifyOptions, VerifyResult } from '../src/verify-node.ts';
import * as nodeVerify from '../src/verify-node.ts';
import * as webVerify from '../src/verify-web.ts';
import * as web from '../src/web.ts';

describe('public types', () => {
  it('the middleware is assignable to openapi-fetch Middleware', () => {
    const middleware = node.createSigningMiddleware({
      credentials: () => ({ accessKeyId: 'a', secretAccessKey: 'b' }),
      region: 'r',
      service: 's',
    });
    expectTypeOf(middleware).toExtend<Middleware>();
    expectTypeOf<SigningMiddleware>().toExtend<Middleware>();
    expectTypeOf(web.createSigningMiddleware).returns.toExtend<Middleware>();
  });

  it('sign, signRequest, presignUrl and verifyRequest have the documented signatures', () => {
    expectTypeOf(node.sign).toEqualTypeOf<
      (
        parts: {
          method: string;
          url: string | URL;
          headers?: Record<string, string> | Headers;
          body?: string | Uint8Array;
          bodySha256?: string;
        },
        options: SignOptions,
      ) => Promise<Record<string, string>>
    >();
    expectTypeOf(node.signRequest).toEqualTypeOf<
      (request: Request, options: SignOptions) => Promise<Request>
    >();
    expectTypeOf(nodePresign.presignUrl).parameter(1).toEqualTypeOf<PresignOptions>();
    expectTypeOf(nodePresign.presignUrl).returns.toEqualTypeOf<Promise<string>>();
    expectTypeOf(nodeVerify.verifyRequest).toEqualTypeOf<
      (request: Request, options: VerifyOptions) => Promise<VerifyResult>
    >();
    expectTypeOf(web.sign).toEqualTypeOf(node.sign);
    expectTypeOf(webPresign.presignUrl).toEqualTypeOf(nodePresign.presignUrl);
    expectTypeOf(webVerify.verifyRequest).toEqualTypeOf(nodeVerify.verifyRequest);
  });

  it('options and results are exact, with no any', () => {
    expectTypeOf<Credentials>().toEqualTypeOf<{
      accessKeyId: string;
      secretAccessKey: string;
      sessionToken?: string;
    }>();
    expectTypeOf<SignOptions>().toEqualTypeOf<{
      credentials: Credentials;
      region: string;
      service: string;
      date?: Date;
      signHeaders?: string[];
    }>();
    expectTypeOf<PresignOptions['expiresInSeconds']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<VerifyOptions['resolveSecret']>().toEqualTypeOf<
      (accessKeyId: string) => string | undefined | Promise<string | undefined>
    >();
    expectTypeOf<VerifyResult>().toEqualTypeOf<
      | { ok: true; accessKeyId: string; region: string; service: string; signedHeaders: string[] }
      | { ok: false; reason: VerifyFailureReason; message: string }
    >();
    expectTypeOf<VerifyFailureReason>().toEqualTypeOf<
      | 'missing-authorization'
      | 'malformed-authorization'
      | 'missing-header'
      | 'unknown-access-key'
      | 'expired'
      | 'future-date'
      | 'body-hash-mismatch'
      | 'scope-mismatch'
      | 'signature-mismatch'
    >();
    expectTypeOf<node.SignerError['code']>().toEqualTypeOf<SignerErrorCode>();
    expectTypeOf(node.sign).returns.not.toBeAny();
    expectTypeOf(node.sign).parameters.not.toBeAny();
    expectTypeOf(nodeVerify.verifyRequest).parameter(1).not.toBeAny();
    expectTypeOf(node.createSigningMiddleware).parameter(0).not.toBeAny();
    expectTypeOf<ReturnType<SigningMiddleware['onRequest']>>().toEqualTypeOf<Promise<Request>>();
  });

  it('narrows VerifyResult on ok', () => {
    const check = (result: VerifyResult) => {
      if (result.ok) expectTypeOf(result.accessKeyId).toBeString();
      else expectTypeOf(result.reason).toEqualTypeOf<VerifyFailureReason>();
    };
    expectTypeOf(check).toBeFunction();
  });
});
