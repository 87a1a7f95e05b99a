// The Node entry's default send: node:http(s) over keep-alive agents. Node's global fetch runs every
// call through undici's WHATWG layer (Request, Headers, streams), about three times the CPU of a
// plain http request, and more than signing, retrying and parsing together. Like fetch, it sends
// `accept-encoding: gzip, deflate` and decompresses what comes back.
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate, inflateRaw } from 'node:zlib';
import { nullBody, type Reply, type Send } from './send.ts';

type Decode = (bytes: Buffer) => Promise<Buffer>;

const gunzipAsync: Decode = promisify(gunzip);
const inflateAsync: Decode = promisify(inflate);
const inflateRawAsync: Decode = promisify(inflateRaw);

// The codings fetch accepts. `deflate` comes zlib-wrapped (its first byte is 0x?8) or, from some
// servers, raw; fetch and browsers read both.
const decoders: Record<string, Decode> = {
  gzip: gunzipAsync,
  'x-gzip': gunzipAsync,
  deflate: (bytes) => (((bytes[0] ?? 0) & 0x0f) === 8 ? inflateAsync : inflateRawAsync)(bytes),
  br: promisify(brotliDecompress),
};

let agents: { http: HttpAgent; https: HttpsAgent } | undefined;

/**
 * Made on first use, shared by every client. Idle sockets are unref'd by the agent (they never keep
 * the process alive) and closed after 4 s, or 1 s before the server's `Keep-Alive: timeout`, so a
 * request rarely meets a socket the server is closing.
 */
function agentsOf() {
  const options = { keepAlive: true, timeout: 4000 };
  agents ??= { http: new HttpAgent(options), https: new HttpsAgent(options) };
  return agents;
}

/** Undoes each content coding, last applied first; an unknown one leaves the bytes as they are, as fetch does. */
async function decode(codings: string | undefined, bytes: Buffer): Promise<Buffer> {
  for (const coding of (codings ?? '').toLowerCase().split(',').reverse()) {
    const decoder = decoders[coding.trim()];
    if (decoder) bytes = await decoder(bytes);
  }
  return bytes;
}

function reply(
  status: number,
  statusText: string | undefined,
  headers: IncomingHttpHeaders,
  raw: string[],
  text: string,
): Reply {
  let made: Response | undefined;
  return {
    status,
    text,
    headers: {
      get(name) {
        const value = headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
    response() {
      if (!made) {
        const init = new Headers();
        for (let i = 0; i < raw.length; i += 2) init.append(raw[i] as string, raw[i + 1] as string);
        made = new Response(nullBody(status) ? null : text, { status, statusText, headers: init });
      }
      return made;
    },
  };
}

const hasHeader = (headers: Record<string, string>, name: string) =>
  Object.keys(headers).some((key) => key.toLowerCase() === name);

/** Sends over node:http(s); the signal destroys the request (and its socket) at any point. */
export const nodeSend: Send = ({ url, method, headers, body, signal }) =>
  new Promise((resolve, reject) => {
    const secure = url.startsWith('https:');
    const sent: Record<string, string | number> = hasHeader(headers, 'accept-encoding')
      ? { ...headers }
      : { 'accept-encoding': 'gzip, deflate', ...headers };
    if (body !== undefined)
      sent['content-length'] = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
    const stop = () => request.destroy(signal?.reason);
    const fail = (error: unknown) => {
      signal?.removeEventListener('abort', stop);
      reject(error);
    };
    const request = (secure ? httpsRequest : httpRequest)(
      url,
      { method, headers: sent, agent: secure ? agentsOf().https : agentsOf().http },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', fail);
        response.on('end', () => {
          signal?.removeEventListener('abort', stop);
          const { statusCode = 0, statusMessage, headers: received, rawHeaders } = response;
          const done = (bytes: Buffer) => {
            const text = bytes.toString('utf8');
            // A UTF-8 BOM is dropped, as fetch's text() does.
            const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
            resolve(reply(statusCode, statusMessage, received, rawHeaders, clean));
          };
          const bytes = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
          const codings = received['content-encoding'];
          if (codings === undefined || codings === 'identity') done(bytes);
          else decode(codings, bytes).then(done, reject);
        });
      },
    );
    request.on('error', fail);
    if (signal?.aborted) return stop();
    signal?.addEventListener('abort', stop, { once: true });
    request.end(body);
  });
