// The operation console ("Try it") of the built site, in headless Chromium, against the real mock of
// every service on 127.0.0.1: the site is served as `pnpm start` serves it (with the mock's URL
// published next to the pages), and the reader's steps are driven through the panel's data-testids.
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { promisify } from 'node:util';
import {
  MOCK_CREDENTIALS,
  type RunningMockServer,
  registrySpecs,
  startMockServer,
} from '@volc-openapi/mock-server';
import { loadService, type Operation } from '@volc-openapi/spec-model';
import {
  type Browser,
  launchChromium,
  openWatchedPage,
  type Page,
  type StaticServer,
  serveDirectory,
} from '@volc-openapi/test-browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MOCK_ENDPOINT_FILE } from '../console/ids.ts';
import { PREVIEW_PANEL_ID } from '../scripts/site.ts';
import { here, services } from './docs-spec.ts';

const SCREENSHOTS = here('../test-results/screenshots/');
/** A secret the mock does not know, and one long enough to be found anywhere it leaks. */
const WRONG_SECRET = 'console-test-wrong-secret-7c1f9e';

let mock: RunningMockServer;
let server: StaticServer;
let browser: Browser;
let page: Page;
let leaked: () => string[];
/** Every request the page sent to the mock, as `METHOD url`. */
let toMock: string[];

const modelOf = (name: string) => {
  const service = services.find((candidate) => candidate.entry.name === name);
  if (!service) throw new Error(`${name} is not built`);
  return { service, model: loadService(service.bundle) };
};
const sectionOf = (operation: Operation) => `${operation.tags[0]}/${operation.operationId.toLowerCase()}`;
const find = (name: string, action: string) => {
  const { service, model } = modelOf(name);
  const operation = model.operations.find((candidate) => candidate.action === action);
  if (!operation) throw new Error(`${name} has no ${action}`);
  return { service, model, operation };
};

/** Opens an operation's deep link and its console; the endpoint is the mock's once it is published. */
async function openConsole(name: string, action: string): Promise<void> {
  const { service, operation } = find(name, action);
  // A fresh document each time: going to the same URL with only another hash would keep the page.
  await page.goto('about:blank');
  await page.goto(`${server.url}${service.link}#/${sectionOf(operation)}`);
  await page.getByTestId(`try-it-${action}`).click();
  await expect.poll(() => page.getByTestId('try-it-endpoint').inputValue()).toBe(mock.url);
}

async function sendWith(keys: { accessKeyId: string; secretAccessKey: string }): Promise<void> {
  await page.getByTestId('try-it-access-key').fill(keys.accessKeyId);
  await page.getByTestId('try-it-secret-key').fill(keys.secretAccessKey);
  await page.getByTestId('try-it-send').click();
  await page.getByTestId('try-it-status').waitFor();
}

// biome-ignore lint/performance/useDomNodeTextContent: what a reader sees is the point
const responseText = () => page.getByTestId('try-it-response').innerText();

/** Runs a copied command in bash (asynchronously: the mock answers from this process) and parses its output. */
async function run(command: string): Promise<unknown> {
  const { stdout } = await promisify(execFile)('bash', ['-c', `${command} --silent`], { timeout: 10_000 });
  return JSON.parse(stdout);
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const specs = (await registrySpecs()).flatMap((entry) => (entry.spec ? [entry.spec] : []));
  mock = await startMockServer({ specs });
  server = await serveDirectory(here('../dist/'), {
    routes: {
      [`/${MOCK_ENDPOINT_FILE}`]: { body: JSON.stringify({ endpoint: mock.url }), type: 'application/json' },
    },
  });
  browser = await launchChromium();
  ({ page, leaked } = await openWatchedPage(browser));
  toMock = [];
  page.on('request', (request) => {
    if (request.url().startsWith(mock.url)) toMock.push(`${request.method()} ${request.url()}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await mock?.close();
});

beforeEach(() => {
  toMock.length = 0;
});

describe('every operation of every service has its console', () => {
  it.each(services.map((service) => [service.entry.name] as const))('%s', async (name) => {
    const { service, model } = modelOf(name);
    await page.goto('about:blank');
    await page.goto(`${server.url}${service.link}`);
    // As a reader would, in the page: follow each deep link, press its "Try" button, read the request
    // line the panel shows, close the panel.
    const shown = await page.evaluate(
      async (operations) => {
        const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
        const byTestId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
        const lines: string[] = [];
        for (const { hash, action } of operations) {
          window.location.hash = hash;
          const started = performance.now();
          let launcher = byTestId(`try-it-${action}`);
          while ((!launcher || launcher.hidden) && performance.now() - started < 2_000) {
            await frame();
            launcher = byTestId(`try-it-${action}`);
          }
          if (!launcher || launcher.hidden) {
            lines.push(`no visible try-it-${action}`);
            continue;
          }
          launcher.click();
          lines.push(byTestId('try-it-line')?.textContent ?? '');
          byTestId('try-it-close')?.click();
        }
        return lines;
      },
      model.operations.map((operation) => ({ hash: `#/${sectionOf(operation)}`, action: operation.action })),
    );
    expect(shown).toEqual(model.operations.map((operation) => `${operation.method} ${operation.pathKey}`));
    expect(shown).toHaveLength(model.operations.length);
  });
});

describe('sending from the page to the mock', () => {
  it('signs OpenDeleteResource in the browser and shows the request, status, RequestId and Result', async () => {
    const { operation } = find('vms', 'OpenDeleteResource');
    await openConsole('vms', 'OpenDeleteResource');
    await expect(page.getByTestId('try-it-body').inputValue().then(JSON.parse)).resolves.toEqual(
      operation.requestExample,
    );
    await sendWith(MOCK_CREDENTIALS);
    await expect(page.getByTestId('try-it-status').textContent()).resolves.toMatch(/^HTTP 200/);
    // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees is the point
    const request = await page.getByTestId('try-it-request').innerText();
    expect(request).toContain(`POST ${mock.url}${operation.pathKey}`);
    expect(request).toMatch(/^X-Content-Sha256: [0-9a-f]{64}$/m);
    expect(request).toMatch(
      new RegExp(
        `^Authorization: HMAC-SHA256 Credential=${MOCK_CREDENTIALS.accessKeyId}/\\d{8}/cn-beijing/vms/request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$`,
        'm',
      ),
    );
    expect(request).not.toContain(MOCK_CREDENTIALS.secretAccessKey);
    await expect(page.getByTestId('try-it-request-id').textContent()).resolves.toMatch(/\S/);
    await expect(
      page
        .getByTestId('try-it-response-body')
        .textContent()
        .then((text) => JSON.parse(text ?? '')),
    ).resolves.toHaveProperty('Result');
    expect(toMock.filter((line) => line.startsWith('POST '))).toEqual([
      `POST ${mock.url}${operation.pathKey}`,
    ]);
    await page.screenshot({ path: `${SCREENSHOTS}console-vms-OpenDeleteResource.png` });
  });

  it('shows SignatureDoesNotMatch with its RequestId for a wrong secret, linked to its error-table row', async () => {
    await openConsole('vms', 'OpenDeleteResource');
    await sendWith({ accessKeyId: MOCK_CREDENTIALS.accessKeyId, secretAccessKey: WRONG_SECRET });
    await expect(page.getByTestId('try-it-error-code').textContent()).resolves.toBe('SignatureDoesNotMatch');
    await expect(page.getByTestId('try-it-request-id').textContent()).resolves.toMatch(/\S/);
    expect(await responseText()).not.toContain(WRONG_SECRET);
    await page.getByTestId('try-it-error-code').click();
    // Redoc draws the operation (seconds after load), then the row of the code is marked and scrolled to.
    const row = page.locator('tr[data-console-highlight]');
    await row.waitFor({ timeout: 30_000 });
    await expect(row.locator('td').first().textContent()).resolves.toBe('SignatureDoesNotMatch');
  });

  it('names the failing field of an invalid body and sends nothing', async () => {
    await openConsole('vms', 'OpenDeleteResource');
    await page.getByTestId('try-it-body').fill(JSON.stringify({ ResourceKey: 42 }));
    await page.getByTestId('try-it-access-key').fill(MOCK_CREDENTIALS.accessKeyId);
    await page.getByTestId('try-it-secret-key').fill(MOCK_CREDENTIALS.secretAccessKey);
    await page.getByTestId('try-it-send').click();
    await expect(page.getByTestId('try-it-validation').textContent()).resolves.toMatch(
      /ResourceKey must be string/,
    );
    await page.getByTestId('try-it-body').fill('{}');
    await page.getByTestId('try-it-send').click();
    await expect(page.getByTestId('try-it-validation').textContent()).resolves.toMatch(
      /ResourceKey is required/,
    );
    await expect(page.getByTestId('try-it-response').textContent()).resolves.toBe('');
    expect(toMock.filter((line) => !line.endsWith(`/${MOCK_ENDPOINT_FILE}`))).toEqual([]);
  });

  it('sends an Action declared unsigned (STS AssumeRoleWithOIDC) without keys', async () => {
    const { operation } = find('sts', 'AssumeRoleWithOIDC');
    expect(operation.signed).toBe(false);
    await openConsole('sts', 'AssumeRoleWithOIDC');
    await expect(page.getByTestId('try-it-secret-key').isVisible()).resolves.toBe(false);
    await page.getByTestId('try-it-send').click();
    await expect(page.getByTestId('try-it-status').textContent()).resolves.toMatch(/^HTTP 200/);
    // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees is the point
    const request = await page.getByTestId('try-it-request').innerText();
    expect(request).toContain('Content-Type: application/x-www-form-urlencoded');
    expect(request).not.toContain('Authorization');
  });

  it('copies a signed POST as a curl command that the mock accepts, without the secret', async () => {
    await openConsole('vms', 'OpenDeleteResource');
    await page.getByTestId('try-it-access-key').fill(MOCK_CREDENTIALS.accessKeyId);
    await page.getByTestId('try-it-secret-key').fill(MOCK_CREDENTIALS.secretAccessKey);
    await page.getByTestId('try-it-curl').click();
    const command = await page.getByTestId('try-it-curl-command').textContent();
    expect(command).toMatch(/-H 'Authorization: HMAC-SHA256 /);
    expect(command).not.toContain(MOCK_CREDENTIALS.secretAccessKey);
    await expect(run(command ?? '')).resolves.toHaveProperty('Result');
  });

  it('copies a signed GET as a presigned URL that the mock accepts', async () => {
    const { model } = modelOf('sms');
    const get = model.operations.find((operation) => operation.method === 'GET' && operation.signed);
    if (!get) throw new Error('sms has no signed GET Action');
    await openConsole('sms', get.action);
    await page.getByTestId('try-it-access-key').fill(MOCK_CREDENTIALS.accessKeyId);
    await page.getByTestId('try-it-secret-key').fill(MOCK_CREDENTIALS.secretAccessKey);
    await page.getByTestId('try-it-curl').click();
    const command = (await page.getByTestId('try-it-curl-command').textContent()) ?? '';
    expect(command).toMatch(/^curl 'http:\/\/127\.0\.0\.1:\d+\/\?Action=.*X-Signature=[0-9a-f]{64}.*'$/);
    expect(command).not.toContain(MOCK_CREDENTIALS.secretAccessKey);
    await expect(run(command ?? '')).resolves.toHaveProperty('Result');
  });
});

describe('the console while Redoc starts', () => {
  it('opens and sends as soon as the preview is painted, before Redoc has drawn the operation, and still works after', async () => {
    const { service, operation } = find('vms', 'OpenDeleteResource');
    const drawnByRedoc = page.locator(`[id="${sectionOf(operation)}"]`);
    const preview = page.locator(`#${PREVIEW_PANEL_ID}`);
    await page.goto('about:blank');
    await page.goto(`${server.url}${service.link}#/${sectionOf(operation)}`, { waitUntil: 'commit' });
    await preview.waitFor();
    await page.getByTestId(`try-it-${operation.action}`).click();
    await expect.poll(() => page.getByTestId('try-it-endpoint').inputValue()).toBe(mock.url);
    await sendWith(MOCK_CREDENTIALS);
    await expect(page.getByTestId('try-it-status').textContent()).resolves.toMatch(/^HTTP 200/);
    const firstRequestId = await page.getByTestId('try-it-request-id').textContent();
    // All of it before Redoc had drawn the operation: the preview still stands for it.
    await expect(drawnByRedoc.count()).resolves.toBe(0);
    await expect(preview.isVisible()).resolves.toBe(true);

    // Once the reader pauses, Redoc starts and draws the operation beside the panel, which still works.
    await drawnByRedoc.waitFor({ state: 'visible', timeout: 30_000 });
    await preview.waitFor({ state: 'detached' });
    await expect(page.getByTestId('try-it-send').isVisible()).resolves.toBe(true);
    await page.getByTestId('try-it-send').click();
    await expect
      .poll(() => page.getByTestId('try-it-request-id').textContent(), { timeout: 10_000 })
      .not.toBe(firstRequestId);
    await expect(page.getByTestId('try-it-status').textContent()).resolves.toMatch(/^HTTP 200/);
    expect(toMock.filter((line) => line.startsWith('POST '))).toEqual([
      `POST ${mock.url}${operation.pathKey}`,
      `POST ${mock.url}${operation.pathKey}`,
    ]);
  });
});

describe('the keys stay in the password field', () => {
  it('leaves the secret nowhere after a send (storage, cookie, URL, page text, attributes), and Clear empties the fields', async () => {
    await openConsole('vms', 'OpenDeleteResource');
    await sendWith({ accessKeyId: MOCK_CREDENTIALS.accessKeyId, secretAccessKey: WRONG_SECRET });
    await page.getByTestId('try-it-curl').click();
    await page.getByTestId('try-it-curl-command').waitFor();
    const traces = await page.evaluate(() => {
      const stored = (storage: Storage) =>
        Array.from({ length: storage.length }, (_, index) => {
          const key = storage.key(index) ?? '';
          return `${key}=${storage.getItem(key)}`;
        }).join('\n');
      return {
        localStorage: stored(localStorage),
        sessionStorage: stored(sessionStorage),
        cookie: document.cookie,
        url: location.href,
        // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees is the point
        text: document.body.innerText,
        markup: document.documentElement.outerHTML,
        otherInputs: [...document.querySelectorAll('input, textarea')]
          .filter((input) => input.getAttribute('data-testid') !== 'try-it-secret-key')
          .map((input) => (input as HTMLInputElement).value)
          .join('\n'),
      };
    });
    for (const [where, text] of Object.entries(traces)) expect(text, where).not.toContain(WRONG_SECRET);
    await expect(page.getByTestId('try-it-secret-key').inputValue()).resolves.toBe(WRONG_SECRET);
    await page.getByTestId('try-it-clear').click();
    await expect(page.getByTestId('try-it-secret-key').inputValue()).resolves.toBe('');
    await expect(page.getByTestId('try-it-access-key').inputValue()).resolves.toBe('');
  });
});

describe('requests off the machine', () => {
  it('sends to an endpoint the reader chose, and nothing else leaves 127.0.0.1', async () => {
    const { model } = modelOf('vms');
    expect(leaked()).toEqual([]);
    const chosen = new URL(model.endpoint);
    // The real endpoint is answered inside the browser: the test never reaches the Internet.
    await page.route(`${chosen.origin}/**`, (route) =>
      route.fulfill({
        status: 200,
        headers: { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*' },
        contentType: 'application/json',
        body: JSON.stringify({ ResponseMetadata: { RequestId: 'chosen-endpoint-answer' }, Result: {} }),
      }),
    );
    await openConsole('vms', 'OpenDeleteResource');
    await page.getByTestId('try-it-endpoint').fill(model.endpoint);
    await sendWith(MOCK_CREDENTIALS);
    await expect(page.getByTestId('try-it-request-id').textContent()).resolves.toBe('chosen-endpoint-answer');
    expect(new Set(leaked().map((url) => new URL(url).origin))).toEqual(new Set([chosen.origin]));
    expect(leaked().every((url) => url.startsWith(`${chosen.origin}/?Action=OpenDeleteResource&`))).toBe(
      true,
    );
    await page.unroute(`${chosen.origin}/**`);
  });
});

describe('screenshots', () => {
  it.each(services.map((service) => [service.entry.name] as const))(
    'one operation of %s, drawn by Redoc with its Chinese title, and its console',
    async (name) => {
      const { model } = modelOf(name);
      const operation = model.operations.find((candidate) => candidate.titleZh) ?? model.operations[0];
      if (!operation) throw new Error(`${name} has no operation`);
      const { service } = modelOf(name);
      await page.goto('about:blank');
      await page.goto(`${server.url}${service.link}#/${sectionOf(operation)}`);
      const section = page.locator(`[id="${sectionOf(operation)}"]`);
      await section
        .getByText(operation.titleZh ?? operation.summary)
        .first()
        .waitFor({ timeout: 30_000 });
      await page.getByTestId(`try-it-${operation.action}`).click();
      await page.screenshot({ path: `${SCREENSHOTS}operation-${name}-${operation.action}.png` });
    },
    60_000,
  );
});
