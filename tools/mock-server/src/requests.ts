// Remembers the last requests received so tests can check what a client really sent.
import type { IncomingHttpHeaders } from 'node:http';

export interface RecordedRequest {
  id: number;
  receivedAt: string;
  method: string;
  /** The request target, with the presign signature and session token masked. */
  url: string;
  headers: Record<string, string>;
  /** The body's first `REQUEST_LOG_BODY_BYTES` bytes as UTF-8 text: a log entry never holds a whole upload. */
  body: string;
  /** The body's full size in bytes. */
  bodyBytes: number;
  /** Present when `body` holds only the start of the body. */
  bodyTruncated?: true;
  /** The signing service the request was routed to. */
  service?: string;
  action?: string;
  version?: string;
  /** Filled in once answered; absent when the connection was reset. */
  status?: number;
  requestId?: string;
  /** Error code of the answer, if it was an error envelope. */
  errorCode?: string;
}

export interface RequestLog {
  record(entry: Omit<RecordedRequest, 'id'>): RecordedRequest;
  list(): RecordedRequest[];
  clear(): void;
}

/**
 * Copies headers for the log with secrets masked: the signature and any session token or cookie.
 * The access key id stays visible (it identifies the caller and is not a secret).
 */
export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    let text = Array.isArray(value) ? value.join(', ') : value;
    if (name === 'authorization') text = text.replace(/Signature=[^,\s]*/, 'Signature=<redacted>');
    else if (name === 'x-security-token' || name === 'cookie') text = '<redacted>';
    out[name] = text;
  }
  return out;
}

/** How much of each body the log keeps. */
export const REQUEST_LOG_BODY_BYTES = 16 * 1024;

/** The body as the log keeps it: a capped prefix, its full size and whether it was cut. */
export function bodyPrefix(body: Uint8Array): Pick<RecordedRequest, 'body' | 'bodyBytes' | 'bodyTruncated'> {
  const cut = body.length > REQUEST_LOG_BODY_BYTES;
  return {
    body: new TextDecoder().decode(cut ? body.subarray(0, REQUEST_LOG_BODY_BYTES) : body),
    bodyBytes: body.length,
    ...(cut ? { bodyTruncated: true as const } : {}),
  };
}

const SECRET_QUERY = /([?&]X-(?:Signature|Security-Token)=)[^&#]*/gi;

/** A request target with the presign signature and session token masked (the access key id stays). */
export const redactUrl = (url: string): string => url.replace(SECRET_QUERY, '$1<redacted>');

export function createRequestLog(size = 100): RequestLog {
  let entries: RecordedRequest[] = [];
  let nextId = 1;
  return {
    record(entry) {
      const stored: RecordedRequest = { id: nextId++, ...entry };
      entries.push(stored);
      if (entries.length > size) entries = entries.slice(entries.length - size);
      return stored;
    },
    list() {
      return entries.map((entry) => ({ ...entry, headers: { ...entry.headers } }));
    },
    clear() {
      entries = [];
    },
  };
}
