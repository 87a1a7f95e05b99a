import type { CryptoProvider } from './core/crypto.ts';

const utf8 = new TextEncoder();
const hex = (buffer: ArrayBuffer): string =>
  Array.from(new Uint8Array(buffer), (byte) => (byte + 256).toString(16).slice(1)).join('');

// Looked up on use, so merely importing this module never touches globalThis.crypto.
const subtle = () => globalThis.crypto.subtle;

const importHmacKey = (raw: BufferSource) =>
  subtle().importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);

const mac = async (key: BufferSource, data: string) =>
  subtle().sign('HMAC', await importHmacKey(key), utf8.encode(data));

/** Web Crypto primitives (browsers, Deno, Bun, workers); the derived key is kept as a CryptoKey. */
export const webCryptoProvider: CryptoProvider<CryptoKey> = {
  sha256Hex: async (data) =>
    hex(
      await subtle().digest('SHA-256', typeof data === 'string' ? utf8.encode(data) : (data as BufferSource)),
    ),
  signingKey: async (secret, date, region, service) =>
    importHmacKey(
      await mac(await mac(await mac(await mac(utf8.encode(secret), date), region), service), 'request'),
    ),
  hmacHex: async (key, data) => hex(await subtle().sign('HMAC', key, utf8.encode(data))),
};
