// The operation previews of the built site, in headless Chromium: a deep link shows its operation
// before Redoc has started, and Redoc's own rendering replaces the preview once it is drawn. "Before
// Redoc" is made deterministic by serving the same page with Redoc's module (kept as text for the
// console bundle to start, scripts/redoc.ts) left out.
import { readFileSync } from 'node:fs';
import {
  type Browser,
  launchChromium,
  type Page,
  type StaticServer,
  serveDirectory,
} from '@volc-openapi/test-browser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REDOC_MODULE_ID } from '../console/ids.ts';
import { PREVIEW_PANEL_ID } from '../scripts/site.ts';
import { docsSpec, here, operationsOf, type SiteOperation, squash, VMS } from './docs-spec.ts';

const SCREENSHOTS = here('../test-results/screenshots/');
const operations = operationsOf(docsSpec);
const site = readFileSync(`${VMS.distDir}/index.html`, 'utf8');
/** The site without Redoc: the one element that holds Redoc's module, the bundle and the hydrate call. */
const redocModule = new RegExp(`<script type="text/plain" id="${REDOC_MODULE_ID}">[\\s\\S]*?</script>`);
const withoutRedoc = site.replace(redocModule, '');

/** A few operations that cover the shapes a preview has: JSON body, query GET, deprecated, HTTP-200 codes. */
const covered: SiteOperation[] = [
  operations[0] as SiteOperation,
  operations.find((operation) => operation.method === 'GET' && operation.parameters.length > 1),
  operations.find((operation) => operation.deprecated && operation.replacedBy),
  operations.toSorted((a, b) => b.errorCodes - a.errorCodes)[0],
].filter((operation): operation is SiteOperation => operation !== undefined);

let server: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await serveDirectory(here('../dist/'), {
    routes: {
      [`/${VMS.entry.name}/without-redoc.html`]: { body: withoutRedoc, type: 'text/html; charset=utf-8' },
    },
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.setDefaultTimeout(20_000);
});
afterEach(async () => {
  await page.close();
});

/** What the preview panel shows, whitespace removed; undefined when the page has none. */
const previewText = () =>
  page.evaluate((panelId) => {
    const panel = document.getElementById(panelId);
    // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees is the point
    return panel && !panel.hidden ? panel.innerText.replace(/\s+/g, '') : undefined;
  }, PREVIEW_PANEL_ID);

describe('operation previews', () => {
  it('the page without Redoc really has no Redoc', () => {
    expect(site).toMatch(redocModule);
    expect(site).not.toContain('<script type="module">');
    expect(withoutRedoc).not.toMatch(redocModule);
    expect(withoutRedoc.length).toBeLessThan(site.length / 2);
  });

  it.each(covered.map((operation) => [operation.operationId, operation] as const))(
    'a deep link to %s shows its request line, facts, fields and error codes before Redoc runs',
    async (_, operation) => {
      await page.goto(`${server.url}${VMS.entry.name}/without-redoc.html${operation.link}`);
      const text = (await previewText()) ?? '';
      expect(text).toContain(squash(`${operation.method} ${operation.path}`));
      expect(text).toContain(squash(operation.summary));
      if (operation.titleZh) expect(text).toContain(squash(operation.titleZh));
      for (const name of operation.parameters) expect(text).toContain(name);
      if (operation.replacedBy) expect(text).toContain(`Deprecated.Use${operation.replacedBy}instead.`);
      const errorRows = await page
        .locator(`#${PREVIEW_PANEL_ID} h2:text("Error codes") + table tbody tr`)
        .count();
      expect(errorRows).toBe(operation.errorCodes);
      // Over the content column, not under it: the top-left of the panel is the panel itself.
      const onTop = await page.evaluate((panelId) => {
        const box = document.getElementById(panelId)?.getBoundingClientRect();
        return box
          ? document.elementFromPoint(box.left + 40, box.top + 40)?.closest(`#${panelId}`) !== null
          : false;
      }, PREVIEW_PANEL_ID);
      expect(onTop).toBe(true);
      if (operation === covered[0]) await page.screenshot({ path: `${SCREENSHOTS}operation-preview.png` });
    },
  );

  it('shows no preview on the landing page or a guide page', async () => {
    for (const link of ['', '#/signing', '#/no-such/operation']) {
      await page.goto(`${server.url}${VMS.entry.name}/without-redoc.html${link}`);
      await expect(page.locator(`#${PREVIEW_PANEL_ID}`).count()).resolves.toBe(0);
    }
  });

  it('goes away when the reader follows another link before Redoc has started', async () => {
    const [first, second] = operations as [SiteOperation, SiteOperation];
    await page.goto(`${server.url}${VMS.entry.name}/without-redoc.html${first.link}`);
    expect(await previewText()).toContain(squash(first.summary));
    await page.evaluate((link) => {
      window.location.hash = link;
    }, second.link);
    await page.locator(`#${PREVIEW_PANEL_ID}`).waitFor({ state: 'detached' });
  });

  it('follows a navigation link clicked before Redoc has started by hash, where Redoc then shows it', async () => {
    const operation = operations[0] as SiteOperation;
    await page.goto(`${server.url}${VMS.link}${operation.link}`);
    // At an operation, Redoc waits for the reader to pause: its module is still text.
    await expect(page.locator(`#${REDOC_MODULE_ID}`).count()).resolves.toBe(1);
    // Prerendered, the link is a path (`/quick-start`) that the static site does not serve.
    await page.locator('#redoc a[href="/quick-start"]').first().click();
    expect(new URL(page.url()).hash).toBe('#/quick-start');
    const quickStart = page.locator('[data-section-id="/quick-start"]').first();
    await quickStart.getByText('Quick start', { exact: true }).first().waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).pathname).toBe(`/${VMS.link}`);
  });

  it('is shown first on the real site, then replaced by Redoc drawing the same operation', async () => {
    const operation = covered[1] ?? (operations[0] as SiteOperation);
    const line = squash(`${operation.method} ${operation.path}`);
    await page.goto(`${server.url}${VMS.link}${operation.link}`, { waitUntil: 'commit' });
    const shown = await page.waitForFunction(
      ({ line, panelId }) => {
        const panel = document.getElementById(panelId);
        // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees is the point
        return panel && !panel.hidden && panel.innerText.replace(/\s+/g, '').includes(line);
      },
      { line, panelId: PREVIEW_PANEL_ID },
      { polling: 'raf' },
    );
    expect(await shown.jsonValue()).toBe(true);
    const section = page.locator(`[id="${operation.sectionId}"]`);
    await section.waitFor({ state: 'visible' });
    await page.locator(`#${PREVIEW_PANEL_ID}`).waitFor({ state: 'detached' });
    // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees is the point
    expect(squash(await section.innerText())).toContain(line);
    await expect(page.locator(`[id="${operation.sectionId}"]`).count()).resolves.toBe(1);
  });
});
