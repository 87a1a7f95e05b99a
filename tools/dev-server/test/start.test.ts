// `pnpm start`'s program, run as a real process: it prints one URL, the docs site's landing page, from
// which a reader reaches the mock (shown on the page, the default endpoint of every operation's console)
// and sends a call; with `--examples` it also prints the mock's URL and calls that work against it.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { MOCK_ENDPOINT_FILE } from '@volc-openapi/docs/console-ids';
import { type Browser, launchChromium } from '@volc-openapi/test-browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

interface Started {
  child: ChildProcess;
  banner: string;
}

/** Starts the program with `args` on free ports and waits until it has printed its banner. */
async function start(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, [here('../src/start.ts'), ...args], {
    env: { ...process.env, MOCK_PORT: '0', DOCS_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let banner = '';
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
  return { child, banner };
}

let plain: Started;
let withExamples: Started;

beforeAll(async () => {
  [plain, withExamples] = await Promise.all([start([]), start(['--examples'])]);
});

afterAll(() => {
  plain?.child.kill('SIGTERM');
  withExamples?.child.kill('SIGTERM');
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

const match = (banner: string, pattern: RegExp) => {
  const found = pattern.exec(banner)?.[1];
  if (!found) throw new Error(`banner lacks ${pattern}: ${banner}`);
  return found;
};

describe('pnpm start', () => {
  const urls = () => plain.banner.match(/https?:\/\/\S+/g) ?? [];

  it('prints one URL, the landing page of the docs site on 127.0.0.1, and says it is reachable from this machine only', async () => {
    expect(urls()).toHaveLength(1);
    const [url] = urls() as [string];
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(plain.banner).toContain(`Open ${url}`);
    expect(plain.banner).toContain(
      'Bound to 127.0.0.1: reachable from this machine only (HOST=0.0.0.0 pnpm start',
    );
    expect(plain.banner).toContain('pnpm start --examples');
    const response = await fetch(url);
    expect(response.status).toBe(200);
    const landing = await response.text();
    expect(landing).toContain('Volcengine API reference');
    for (const name of ['vms', 'sms', 'sts']) expect(landing).toContain(`href="${name}/index.html"`);
    expect(await (await fetch(`${url}vms/index.html`)).text()).toContain('Volcengine VMS API');
  });

  it('prints the banner the root README shows, the ports aside', () => {
    const readme = readFileSync(here('../../../README.md'), 'utf8');
    const shown = /`pnpm start` prints \(with the ports it bound\):\n\n```text\n([\s\S]*?)```/.exec(
      readme,
    )?.[1];
    expect(shown, 'README.md shows no banner').toBeDefined();
    expect(plain.banner.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:8080').trim()).toBe(shown?.trim());
  });

  describe('in a browser, from that URL', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it("shows the mock's URL on the landing page, and an operation's console sends there with the printed demo keys", async () => {
      const [url] = urls() as [string];
      const published = (await (await fetch(`${url}${MOCK_ENDPOINT_FILE}`)).json()) as { endpoint: string };
      expect(published.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      page.setDefaultTimeout(20_000);
      await page.goto(url);
      const note = page.getByTestId('site-local-mock');
      await note.waitFor();
      await expect(note.locator('code').first().textContent()).resolves.toBe(published.endpoint);
      // As a reader: find the Action from the landing page, open its console, send with the keys printed.
      await page.getByTestId('site-search').fill('OpenDeleteResource');
      await page.getByTestId('site-search-results').locator('li a').first().click();
      await page.getByTestId('try-it-OpenDeleteResource').click();
      await expect.poll(() => page.getByTestId('try-it-endpoint').inputValue()).toBe(published.endpoint);
      await page.getByTestId('try-it-access-key').fill(match(plain.banner, /AccessKeyId (\S+),/));
      await page.getByTestId('try-it-secret-key').fill(match(plain.banner, /SecretAccessKey (\S+)\./));
      await page.getByTestId('try-it-send').click();
      await expect(page.getByTestId('try-it-status').textContent()).resolves.toMatch(/^HTTP 200/);
      // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees is the point
      const request = await page.getByTestId('try-it-request').innerText();
      expect(request).toContain(`POST ${published.endpoint}/?Action=OpenDeleteResource&`);
      await page.close();
    }, 60_000);
  });
});

describe('pnpm start --examples', () => {
  const docsUrl = () => match(withExamples.banner, /Open (http:\/\/127\.0\.0\.1:\d+\/)/);

  it("prints the mock's URL, the one published next to the pages for the consoles", async () => {
    const mockUrl = match(withExamples.banner, /Mock API\s+(http:\/\/127\.0\.0\.1:\d+)/);
    const published = await (await fetch(`${docsUrl()}${MOCK_ENDPOINT_FILE}`)).json();
    expect(published).toEqual({ endpoint: mockUrl });
  });

  it('prints a ready-to-run example that succeeds against the mock', async () => {
    const endpoint = match(withExamples.banner, /VMS_ENDPOINT=(\S+) pnpm example/);
    const { stdout } = await promisify(execFile)(process.execPath, [here('../src/example.ts')], {
      env: { ...process.env, VMS_ENDPOINT: endpoint },
    });
    expect(stdout).toMatch(/QueryUsableResourceV2 → RequestId \w+/);
    expect(stdout).toContain('"Records"');
  });

  it('names every served service with the signing scope its spec declares', () => {
    const services = match(withExamples.banner, /Services\s+(.+)/);
    expect(services).toMatch(/^vms \(region cn-beijing, service vms\)/);
    expect(withExamples.banner).not.toContain('Mock VMS API');
  });

  it('prints, per service, a ready-to-run curl call that the mock answers', async () => {
    const calls = [...withExamples.banner.matchAll(/^ {4}(\w+): (\w+) \(([^)]*)\)\n {6}(curl .+)$/gm)];
    const served = match(withExamples.banner, /every served service \(([^)]+)\)/).split(', ');
    expect(served).toContain('vms');
    expect(calls.map((found) => found[1])).toEqual(served);
    for (const [, service, action, how, command] of calls) {
      const request = parseCurl(command as string);
      if (how?.startsWith('presigned')) expect(request.url).toContain('X-Signature=');
      const response = await fetch(request.url, request.init);
      expect(response.status, `${service}: ${command}`).toBe(200);
      expect(await response.json()).toMatchObject({ ResponseMetadata: { Action: action } });
    }
  });
});
