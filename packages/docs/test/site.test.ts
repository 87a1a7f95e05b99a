// The built docs site, opened in a real headless Chromium from a server on 127.0.0.1. One page is
// reused throughout: operations are reached by their deep links (hash routes), as a reader would.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import {
  type Browser,
  launchChromium,
  openWatchedPage,
  type Page,
  type StaticServer,
  serveDirectory,
} from '@volc-openapi/test-browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docsSpec, guideTag, here, operationsOf, type SiteOperation, squash, VMS } from './docs-spec.ts';

const SCREENSHOTS = here('../test-results/screenshots/');
const operations = operationsOf(docsSpec);
const tags = [...new Set(operations.map((operation) => operation.tag))];
const SAMPLE_LABELS = [
  ...new Set(operations.flatMap((operation) => operation.samples.map((sample) => sample.label))),
];
const [TYPESCRIPT, ...OTHER_LABELS] = SAMPLE_LABELS as [string, ...string[]];

let server: StaticServer;
let browser: Browser;
let page: Page;
let leaked: () => string[];

interface Visit {
  /** The section's visible text (innerText), whitespace removed. */
  text: string;
  /** The label the sample selector shows and the visible code, whitespace removed. */
  sample?: { label: string; code: string };
}

/**
 * Follows an operation's deep link in the open page and waits, inside the page, until its section is
 * rendered (Redoc fills a section in after showing it) with every `want` text and a code sample
 * containing `snippet` (the TypeScript one unless told); gives up after 10 s and returns what it saw.
 */
async function visit(
  operation: SiteOperation,
  want: string[] = [`${operation.method}${operation.path}`],
  snippet = expectedSnippet(operation, TYPESCRIPT),
): Promise<Visit> {
  return page.evaluate(
    async ({ link, id, want, labels, snippet }) => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const squashed = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, '');
      const sampleOf = (section: HTMLElement) => {
        const button = [
          ...section.querySelectorAll('[data-component-name="Dropdown/Dropdown"] > button'),
        ].find((candidate) => labels.includes(candidate.textContent ?? ''));
        const panel = button?.closest('[data-component-name="Panel/Panel"]');
        const code = panel?.querySelector(
          '[data-component-name="CodeBlock/CodeBlock"]',
        ) as HTMLElement | null;
        if (!button || !code) return undefined;
        // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees is the point
        return { label: button.textContent ?? '', code: squashed(code.innerText) };
      };
      window.location.hash = link;
      const started = performance.now();
      for (;;) {
        await frame();
        const section = document.getElementById(id);
        // textContent is cheap to poll; innerText (what is on screen, after layout) only once that is there.
        // Redoc renders neighbouring sections ahead of time, with no visible text until shown.
        const content = squashed(section?.textContent);
        const code = squashed(
          section?.querySelector('[data-component-name="CodeBlock/CodeBlock"]')?.textContent,
        );
        const present = want.every((piece) => content.includes(piece)) && code.includes(snippet);
        // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees is the point
        const text = section && present ? squashed(section.innerText) : '';
        const sample = section && present ? sampleOf(section) : undefined;
        const shown = want.every((piece) => text.includes(piece)) && sample?.code.includes(snippet);
        if (section && (shown || performance.now() - started > 10_000)) {
          // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees is the point
          return { text: text || squashed(section.innerText), sample: sample ?? sampleOf(section) };
        }
      }
    },
    {
      link: operation.link,
      id: operation.sectionId,
      want: want.map(squash),
      labels: SAMPLE_LABELS,
      snippet: squash(snippet),
    },
  );
}

/**
 * Waits until an operation's code sample panel shows `label` and code containing `snippet`, scrolling
 * the section into view first (Redoc renders samples only near the viewport). Returns what it saw last.
 */
async function sampleShows(
  operation: SiteOperation,
  label: string,
  snippet: string,
): Promise<string | undefined> {
  const read = (args: { id: string; labels: string[]; scroll: boolean }) => {
    const section = document.getElementById(args.id);
    if (args.scroll) section?.scrollIntoView();
    const button = [
      ...(section?.querySelectorAll('[data-component-name="Dropdown/Dropdown"] > button') ?? []),
    ].find((candidate) => args.labels.includes(candidate.textContent ?? ''));
    const panel = button?.closest('[data-component-name="Panel/Panel"]');
    const code = panel?.querySelector('[data-component-name="CodeBlock/CodeBlock"]') as HTMLElement | null;
    if (!button || !code) return undefined;
    // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees is the point
    return { label: button.textContent ?? '', code: code.innerText.replace(/\s+/g, '') };
  };
  const args = { id: operation.sectionId, labels: SAMPLE_LABELS, scroll: true };
  const want = squash(snippet);
  const deadline = Date.now() + 10_000;
  let seen = await page.evaluate(read, args);
  while (!(seen?.label === label && seen.code.includes(want)) && Date.now() < deadline) {
    await page.waitForTimeout(50);
    seen = await page.evaluate(read, { ...args, scroll: false });
  }
  return seen?.label === label && seen.code.includes(want)
    ? undefined
    : `${seen?.label}: ${seen?.code.slice(0, 80)}`;
}

/** Picks a sample language with the selector of one section; Redoc applies the choice to every sample. */
async function chooseSample(operation: SiteOperation, label: string): Promise<void> {
  await page.evaluate(
    async ({ id, labels, label }) => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const section = document.getElementById(id);
      const button = [
        ...(section?.querySelectorAll('[data-component-name="Dropdown/Dropdown"] > button') ?? []),
      ].find((candidate) => labels.includes(candidate.textContent ?? '')) as HTMLElement | undefined;
      if (!button) throw new Error(`no sample selector in ${id}`);
      button.click();
      let item: HTMLElement | undefined;
      for (let tries = 0; tries < 300 && !item; tries++) {
        await frame();
        item = [...document.querySelectorAll<HTMLElement>('[role="menuitem"]')].find(
          (candidate) => candidate.textContent?.trim() === label,
        );
      }
      if (!item) throw new Error(`the sample selector of ${id} offers no "${label}"`);
      item.click();
    },
    { id: operation.sectionId, labels: SAMPLE_LABELS, label },
  );
  await page.waitForFunction(
    ({ id, labels, label }) =>
      [
        ...(document
          .getElementById(id)
          ?.querySelectorAll('[data-component-name="Dropdown/Dropdown"] > button') ?? []),
      ].some((button) => labels.includes(button.textContent ?? '') && button.textContent === label),
    { id: operation.sectionId, labels: SAMPLE_LABELS, label },
  );
}

/** What a sample of each kind must show for an operation, from the spec the site was built from. */
function expectedSnippet(operation: SiteOperation, label: string): string {
  const sample = operation.samples.find((candidate) => candidate.label === label);
  if (!sample) return `no ${label} sample in the spec`;
  if (sample.lang === 'curl') return /Signature=[0-9a-f]{64}/.exec(sample.source)?.[0] ?? sample.source;
  if (label === TYPESCRIPT) return `.${operation.operationId}(`;
  return `.raw.${operation.method}('${operation.path}'`;
}

/** Opens search, types a query and returns the deep links of the results. */
async function search(query: string): Promise<string[]> {
  const input = page.locator('input[placeholder="Search docs..."]');
  if (!(await input.isVisible())) await page.getByTestId('search-trigger').click();
  const results = page.locator('a[data-component-name="Search/SearchItem"]');
  // Clear first, so the results read below cannot be those of the previous query.
  await input.fill('');
  await results.first().waitFor({ state: 'detached' });
  await input.fill(query);
  await results.first().waitFor();
  return results.evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
}

/** Clicks the search result that leads to an operation and checks the page lands on it. */
async function landFromSearch(operation: SiteOperation): Promise<void> {
  await page.locator(`a[data-component-name="Search/SearchItem"][href^="${operation.link}"]`).first().click();
  await page.locator(`[id="${operation.sectionId}"]`).waitFor({ state: 'visible' });
  expect(new URL(page.url()).hash.startsWith(operation.link)).toBe(true);
}

beforeAll(async () => {
  // Only this file's own screenshots: the other test files write theirs into the same folder meanwhile.
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const file of readdirSync(SCREENSHOTS))
    if (/^(landing|signing|operation-(?!preview\.).*)\.png$/.test(file)) rmSync(`${SCREENSHOTS}${file}`);
  server = await serveDirectory(here('../dist/'));
  browser = await launchChromium();
  ({ page, leaked } = await openWatchedPage(browser));
  await page.goto(`${server.url}${VMS.link}`);
  await page
    .getByRole('heading', { name: String((docsSpec.info as { title: string }).title) })
    .first()
    .waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('docs site', () => {
  it('opens on the landing page, with the guide and the changelog in the navigation', async () => {
    const navigation = page.locator('[data-component-name="Menu/Menu"]').first();
    for (const name of [
      'quick-start',
      'endpoint',
      'signing',
      'credentials',
      'responses-and-errors',
      'changelog',
    ]) {
      const label = String(guideTag(name)['x-displayName']);
      await expect(navigation.getByText(label, { exact: true }).isVisible()).resolves.toBe(true);
    }
    await page.screenshot({ path: `${SCREENSHOTS}landing.png` });
  });

  it('links the Postman collection and environment from the quick start, served beside the page', async () => {
    const quickStart = String(guideTag('quick-start').description);
    expect(quickStart).toContain('[the Postman collection](vms.postman_collection.json)');
    for (const file of ['vms.postman_collection.json', 'vms.postman_environment.json']) {
      const answer = await page.evaluate(async (name) => {
        const response = await fetch(new URL(name, window.location.href));
        return { status: response.status, body: await response.text() };
      }, file);
      expect(answer.status, file).toBe(200);
      expect(answer.body).toContain(file.includes('collection') ? 'collection/v2.1.0' : '"secretAccessKey"');
    }
  });

  it('has a credentials page naming the default chain and a provider sample', () => {
    const credentials = String(guideTag('credentials').description);
    expect(credentials).toContain('environment → OIDC');
    expect(credentials).toContain("import { fromAssumeRole } from '@volc-openapi/credentials';");
  });

  it('shows the worked signing example with every intermediate value', async () => {
    const walk = guideTag('signing')['x-signing-example'] as Record<string, unknown>;
    await page.evaluate(() => {
      window.location.hash = '#/signing/worked-example';
    });
    const section = page.locator('[data-section-id="/signing/worked-example"]');
    await section.getByText('Step 7', { exact: false }).first().waitFor();
    // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees is the point
    const text = squash(await section.evaluate((element) => (element as HTMLElement).innerText));
    for (const key of [
      'bodySha256',
      'canonicalRequestSha256',
      'credentialScope',
      'signature',
      'authorization',
    ]) {
      expect(text, key).toContain(squash(String(walk[key])));
    }
    await section.screenshot({ path: `${SCREENSHOTS}signing.png` });
  });

  it(
    'renders every operation at its deep link with its request line, facts and code samples',
    async () => {
      const problems: string[] = [];
      const linked = new Set<string>();
      for (const tag of tags) {
        const group = operations.filter((operation) => operation.tag === tag);
        for (const operation of group) {
          const [, action, version] = /Action=(\w+)&Version=([\d-]+)/.exec(operation.path) ?? [];
          const want = [
            `${operation.method}${operation.path}`,
            operation.summary,
            `Action/Version:${action}/${version}`,
          ];
          if (operation.titleZh) want.push(operation.titleZh);
          if (operation.errorCodes) want.push('Error codes');
          if (operation.deprecated) want.push('Deprecated.');
          const seen = await visit(operation, want);
          for (const piece of want)
            if (!seen.text.includes(squash(piece))) problems.push(`${operation.operationId}: no "${piece}"`);
          const snippet = squash(expectedSnippet(operation, TYPESCRIPT));
          if (seen.sample?.label !== TYPESCRIPT || !seen.sample.code.includes(snippet))
            problems.push(
              `${operation.operationId}: the ${TYPESCRIPT} sample is not shown (saw ${seen.sample?.label})`,
            );
        }
        // The navigation lists the operations of the open tag.
        for (const href of await page
          .locator(`[data-component-name="Menu/Menu"] a[href^="#/${tag}/"]`)
          .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? '')))
          linked.add(href);
        // Switch the sample selector of the tag's last operation through the other languages and back.
        const last = group.at(-1) as SiteOperation;
        for (const label of [...OTHER_LABELS, TYPESCRIPT]) {
          await chooseSample(last, label);
          const wrong = await sampleShows(last, label, expectedSnippet(last, label));
          if (wrong) problems.push(`${last.operationId}: the ${label} sample is not shown (saw ${wrong})`);
        }
      }
      expect(problems).toEqual([]);
      // As many operations on the site as in the spec: one navigation entry and one section each.
      expect([...linked].sort()).toEqual(operations.map((operation) => operation.link).sort());
      expect(linked.size).toBe(operations.length);
      const shown =
        operations.find((operation) => operation.errorCodes > 0 && operation.titleZh) ?? operations[0];
      if (shown) {
        await visit(shown);
        await page.screenshot({ path: `${SCREENSHOTS}operation-${shown.operationId}.png` });
      }
    },
    Math.max(120_000, operations.length * 3_000),
  );

  it('links a deprecated operation to its replacement', async () => {
    const old = operations.find((operation) => operation.deprecated && operation.replacedBy);
    const replacement = operations.find((operation) => operation.operationId === old?.replacedBy);
    if (!old || !replacement) return;
    await visit(old);
    await page.locator(`[id="${old.sectionId}"] a[href="${replacement.link}"]`).first().click();
    await page.locator(`[id="${replacement.sectionId}"]`).waitFor({ state: 'visible' });
    expect(new URL(page.url()).hash).toBe(replacement.link);
  });

  describe('search', () => {
    beforeAll(async () => {
      // The index is built in the page after load; the box reads "Loading..." until then.
      await page
        .getByTestId('search-trigger')
        .getByText('Search', { exact: false })
        .waitFor({ timeout: 60_000 });
    });

    it('finds an action by its name and lands on it', async () => {
      const operation = operations.at(-1) as SiteOperation;
      const found = await search(operation.operationId);
      expect(found.some((href) => href.startsWith(operation.link))).toBe(true);
      await landFromSearch(operation);
    });

    it('finds an action by its Chinese title, whole or by its tail, and lands on it', async () => {
      const titled = operations.filter((operation) => operation.titleZh);
      const operation = titled.at(Math.floor(titled.length / 2)) as SiteOperation;
      const title = operation.titleZh as string;
      expect((await search(title)).some((href) => href.startsWith(operation.link))).toBe(true);
      // Chinese has no spaces; the tail of the longest Han run must find the action too.
      const run =
        [...title.matchAll(/\p{Script=Han}+/gu)]
          .map((match) => match[0])
          .sort((a, b) => b.length - a.length)[0] ?? '';
      if (Array.from(run).length > 2) {
        const tail = Array.from(run).slice(1).join('');
        expect(
          (await search(tail)).some((href) => href.startsWith(operation.link)),
          tail,
        ).toBe(true);
      }
      await landFromSearch(operation);
    });

    it('finds an action by a parameter name and lands on it', async () => {
      // The rarest parameter name, so the result list is short and the action must be in it.
      const uses = new Map<string, SiteOperation[]>();
      for (const operation of operations)
        for (const name of operation.parameters) uses.set(name, [...(uses.get(name) ?? []), operation]);
      const [name, owners] = [...uses.entries()]
        .filter(([candidate]) => candidate.length >= 5)
        .sort((a, b) => a[1].length - b[1].length)[0] as [string, SiteOperation[]];
      const found = await search(name);
      const owner = owners.find((operation) => found.some((href) => href.startsWith(operation.link)));
      expect(owner, `no result for parameter ${name}`).toBeDefined();
      await landFromSearch(owner as SiteOperation);
    });
  });

  it('makes no request off the machine (CSP-blocked ones never leave the page)', () => {
    expect(leaked()).toEqual([]);
  });
});
