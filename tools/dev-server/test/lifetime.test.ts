// Long-running commands stop when told to, the way scripts and process managers tell them: SIGTERM or
// SIGHUP to the pid of the command they started (`pnpm mock`, `pnpm start`), which is pnpm's, not the
// server's; SIGINT as Ctrl+C sends it, to every process of the command (pnpm itself ignores a SIGINT
// sent to its pid alone and leaves it to the terminal's process group). Within 2 s everything they started is gone and their ports
// can be bound again. A port in use is reported with the port and how to pick another.
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
// `pnpm` as a script or process manager starts it: from the machine's PATH, not from inside a pnpm
// script (whose PATH puts the repo's `node` shim, a shell, in front of pnpm itself).
const PATH = (process.env.PATH ?? '')
  .split(':')
  .filter((dir) => !dir.includes('node_modules'))
  .join(':');
const env = { ...process.env, PATH, TURBO_TELEMETRY_DISABLED: '1', REDOCLY_TELEMETRY: 'off' };

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Binds and releases `port`; false while something still listens on it. */
async function bindable(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Starts `pnpm <args>` and waits for `ready` in its output. */
async function launch(
  args: string[],
  extraEnv: Record<string, string>,
  ready: string,
): Promise<ChildProcess> {
  const child = spawn('pnpm', args, {
    cwd: root,
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in 120 s: ${output}`)), 120_000);
    const read = (chunk: Buffer) => {
      output += String(chunk);
      if (output.includes(ready)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before it was ready: ${output}`)));
  });
  return child;
}

/** Milliseconds until every port can be bound again (fails after 2 s). */
async function freedWithin(ports: number[]): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < 2000) {
    if ((await Promise.all(ports.map(bindable))).every(Boolean)) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`ports ${ports.join(', ')} still in use 2 s after the signal`);
}

/** The pid and every descendant of it, from /proc. */
function family(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // ended meanwhile
    }
  }
  const out = [pid];
  for (let i = 0; i < out.length; i++)
    for (const [child, parent] of parents) if (parent === out[i]) out.push(child);
  return out;
}

/** Sends `signal` as a script would (to pnpm's pid), or for SIGINT as Ctrl+C does (to every process of the command). */
function stop(child: ChildProcess, signal: NodeJS.Signals): void {
  if (signal !== 'SIGINT') child.kill(signal);
  else for (const pid of family(child.pid as number)) process.kill(pid, signal);
}

describe.each(['SIGTERM', 'SIGHUP', 'SIGINT'] as const)('on %s', (signal) => {
  it('pnpm mock stops and frees its port within 2 s', async () => {
    const port = await freePort();
    const child = await launch(['mock', '--port', String(port)], {}, 'Mock listening on');
    stop(child, signal);
    expect(await freedWithin([port])).toBeLessThan(2000);
  }, 130_000);

  it('pnpm start stops the mock and the docs site and frees both ports within 2 s', async () => {
    const [mock, docs] = [await freePort(), await freePort()];
    const child = await launch(['start'], { MOCK_PORT: String(mock), DOCS_PORT: String(docs) }, 'Ctrl+C');
    stop(child, signal);
    expect(await freedWithin([mock, docs])).toBeLessThan(2000);
  }, 130_000);
});

describe('a port in use', () => {
  it.each([
    [
      'mock',
      ['mock', '--port'],
      /cannot listen on 127\.0\.0\.1:(\d+): the port is already in use \(.*--port <n> or MOCK_PORT=<n>\)/,
    ],
    [
      'start',
      ['start'],
      /Cannot start the mock server: port (\d+) is already in use\. Pick another port: MOCK_PORT=<n>/,
    ],
  ] as const)(
    'is named with its port and how to pick another (pnpm %s)',
    async (_name, args, message) => {
      const held: Server = createServer();
      await new Promise<void>((resolve) => held.listen(0, '127.0.0.1', resolve));
      const { port } = held.address() as { port: number };
      try {
        const portArgs = args[0] === 'mock' ? [...args, String(port)] : [...args];
        const child = spawn('pnpm', portArgs, {
          cwd: root,
          env: { ...env, MOCK_PORT: String(port), DOCS_PORT: String(await freePort()) },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        child.stdout?.on('data', (chunk) => {
          output += String(chunk);
        });
        child.stderr?.on('data', (chunk) => {
          output += String(chunk);
        });
        const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
        expect(code).not.toBe(0);
        expect(output).toMatch(message);
        expect(output.match(message)?.[1]).toBe(String(port));
        expect(output).not.toMatch(/\n\s+at /);
      } finally {
        held.close();
      }
    },
    130_000,
  );
});
