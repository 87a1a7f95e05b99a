// The built docs site, opened in a real headless Chromium from a server on 127.0.0.1.
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type Browser,
  launchChromium,
  type Page,
  type StaticServer,
  serveDirectory,
} from '@volc-openapi/test-browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const SCREENSHOTS = here('../test-results/screenshots/');

interface DocsOperation {
  operationId: string;
  method: string;
  path: string;
  tag: string;
  summary: string;
  samples: { lang: string; label: string; source: string }[];
}

/** The operations as the spec the site was built from states them, not as the page shows them. */
function specOperations(): DocsOperation[] {
  const spec = JSON.parse(readFileSync(here('../generated/openapi.docs.json'), 'utf8'));
  return Object.entries(spec.paths as Record<string, Record<string, Record<string, unknown>>>).flatMap(
    ([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        operationId: String(operation.operationId),
        method: method.toUpperCase(),
        path,
        tag: String((operation.tags as string[])[0]),
        summary: String(operation.summary),
        samples: operation['x-codeSamples'] as DocsOperation['samples'],
      })),
  );
}

const operations = specOperations();

/** Whitespace-free text, so layout line breaks do not matter when comparing. */
const squash = (text: string) => text.replace(/\s+/g, '');

/** Opens an operation's deep link and returns the text of its section. */
async function operationSection(operation: DocsOperation): Promise<string> {
  await page.goto(`${server.url}#/${operation.tag}/${operation.operationId.toLowerCase()}`);
  const section = page.locator(`[id="${operation.tag}/${operation.operationId.toLowerCase()}"]`);
  await section.waitFor();
  await section.scrollIntoViewIfNeeded();
  // innerText, not textContent: what the reader sees, without hidden nodes.
  // biome-ignore lint/performance/useDomNodeTextContent: rendered text is the point of this check
  return squash(await section.innerText());
}
let server: StaticServer;
let browser: Browser;
let page: Page;
const offMachine: string[] = [];
const blockedInPage: string[] = [];

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await serveDirectory(here('../dist/'));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('request', (request) => {
    const { protocol, hostname } = new URL(request.url());
    if ((protocol === 'http:' || protocol === 'https:') && hostname !== '127.0.0.1')
      offMachine.push(request.url());
  });
  // Requests the page's Content-Security-Policy stops inside the renderer never reach the network.
  page.on('requestfailed', (request) => {
    if (request.failure()?.errorText === 'csp') blockedInPage.push(request.url());
  });
  await page.goto(server.url);
  await page
    .getByRole('heading', { name: /Volcengine VMS API/ })
    .first()
    .waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('docs site', () => {
  it('opens on the landing section and saves a screenshot', async () => {
    await expect(page.getByText('One endpoint, many actions').first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}landing.png` });
  });

  it('renders every operation of the spec, at its deep link, with its request line and code samples', async () => {
    const rendered: string[] = [];
    for (const operation of operations) {
      const text = await operationSection(operation);
      const curl = operation.samples.find((sample) => sample.lang === 'curl');
      const curlLine = squash(curl?.source.split('\n')[0] ?? 'no curl sample in the spec');
      if (text.includes(squash(`${operation.method}${operation.path}`)) && text.includes(curlLine)) {
        rendered.push(operation.operationId);
      }
    }
    expect(rendered).toEqual(operations.map((operation) => operation.operationId));
    const last = operations.at(-1);
    if (last) await page.screenshot({ path: `${SCREENSHOTS}operation-${last.operationId}.png` });
  });

  it('makes no request off the machine', () => {
    const leaked = offMachine.filter((url) => !blockedInPage.includes(url));
    expect(leaked).toEqual([]);
  });
});
