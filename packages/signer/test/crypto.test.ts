import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type NodeSigningKey, nodeCryptoProvider } from '../src/crypto-node.ts';
import { webCryptoProvider } from '../src/crypto-web.ts';

const derive = (secret: string, parts: string[]) =>
  parts.reduce<Buffer | string>(
    (key, part) => createHmac('sha256', key).update(part).digest(),
    secret,
  ) as Buffer;

describe('hash providers', () => {
  it('derive the signing key and HMAC exactly like createHmac, for any ASCII message length', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 50 }),
        fc.stringMatching(/^[\w-]{1,64}$/),
        fc.stringMatching(/^[\w-]{1,64}$/),
        fc.string({ unit: 'binary-ascii', maxLength: 700 }).map((s) => s.replace(/[\u0080-\u00ff]/g, 'a')),
        async (secret, region, service, message) => {
          const expected = createHmac('sha256', derive(secret, ['20250528', region, service, 'request']))
            .update(message)
            .digest('hex');
          const nodeKey = nodeCryptoProvider.signingKey(
            secret,
            '20250528',
            region,
            service,
          ) as NodeSigningKey;
          expect(nodeCryptoProvider.hmacHex(nodeKey, message)).toBe(expected);
          // The key's buffers are reused: a second, different message must not see the first one.
          expect(nodeCryptoProvider.hmacHex(nodeKey, `${message}x`)).toBe(
            createHmac('sha256', derive(secret, ['20250528', region, service, 'request']))
              .update(`${message}x`)
              .digest('hex'),
          );
          const webKey = await webCryptoProvider.signingKey(secret, '20250528', region, service);
          expect(await webCryptoProvider.hmacHex(webKey, message)).toBe(expected);
        },
      ),
      { numRuns: 80 },
    );
  }, 30_000);

  it('hash strings as UTF-8 and bytes as they are', async () => {
    for (const data of ['', 'abc', '中文 😀', new Uint8Array([0, 255, 128]), new Uint8Array(70000).fill(7)]) {
      const expected = createHash('sha256').update(data).digest('hex');
      expect(nodeCryptoProvider.sha256Hex(data)).toBe(expected);
      expect(await webCryptoProvider.sha256Hex(data)).toBe(expected);
    }
  });
});
