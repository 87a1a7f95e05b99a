// `pnpm start`'s program, run as a real process: it serves the docs and the mock, and the call it
// suggests works against them.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
let child: ChildProcess;
let banner = '';

/** Starts the program on free ports and waits until it has printed its banner. */
beforeAll(async () => {
  child = spawn(process.execPath, [here('../src/start.ts')], {
    env: { ...process.env, MOCK_PORT: '0', DOCS_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner; got: ${banner}`)), 20_000);
    child.stdout?.on('data', (chunk) => {
      banner += String(chunk);
      if (banner.includes('Ctrl+C')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr?.on('data', (chunk) => {
      banner += String(chunk);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${banner}`)));
  });
});

afterAll(() => {
  child?.kill('SIGTERM');
});

const match = (pattern: RegExp) => {
  const found = pattern.exec(banner)?.[1];
  if (!found) throw new Error(`banner lacks ${pattern}: ${banner}`);
  return found;
};

describe('pnpm start', () => {
  it('serves the docs site on 127.0.0.1', async () => {
    const docsUrl = match(/Docs site\s+(http:\/\/127\.0\.0\.1:\d+\/)/);
    const response = await fetch(docsUrl);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Volcengine VMS API');
  });

  it('prints a ready-to-run example that succeeds against the mock', async () => {
    const endpoint = match(/VMS_ENDPOINT=(\S+) pnpm example/);
    const { stdout } = await promisify(execFile)(process.execPath, [here('../src/example.ts')], {
      env: { ...process.env, VMS_ENDPOINT: endpoint },
    });
    expect(stdout).toMatch(/QueryUsableResourceV2 → RequestId \w+/);
    expect(stdout).toContain('"Records"');
  });

  it('prints a presigned curl URL that the mock accepts', async () => {
    const url = match(/curl '(http:\/\/127\.0\.0\.1:\d+\/\?[^']+)'/);
    expect(url).toContain('X-Signature=');
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ResponseMetadata: { Action: 'QueryUsableResourceV2' } });
  });
});
