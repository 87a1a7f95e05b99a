/** Shape of the golden vector fixtures (written by generate.ts). */

/** How a body is stored in a fixture. */
export type BodySpec = { utf8: string } | { base64: string } | { pattern: number };

export interface Vector {
  name: string;
  description: string;
  kind: 'headers' | 'presign';
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  region: string;
  service: string;
  date: string;
  request: { method: string; url: string; headers?: Record<string, string>; body?: BodySpec };
  signHeaders?: string[];
  expiresInSeconds?: number;
  /** True when @volcengine/openapi, fed the same header set, must produce the same Authorization. */
  official: boolean;
  canonicalRequest: string;
  stringToSign: string;
  expected: Record<string, string>;
}

/** Body bytes for a spec; `pattern: n` is n bytes with byte i = i mod 251. */
export const bodyBytes = (spec: BodySpec | undefined): Uint8Array<ArrayBuffer> => {
  if (!spec) return new Uint8Array();
  if ('utf8' in spec) return new TextEncoder().encode(spec.utf8);
  if ('base64' in spec) return new Uint8Array(Buffer.from(spec.base64, 'base64'));
  return Uint8Array.from({ length: spec.pattern }, (_, i) => i % 251);
};
