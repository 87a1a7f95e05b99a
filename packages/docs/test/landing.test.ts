// The landing page and every service's page in headless Chromium, from a server on 127.0.0.1: the
// landing page lists the built services, each link opens that service's reference, and every operation
// of the service is reachable there at its deep link. (VMS's operations are walked through in depth by
// site.test.ts; here every other service gets the same count check.)
import { mkdirSync } from 'node:fs';
import { loadService } from '@volc-openapi/spec-model';
import {
  type Browser,
  launchChromium,
  openWatchedPage,
  type Page,
  type StaticServer,
  serveDirectory,
} from '@volc-openapi/test-browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docsSpecOf, here, operationsOf, services, squash, VMS } from './docs-spec.ts';

const SCREENSHOTS = here('../test-results/screenshots/');

let server: StaticServer;
let browser: Browser;
let page: Page;
let leaked: () => string[];

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await serveDirectory(here('../dist/'));
  browser = await launchChromium();
  ({ page, leaked } = await openWatchedPage(browser));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('landing page', () => {
  it('lists every built service with its facts and Action count', async () => {
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const rows = page.locator('#services tbody tr');
    await expect(rows.count()).resolves.toBe(services.length);
    for (const [index, service] of services.entries()) {
      const model = loadService(service.bundle);
      // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees is the point
      const text = await rows.nth(index).innerText();
      for (const piece of [
        service.entry.title,
        service.entry.titleZh,
        model.endpoint,
        model.signing.service,
        ...new Set(model.operations.map((operation) => operation.version)),
      ])
        expect(text, service.entry.name).toContain(piece);
      await expect(rows.nth(index).locator('td.actions').textContent()).resolves.toBe(
        String(model.operations.length),
      );
    }
    await page.screenshot({ path: `${SCREENSHOTS}services.png` });
  });

  it.each(services.map((service) => [service.entry.name, service] as const))(
    'links to the reference of %s, which has every operation of its spec',
    async (_, service) => {
      await page.goto(server.url);
      await page.getByRole('link', { name: service.entry.title, exact: true }).click();
      await page.waitForURL(`${server.url}${service.link}`);
      const docsSpec = docsSpecOf(service);
      await page
        .getByRole('heading', { name: String((docsSpec.info as { title: string }).title) })
        .first()
        .waitFor();
      const operations = operationsOf(docsSpec);
      expect(operations).toHaveLength(loadService(service.bundle).operations.length);
      if (service !== VMS) {
        // Every operation at its deep link: Redoc shows its section with the request line.
        const missing = await page.evaluate(
          async (targets) => {
            const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
            const missing: string[] = [];
            for (const { link, id, line } of targets) {
              window.location.hash = link;
              const started = performance.now();
              for (;;) {
                await frame();
                // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees is the point
                const text = (document.getElementById(id)?.innerText ?? '').replace(/\s+/g, '');
                if (text.includes(line)) break;
                if (performance.now() - started > 10_000) {
                  missing.push(id);
                  break;
                }
              }
            }
            return missing;
          },
          operations.map((operation) => ({
            link: operation.link,
            id: operation.sectionId,
            line: squash(`${operation.method}${operation.path}`),
          })),
        );
        expect(missing).toEqual([]);
      }
      await page.screenshot({ path: `${SCREENSHOTS}service-${service.entry.name}.png` });
    },
    // Redoc renders each operation once: about 0.5 s each on a 2-CPU machine.
    Math.max(120_000, ...services.map((service) => service.actions * 3_000)),
  );

  it('makes no request off the machine (CSP-blocked ones never leave the page)', () => {
    expect(leaked()).toEqual([]);
  });
});
