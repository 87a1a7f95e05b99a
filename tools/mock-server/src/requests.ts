// Remembers the last requests received so tests can check what a client really sent.
import type { IncomingHttpHeaders } from 'node:http';

export interface RecordedRequest {
  id: number;
  receivedAt: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
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
