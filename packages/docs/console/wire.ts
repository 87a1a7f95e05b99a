// The exact request a console sends for an input: URL, headers and body bytes, written as the
// generated clients write them (the runtime's encoders, with the spec's declared list styles).
import type { ConsoleOperation } from '@volc-openapi/codegen';
import { encodeForm, encodeMultipart, encodeQuery } from '@volc-openapi/runtime';

export interface WireRequest {
  method: 'GET' | 'POST';
  url: string;
  /** Content-Type when there is a body; the signing headers once signed. */
  headers: Record<string, string>;
  /** The bytes sent, and signed. */
  body?: Uint8Array<ArrayBuffer>;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

export async function wireRequest(
  operation: ConsoleOperation,
  endpoint: string,
  input: Record<string, unknown>,
): Promise<WireRequest> {
  const url = new URL(operation.pathKey, endpoint);
  const { method, styles } = operation;
  switch (operation.encoding) {
    case 'query': {
      const query = encodeQuery(input, styles);
      return { method, url: query ? `${url.href}&${query}` : url.href, headers: {} };
    }
    case 'json':
      return {
        method,
        url: url.href,
        headers: { 'Content-Type': 'application/json' },
        body: utf8(JSON.stringify(input)),
      };
    case 'form':
      return {
        method,
        url: url.href,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: utf8(encodeForm(input, styles)),
      };
    case 'multipart': {
      // The browser writes the boundary: read the bytes and type back, so that what is signed is what is sent.
      const encoded = new Response(encodeMultipart(input, styles));
      return {
        method,
        url: url.href,
        headers: { 'Content-Type': encoded.headers.get('content-type') ?? 'multipart/form-data' },
        body: new Uint8Array(await encoded.arrayBuffer()),
      };
    }
  }
}
