// Small node:http helpers: reading the body, CORS headers and writing JSON answers.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Headers a browser page must be allowed to send for a signed call (and to steer the mock). */
const ALLOWED_HEADERS = [
  'Authorization',
  'X-Date',
  'X-Content-Sha256',
  'X-Security-Token',
  'Content-Type',
  'X-Mock-Scenario',
];

/** Header carrying the RequestId, as the Volcengine gateway sends it (the runtime reads it too). */
export const REQUEST_ID_HEADER = 'X-Tt-Logid';

/** Sent on every answer so a page on another origin can read the body, the Date and the request id. */
export function setCorsHeaders(res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', `Date, ${REQUEST_ID_HEADER}`);
}

/** Answers a CORS preflight. */
export function answerPreflight(res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS.join(', '));
  res.setHeader('Access-Control-Max-Age', '600');
  res.writeHead(204).end();
}

export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
}

/** Reads the whole request body (bounded, so a runaway client cannot exhaust memory). */
export async function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new BodyTooLargeError(`the body is larger than ${limit} bytes`);
    chunks.push(buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

export function sendText(res: ServerResponse, status: number, contentType: string, text: string): void {
  if (res.destroyed || res.headersSent) return;
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.writeHead(status).end(text);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendText(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}
