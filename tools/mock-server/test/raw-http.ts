// A minimal HTTP/1.1 client over raw sockets, for requests no well-behaved client would send
// (malformed request lines and headers, bytes that are not UTF-8). It keeps each connection alive for
// the next request until the server closes it, and reads answers framed by Content-Length.
import { connect, type Socket } from 'node:net';

export interface RawAnswer {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string;
  /** Milliseconds from the first byte written to the whole answer read (or the connection closed). */
  ms: number;
}

/** One connection that sends one request at a time; it reconnects when the server closed it. */
export class RawConnection {
  #socket: Socket | undefined;
  #buffer = Buffer.alloc(0);
  #waiting: (() => void) | undefined;
  #closed = true;

  constructor(readonly port: number) {}

  #open(): Socket {
    const socket = connect(this.port, '127.0.0.1');
    this.#buffer = Buffer.alloc(0);
    this.#closed = false;
    socket.on('data', (chunk: Buffer) => {
      this.#buffer = Buffer.concat([this.#buffer, chunk]);
      this.#waiting?.();
    });
    const closed = () => {
      this.#closed = true;
      this.#waiting?.();
    };
    socket.on('close', closed);
    socket.on('error', closed);
    return socket;
  }

  /** The answer parsed from the buffer, once it is complete. */
  #take(): RawAnswer | undefined {
    const end = this.#buffer.indexOf('\r\n\r\n');
    if (end < 0) return undefined;
    const [statusLine = '', ...lines] = this.#buffer.subarray(0, end).toString('latin1').split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = Number(headers['content-length'] ?? 0);
    if (this.#buffer.length < end + 4 + length) return undefined;
    const body = this.#buffer.subarray(end + 4, end + 4 + length).toString('utf8');
    this.#buffer = this.#buffer.subarray(end + 4 + length);
    return { status: Number(statusLine.split(' ')[1]), headers, body, ms: 0 };
  }

  /** Writes `bytes` and reads one answer; status 0 when the connection closed without one. */
  async send(bytes: string | Buffer): Promise<RawAnswer> {
    if (this.#closed || !this.#socket) this.#socket = this.#open();
    const started = performance.now();
    this.#socket.write(bytes);
    for (;;) {
      const answer = this.#take();
      if (answer) {
        if (answer.headers.connection === 'close') this.close();
        return { ...answer, ms: performance.now() - started };
      }
      if (this.#closed) return { status: 0, headers: {}, body: '', ms: performance.now() - started };
      await new Promise<void>((resolve) => {
        this.#waiting = resolve;
      });
      this.#waiting = undefined;
    }
  }

  close(): void {
    this.#socket?.destroy();
    this.#closed = true;
  }
}
