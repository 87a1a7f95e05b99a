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
import { MOCK_ENDPOINT_FILE } from '../console/ids.ts';
import { LOCAL_MOCK_ID } from '../scripts/local-mock.ts';
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
  it("shows the local mock's URL only where one is published next to it, as `pnpm start` does", async () => {
    const answered = page.waitForResponse((response) => response.url().endsWith(`/${MOCK_ENDPOINT_FILE}`));
    await page.goto(server.url);
    expect((await answered).status()).toBe(404);
    await expect(page.getByTestId(LOCAL_MOCK_ID).isHidden()).resolves.toBe(true);

    const endpoint = 'http://127.0.0.1:4010';
    const withMock = await serveDirectory(here('../dist/'), {
      routes: {
        [`/${MOCK_ENDPOINT_FILE}`]: { body: JSON.stringify({ endpoint }), type: 'application/json' },
      },
    });
    try {
      await page.goto(withMock.url);
      await page.getByTestId(LOCAL_MOCK_ID).waitFor();
      await expect(page.getByTestId(LOCAL_MOCK_ID).locator('code').first().textContent()).resolves.toBe(
        endpoint,
      );
    } finally {
      await withMock.close();
    }
  });

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

  it('renders the Chinese names with a CJK font (Debian fonts-noto-cjk), not as empty boxes', async () => {
    await page.goto(server.url);
    const cell = page.locator('#services td[lang="zh"]').first();
    await cell.waitFor();
    // Chromium reports the fonts it actually drew a node's text with.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', {
      nodeId: root.nodeId,
      selector: '#services td[lang="zh"]',
    });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    expect(fonts.map((font) => font.familyName).join(', ')).toMatch(/CJK/);
    await cdp.detach();
  });

  describe('search across services', () => {
    const all = services.flatMap((service) =>
      loadService(service.bundle).operations.map((operation) => ({ service, operation })),
    );
    const results = () => page.getByTestId('site-search-results').locator('li a');
    const search = async (query: string) => {
      await page.goto(server.url);
      await page.getByTestId('site-search').fill(query);
    };

    it('finds an Action by name and deep-links to its operation', async () => {
      const { service, operation } =
        all.find(({ operation }) => operation.action === 'OpenDeleteResource') ?? {};
      if (!service || !operation) throw new Error('no OpenDeleteResource');
      await search(operation.action.toLowerCase());
      await expect(results().first().textContent()).resolves.toBe(operation.action);
      await results().first().click();
      const section = `${operation.tags[0]}/${operation.operationId.toLowerCase()}`;
      await page.waitForURL(`${server.url}${service.link}#/${section}`);
      // The preview (at once) or Redoc (later) shows the operation's request line.
      await page
        .locator(`#rpc-preview, [id="${section}"]`)
        .getByText(`${operation.method} ${operation.pathKey}`)
        .first()
        .waitFor();
    });

    it.each(services.map((service) => [service.entry.name, service] as const))(
      'finds an Action of %s by its Chinese title and by a parameter name',
      async (_, service) => {
        const own = all.filter((candidate) => candidate.service === service);
        const titled = own.find(({ operation }) => operation.titleZh);
        if (!titled?.operation.titleZh) throw new Error(`${service.entry.name} has no Chinese title`);
        await search(titled.operation.titleZh);
        await expect(results().allTextContents()).resolves.toContain(titled.operation.action);
        // A parameter name that only one Action of all services has, so the hit is unambiguous.
        const names = all.flatMap(({ operation }) => [
          ...new Set([...operation.query, ...(operation.body?.fields ?? [])].map((field) => field.name)),
        ]);
        const unique = own.flatMap(({ operation }) =>
          [...operation.query, ...(operation.body?.fields ?? [])]
            .filter((field) => names.filter((name) => name === field.name).length === 1)
            .map((field) => ({ operation, parameter: field.name })),
        )[0];
        if (!unique) throw new Error(`${service.entry.name} has no parameter name of its own`);
        await search(unique.parameter);
        await expect(results().allTextContents()).resolves.toEqual([unique.operation.action]);
        await expect(page.getByTestId('site-search-results').textContent()).resolves.toContain(
          `parameter ${unique.parameter}`,
        );
      },
    );
  });

  it('makes no request off the machine (CSP-blocked ones never leave the page)', () => {
    expect(leaked()).toEqual([]);
  });
});
