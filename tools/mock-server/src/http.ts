// Small node:http helpers: reading the body, CORS headers and writing JSON answers.
import { type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';

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

/**
 * Reads the whole request body, bounded so a runaway client cannot exhaust memory: a declared
 * Content-Length over the limit is refused before a byte is read, a body that grows past it as soon as it
 * does. The stream is left open (not destroyed), so the answer can still reach the client; see
 * `closeAfterAnswer`. Rejects with another error when the client goes away mid-body.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => new BodyTooLargeError(`the body is larger than ${limit} bytes`);
    if (Number(req.headers['content-length']) > limit) return reject(tooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off('data', onData).off('end', onEnd).off('close', onClose).off('error', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      stop();
      chunks.length = 0;
      reject(tooLarge());
    };
    const onEnd = () => {
      stop();
      resolve(new Uint8Array(Buffer.concat(chunks)));
    };
    const onClose = () => {
      stop();
      reject(new Error('the client closed the connection before sending the whole body'));
    };
    req.on('data', onData).on('end', onEnd).on('close', onClose).on('error', onClose);
  });
}

/** How much of an unread body is still drained after an early answer, so the client can read it. */
const LINGER_BYTES = 1024 * 1024;
const LINGER_MS = 1000;

/**
 * Closes the connection of an answer sent before its body was read (413), once the client had a chance
 * to read it: closing at once would reset a client still sending, and it would lose the answer. What it
 * still sends is drained, up to `LINGER_BYTES` or `LINGER_MS`; a client that stops sending before then
 * keeps its connection.
 */
export function closeAfterAnswer(req: IncomingMessage, res: ServerResponse): void {
  res.once('finish', () => {
    if (req.complete) return;
    let drained = 0;
    const close = () => {
      clearTimeout(timer);
      req.socket.destroy();
    };
    const timer = setTimeout(close, LINGER_MS).unref();
    // Node drains the unread body once the answer is sent; this only counts it.
    req.on('data', (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > LINGER_BYTES) close();
    });
    req.once('end', () => clearTimeout(timer));
  });
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

/**
 * A whole HTTP/1.1 answer as bytes, for a connection no handler owns (a request Node's parser refused):
 * the JSON body, the headers every answer carries, and `Connection: close`.
 */
export function rawJsonAnswer(status: number, body: unknown, date: Date, requestId: string): string {
  const json = JSON.stringify(body);
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(json)}`,
    `Date: ${date.toUTCString()}`,
    `${REQUEST_ID_HEADER}: ${requestId}`,
    'Access-Control-Allow-Origin: *',
    `Access-Control-Expose-Headers: Date, ${REQUEST_ID_HEADER}`,
    'Connection: close',
    '',
    json,
  ].join('\r\n');
}
