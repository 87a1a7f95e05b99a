// The mock's memory stays bounded under hostile bodies: its request log keeps a capped prefix of each
// body, not the body, so 60 unsigned 9 MiB requests grow its resident memory by at most 20 MB (the log
// used to keep them whole: about 600 MB). Measured on the CLI in its own process, from /proc (Linux).
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { REQUEST_LOG_BODY_BYTES } from '../src/requests.ts';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const MiB = 1024 * 1024;
const BODY = Buffer.alloc(9 * MiB, 'a');
const TARGET = '/?Action=OpenDeleteResource&Version=2022-01-01';

let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill('SIGTERM');
});

/** Resident memory of a process in MiB. */
const residentMiB = (pid: number) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;

/** One unsigned POST with the 9 MiB body; resolves to the answer's status. */
const post = (url: string) =>
  new Promise<number>((resolve, reject) => {
    const sent = request(
      `${url}${TARGET}`,
      { method: 'POST', headers: { 'content-type': 'application/json' } },
      (answer) => {
        answer.resume();
        answer.on('end', () => resolve(answer.statusCode ?? 0));
      },
    );
    sent.on('error', reject);
    sent.end(BODY);
  });

describe.runIf(process.platform === 'linux')('memory under large bodies', () => {
  it('grows by at most 20 MB over 60 unsigned 9 MiB requests, and logs only a prefix of each', async () => {
    const started = spawn(process.execPath, [CLI, '--port', '0', '--quiet'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child = started;
    const url = await new Promise<string>((resolve) => {
      let out = '';
      started.stdout?.on('data', (chunk) => {
        out += chunk;
        const found = /listening on (\S+)/.exec(out);
        if (found) resolve(found[1] as string);
      });
    });
    const pid = started.pid as number;
    // Peaks, not single samples: a garbage collection may have just run, or not.
    const peak = async (count: number) => {
      let most = 0;
      for (let i = 0; i < count; i++) {
        expect(await post(url)).toBe(401); // MissingAuthenticationToken, after the body was read
        most = Math.max(most, residentMiB(pid));
      }
      return most;
    };
    // Like against like: the peak of a warm-up series of the same length, so that what the heap does
    // between collections counts on both sides and only what is kept shows as growth.
    const warm = await peak(60);
    const after = await peak(60);
    expect(after - warm).toBeLessThanOrEqual(20);

    const { requests } = (await (await fetch(`${url}/__mock/requests`)).json()) as {
      requests: { body: string; bodyBytes: number; bodyTruncated?: boolean }[];
    };
    expect(requests.length).toBeGreaterThan(0);
    for (const entry of requests) {
      expect(entry).toMatchObject({ bodyBytes: BODY.length, bodyTruncated: true });
      expect(entry.body).toHaveLength(REQUEST_LOG_BODY_BYTES);
    }
  }, 120_000);
});
