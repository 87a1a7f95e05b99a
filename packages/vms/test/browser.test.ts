// The built client in headless Chromium, calling the mock server on another origin (the mock answers
// CORS): a success, a typed error and a retried call, each signed with Web Crypto. Fails (never skips)
// when Chromium is missing. Run after `pnpm build`.
import { fileURLToPath } from 'node:url';
import { MOCK_CREDENTIALS } from '@volc-openapi/mock-server';
import { type Browser, launchChromium, type StaticServer, serveDirectory } from '@volc-openapi/test-browser';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Mock, startMock } from './helpers.ts';

const TIMEOUT = 60_000;
let mock: Mock;
let site: StaticServer;
let browser: Browser;

const page = `
import { createVmsClient } from '../dist/index.js';
const vms = createVmsClient({ credentials: ${JSON.stringify(MOCK_CREDENTIALS)}, endpoint: window.MOCK_URL, retry: { baseDelayMs: 10 } });
const ok = await vms.QueryUsableResourceV2({ Type: 1 });
const failed = await vms.OpenDeleteResource({ ResourceKey: 'k' }, { headers: { 'X-Mock-Scenario': 'error=InvalidParameter' } });
await fetch(window.MOCK_URL + '/__mock/scenarios', { method: 'POST', body: JSON.stringify({ action: 'QueryUsableResourceV2', error: 'ServiceUnavailable', times: 1 }) });
let retried = 0;
const again = await vms.QueryUsableResourceV2({ Type: 1 }, { retry: { onRetry: () => retried++ } });
window.RESULT = {
  ok: { error: ok.error?.Code, requestId: ok.requestId, records: Array.isArray(ok.data?.Result?.Records) },
  failed: { kind: failed.error?.kind, code: failed.error?.Code, status: failed.error?.status, requestId: failed.requestId },
  again: { error: again.error?.Code, retried },
};
`;

beforeAll(async () => {
  mock = await startMock();
  const bundle = await build({
    stdin: { contents: page, resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  expect(script).not.toMatch(/["']node:/);
  site = await serveDirectory(fileURLToPath(new URL('.', import.meta.url)), {
    routes: {
      '/index.html': {
        type: 'text/html',
        body: `<!doctype html><meta charset="utf-8"><script>window.MOCK_URL = ${JSON.stringify(mock.url)}</script><script type="module" src="/app.js"></script>`,
      },
      '/app.js': { type: 'text/javascript', body: script },
    },
  });
  browser = await launchChromium();
}, TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await mock?.close();
}, TIMEOUT);

it(
  'signs, calls, settles errors and retries in a real browser',
  async () => {
    const tab = await browser.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(String(error)));
    await tab.goto(`${site.url}index.html`);
    await tab
      .waitForFunction(() => 'RESULT' in window || false, undefined, { timeout: 20_000 })
      .catch(() => undefined);
    expect(errors).toEqual([]);
    const result = await tab.evaluate(() => (window as unknown as { RESULT: unknown }).RESULT);
    expect(result).toMatchObject({
      ok: { error: undefined, records: true },
      failed: { kind: 'api', code: 'InvalidParameter', status: 400 },
      again: { error: undefined, retried: 1 },
    });
    const { ok, failed } = result as { ok: { requestId: string }; failed: { requestId: string } };
    expect(ok.requestId).toMatch(/^\d{17}/);
    expect(failed.requestId).toMatch(/^\d{17}/);
  },
  TIMEOUT,
);
