// The seam under the transport: one signed attempt out, one answer (body read as text) back. The
// transport's signing, retries, timeouts and envelope handling sit above it, the same on every
// platform; only how the bytes travel differs (fetch here, node:http in the Node entry).

/** What the transport reads from an answer's headers (a `Headers` fits). */
export interface HeaderReader {
  get(name: string): string | null;
}

/** One attempt, signed and ready to go. */
export interface SendRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer> | undefined;
  /** Fires on the caller's abort or a timeout: the exchange stops and the send rejects. */
  signal?: AbortSignal | undefined;
}

/** One answer, its body read and decoded as UTF-8. */
export interface Reply {
  status: number;
  headers: HeaderReader;
  text: string;
  /**
   * The answer as a WHATWG `Response`. A fetch send returns its own (body consumed); others make one
   * from `text` on the first call, as building it costs more than the rest of reading the answer.
   */
  response(): Response;
}

/** Sends one attempt; rejects when there is no complete answer (network failure, abort). */
export type Send = (request: SendRequest) => Promise<Reply>;

/** Statuses whose `Response` must have a null body. */
export const nullBody = (status: number): boolean =>
  status === 101 || status === 204 || status === 205 || status === 304;

/** The send over `fetch`: the global one, or the caller's, which gets each attempt as a `Request`. */
export const fetchSend =
  (custom?: (request: Request) => Promise<Response>): Send =>
  async ({ url, ...init }) => {
    const response = await (custom ? custom(new Request(url, init)) : fetch(url, init));
    return {
      status: response.status,
      headers: response.headers,
      text: await response.text(),
      response: () => response,
    };
  };
