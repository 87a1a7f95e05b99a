/**
 * The Web Crypto entry in a real browser: bundled with esbuild, served from 127.0.0.1, run in headless
 * Chromium. It must compute the same signatures as Node for the golden vectors. Fails (never skips) when
 * Chromium is missing.
 */
import {
  type Browser,
  launchChromium,
  type Page,
  type StaticServer,
  serveDirectory,
} from '@volc-openapi/test-browser';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { node } from './helpers/entries.ts';
import { bodyBytes, vectors } from './helpers/fixtures.ts';

const TIMEOUT = 30_000;

let server: StaticServer | undefined;
let browser: Browser | undefined;
let page: Page;

beforeAll(async () => {
  const bundle = await build({
    // All three browser entries (main, /presign, /verify) under one global.
    stdin: {
      contents: ['web', 'presign-web', 'verify-web']
        .map((entry) => `export * from './${entry}.ts';`)
        .join('\n'),
      resolveDir: new URL('../src', import.meta.url).pathname,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'VolcSigner',
    platform: 'browser',
    target: 'es2022',
    write: false,
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  expect(script).not.toMatch(/["']node:/);
  server = await serveDirectory(new URL('.', import.meta.url).pathname, {
    routes: {
      '/signer.js': { body: script, type: 'text/javascript' },
      '/': {
        body: '<!doctype html><meta charset="utf-8"><title>signer</title><script src="/signer.js"></script>',
        type: 'text/html',
      },
    },
  });
  // Fails (never skips) when Chromium is missing, naming how to install it.
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => 'VolcSigner' in globalThis);
}, TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.close();
}, TIMEOUT);

interface BrowserCase {
  kind: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  base64?: string;
  options: {
    credentials: Record<string, string>;
    region: string;
    service: string;
    date: string;
    signHeaders?: string[];
    expiresInSeconds?: number;
  };
}

describe('browser (headless Chromium, Web Crypto entry)', () => {
  it(
    'computes the golden signatures, the same as Node',
    async () => {
      const cases: BrowserCase[] = vectors.map((v) => {
        const body = v.request.body;
        return {
          kind: v.kind,
          method: v.request.method,
          url: v.request.url,
          headers: v.request.headers,
          ...(body && 'utf8' in body
            ? { body: body.utf8 }
            : body
              ? { base64: Buffer.from(bodyBytes(body)).toString('base64') }
              : {}),
          options: {
            credentials: v.credentials,
            region: v.region,
            service: v.service,
            date: v.date,
            signHeaders: v.signHeaders,
            expiresInSeconds: v.expiresInSeconds,
          },
        };
      });
      const results = await page.evaluate(async (cases) => {
        type Signer = {
          sign: (parts: unknown, options: unknown) => Promise<Record<string, string>>;
          presignUrl: (parts: unknown, options: unknown) => Promise<string>;
        };
        const signer = (globalThis as unknown as { VolcSigner: Signer }).VolcSigner;
        const out: unknown[] = [];
        for (const c of cases) {
          const body = c.base64 ? Uint8Array.from(atob(c.base64), (ch) => ch.charCodeAt(0)) : c.body;
          const options = { ...c.options, date: new Date(c.options.date) };
          const parts = { method: c.method, url: c.url, headers: c.headers, body };
          out.push(
            c.kind === 'presign'
              ? { url: await signer.presignUrl(parts, options) }
              : await signer.sign(parts, options),
          );
        }
        return out;
      }, cases);
      expect(results).toEqual(vectors.map((v) => v.expected));
    },
    TIMEOUT,
  );

  it(
    'signs a fetch Request in the browser, which Node then verifies; and verifies a Node-signed one',
    async () => {
      const options = {
        credentials: {
          accessKeyId: 'AKLTEXAMPLEKEY',
          secretAccessKey: 'exampleSecretKey==',
          sessionToken: 'T',
        },
        region: 'cn-beijing',
        service: 'vms',
      };
      const url =
        'https://cloud-vms.volcengineapi.com/?Action=OpenDeleteResource&Version=2022-01-01&Note=%E4%B8%AD+x';
      const body = '{"ResourceKey":"中文 abc"}';
      const fromBrowser = await page.evaluate(
        async ({ url, body, options }) => {
          type Signer = {
            signRequest: (request: Request, options: unknown) => Promise<Request>;
            verifyRequest: (request: Request, options: unknown) => Promise<{ ok: boolean }>;
          };
          const signer = (globalThis as unknown as { VolcSigner: Signer }).VolcSigner;
          const signed = await signer.signRequest(
            new Request(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }),
            { ...options, date: new Date('2025-05-28T03:39:31Z') },
          );
          const own = await signer.verifyRequest(signed.clone(), {
            resolveSecret: () => options.credentials.secretAccessKey,
            now: new Date('2025-05-28T03:39:40Z'),
          });
          return { headers: [...signed.headers], body: await signed.text(), ok: own.ok };
        },
        { url, body, options },
      );
      expect(fromBrowser.ok).toBe(true);
      expect(fromBrowser.body).toBe(body);
      const request = new Request(url, { method: 'POST', headers: fromBrowser.headers, body });
      const verified = await node.verifyRequest(request, {
        resolveSecret: () => options.credentials.secretAccessKey,
        now: new Date('2025-05-28T03:39:31Z'),
      });
      expect(verified).toMatchObject({
        ok: true,
        signedHeaders: ['content-type', 'host', 'x-content-sha256', 'x-date', 'x-security-token'],
      });
      const nodeSigned = await node.sign(
        { method: 'POST', url, headers: { 'Content-Type': 'application/json' }, body },
        { ...options, date: new Date('2025-05-28T03:39:31Z') },
      );
      const browserHeaders = new Headers(fromBrowser.headers);
      for (const [name, value] of Object.entries(nodeSigned)) expect(browserHeaders.get(name)).toBe(value);
    },
    TIMEOUT,
  );
});
