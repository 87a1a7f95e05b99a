// `pnpm start`'s program, run as a real process: it serves the docs and the mock, and the call it
// suggests works against them.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { MOCK_ENDPOINT_FILE } from '@volc-openapi/docs/console-ids';
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

const unquote = (text: string) => text.slice(1, -1).replaceAll("'\\''", "'");

/** The request a printed `curl [-X M] [-H 'h: v']... [--data 'body'] 'url'` command sends. */
function parseCurl(command: string): { url: string; init: RequestInit } {
  const words = command.match(/'(?:[^']|'\\'')*'|\S+/g) ?? [];
  const headers: Record<string, string> = {};
  const init: RequestInit = { headers };
  let url = '';
  for (let i = 1; i < words.length; i++) {
    const word = words[i] as string;
    if (word === '-X') init.method = words[++i];
    else if (word === '-H') {
      const [name = '', ...value] = unquote(words[++i] as string).split(': ');
      headers[name] = value.join(': ');
    } else if (word === '--data') init.body = unquote(words[++i] as string);
    else url = unquote(word);
  }
  return { url, init };
}

const match = (pattern: RegExp) => {
  const found = pattern.exec(banner)?.[1];
  if (!found) throw new Error(`banner lacks ${pattern}: ${banner}`);
  return found;
};

describe('pnpm start', () => {
  it('serves the docs site on 127.0.0.1, and says it is reachable from this machine only', async () => {
    expect(banner).toContain('Bound to 127.0.0.1: reachable from this machine only (HOST=0.0.0.0 pnpm start');
    const docsUrl = match(/Docs site\s+(http:\/\/127\.0\.0\.1:\d+\/)/);
    const response = await fetch(docsUrl);
    expect(response.status).toBe(200);
    // The site is either the VMS reference itself or a landing page linking each service's reference.
    const page = await response.text();
    const vms = page.includes('href="vms/index.html"')
      ? await (await fetch(`${docsUrl}vms/index.html`)).text()
      : page;
    expect(vms).toContain('Volcengine VMS API');
  });

  it("publishes the mock's URL next to the pages, for the consoles' default endpoint", async () => {
    const docsUrl = match(/Docs site\s+(http:\/\/127\.0\.0\.1:\d+\/)/);
    const mockUrl = match(/Mock API\s+(http:\/\/127\.0\.0\.1:\d+)/);
    const published = await (await fetch(`${docsUrl}${MOCK_ENDPOINT_FILE}`)).json();
    expect(published).toEqual({ endpoint: mockUrl });
  });

  it('prints a ready-to-run example that succeeds against the mock', async () => {
    const endpoint = match(/VMS_ENDPOINT=(\S+) pnpm example/);
    const { stdout } = await promisify(execFile)(process.execPath, [here('../src/example.ts')], {
      env: { ...process.env, VMS_ENDPOINT: endpoint },
    });
    expect(stdout).toMatch(/QueryUsableResourceV2 → RequestId \w+/);
    expect(stdout).toContain('"Records"');
  });

  it('names every served service with the signing scope its spec declares', () => {
    const services = match(/Services\s+(.+)/);
    expect(services).toMatch(/^vms \(region cn-beijing, service vms\)/);
    expect(banner).not.toContain('Mock VMS API');
  });

  it('prints, per service, a ready-to-run curl call that the mock answers', async () => {
    const calls = [...banner.matchAll(/^ {4}(\w+): (\w+) \(([^)]*)\)\n {6}(curl .+)$/gm)];
    expect(calls.map((found) => found[1])).toContain('vms');
    for (const [, service, action, how, command] of calls) {
      const request = parseCurl(command as string);
      if (how?.startsWith('presigned')) expect(request.url).toContain('X-Signature=');
      const response = await fetch(request.url, request.init);
      expect(response.status, `${service}: ${command}`).toBe(200);
      expect(await response.json()).toMatchObject({ ResponseMetadata: { Action: action } });
    }
  });
});
