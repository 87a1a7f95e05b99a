// Docs site benchmark (not a test): HTML size, the time from navigation to the first operation being
// visible and to its console being usable (the panel open and taking keystrokes), the longest task the
// main thread runs meanwhile, in headless Chromium on 127.0.0.1, for the page of every
// built service and for pages built the same way from synthetic specs (tools/synth-spec); and the time
// to the site's landing page.
//
//   pnpm --filter @volc-openapi/docs bench [--service <name>] [--actions 1000[,5000]] [--runs 5] [--skip-real]
//
// Run `pnpm build` first: the real sites are dist/<name>/index.html of every built service of
// spec/services.yaml (only --service's when given).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  consoleService,
  injectPreviews,
  renderConsoleValidators,
  renderDocs,
  renderPreviewBlock,
} from '@volc-openapi/codegen';
import { type JsonObject, readService, signingTarget } from '@volc-openapi/spec-model';
import { synthesizeSpec } from '@volc-openapi/synth-spec';
import { type Browser, launchChromium, serveDirectory } from '@volc-openapi/test-browser';
import { injectConsole, renderConsoleBlock } from '../scripts/console.ts';
import { deferRedoc } from '../scripts/redoc.ts';
import { PACKAGE_DIR as DOCS_DIR, PREVIEW_PANEL_ID, siteServices } from '../scripts/site.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const PACKAGE = here('../');

const { values } = parseArgs({
  options: {
    actions: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '5' },
    'skip-real': { type: 'boolean', default: false },
    service: { type: 'string' },
  },
});
const { built } = siteServices();
const real = values.service ? built.filter((candidate) => candidate.entry.name === values.service) : built;
const service =
  real[0] ??
  (() => {
    console.error(
      `No built service ${values.service ?? ''}: build its spec, then \`pnpm generate && pnpm build\`.`,
    );
    return process.exit(1);
  })();
const runs = Number(values.runs);
const sizes = values.actions
  .split(',')
  .filter(Boolean)
  .map((text) => Number(text));
if (!Number.isInteger(runs) || runs < 1 || sizes.some((size) => !Number.isInteger(size) || size < 1)) {
  console.error('usage: bench [--service <name>] [--actions 1000[,5000]] [--runs 5] [--skip-real]');
  process.exit(2);
}

interface Target {
  action: string;
  link: string;
  sectionId: string;
  requestLine: string;
}

interface Site {
  name: string;
  dir: string;
  operations: number;
  /** The first and the last operation of the document. */
  first: Target;
  last: Target;
  buildMs?: number;
}

function targets(docsSpec: JsonObject): Pick<Site, 'first' | 'last'> {
  const { operations } = readService(docsSpec);
  const target = (operation: (typeof operations)[number] | undefined): Target => {
    if (!operation) throw new Error('the spec has no operation');
    const sectionId = `${operation.tags[0]}/${operation.operationId.toLowerCase()}`;
    return {
      action: operation.action,
      link: `#/${sectionId}`,
      sectionId,
      requestLine: `${operation.method}${operation.pathKey}`,
    };
  };
  return { first: target(operations[0]), last: target(operations.at(-1)) };
}

/** Builds a site from a synthetic spec as the package does: codegen docs, redocly build-docs, the previews, the console, Redoc deferred. */
async function buildSynthetic(actions: number, into: string): Promise<Site> {
  const started = performance.now();
  const spec = synthesizeSpec({ actions });
  const model = readService(spec);
  const { docsSpec, previews } = renderDocs(spec, model.operations, signingTarget(model), {
    clientPackage: service.entry.clientPackage,
    factory: service.entry.factory,
  });
  const dir = join(into, `synthetic-${actions}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'openapi.docs.json'), JSON.stringify(docsSpec));
  writeFileSync(join(dir, 'console.json'), JSON.stringify(consoleService(model)));
  writeFileSync(join(dir, 'validators.js'), renderConsoleValidators(model));
  const build = spawnSync(
    'redocly',
    [
      'build-docs',
      join(dir, 'openapi.docs.json'),
      '--config',
      join(PACKAGE, '../../redocly.yaml'),
      '--template',
      join(PACKAGE, 'template.hbs'),
      '--inlineBundle',
      '--title',
      `Synthetic ${actions}`,
      '-o',
      join(dir, 'index.html'),
    ],
    { encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off' } },
  );
  if (build.status !== 0) throw new Error(`redocly build-docs failed:\n${build.stdout}${build.stderr}`);
  const page = join(dir, 'index.html');
  const withPreviews = injectPreviews(readFileSync(page, 'utf8'), renderPreviewBlock(previews));
  writeFileSync(page, deferRedoc(injectConsole(withPreviews, await renderConsoleBlock(dir), page), page));
  return {
    name: `synthetic, ${actions} actions`,
    dir,
    operations: actions,
    ...targets(docsSpec),
    buildMs: performance.now() - started,
  };
}

interface Timing {
  /** Cold load of the first operation's deep link, from navigation start to its request line on screen. */
  firstOperationMs: number;
  /**
   * The same load, until the operation's console takes input: "Try <Action>" clicked as soon as it
   * shows, then, once the panel shows its Send button, its AccessKeyId field clicked and four keys
   * typed, until the field holds them. A click or key that meets a long task waits for its end, and counts.
   */
  consoleUsableMs: number;
  /** The longest main-thread task from navigation until Redoc has drawn the operation: the most any click or key waits. */
  longestTaskMs: number;
  /** The same load, until Redoc itself has drawn the operation (the preview is gone by then). */
  redocOperationMs: number;
  /** On the loaded site, from the hash change to the last operation being visible. */
  inPageMs: number;
  /** Cold load of the site root, until its heading is visible. */
  landingMs: number;
}

/** One cold load in a fresh context, then one in-page navigation, then a cold load of the landing page. */
async function measure(browser: Browser, url: string, site: Site): Promise<Timing> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  // Long tasks (over 50 ms) as the page sees them, from its first script on.
  await context.addInitScript(() => {
    const durations: number[] = [];
    Object.assign(window, { benchLongTasks: durations });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) durations.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  /**
   * performance.now() of the first frame where an element matching `selector` is in the viewport and
   * shows `text`, and that element's centre.
   */
  const shownAt = async (selector: string, text: string): Promise<{ at: number; x: number; y: number }> => {
    const handle = await page.waitForFunction(
      ({ selector, text }) => {
        for (const element of document.querySelectorAll<HTMLElement>(selector)) {
          const box = element.getBoundingClientRect();
          if (
            box.height > 0 &&
            box.top < window.innerHeight &&
            box.bottom > 0 &&
            // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees is the point
            element.innerText.replace(/\s+/g, '').includes(text)
          )
            return { at: performance.now(), x: box.left + box.width / 2, y: box.top + box.height / 2 };
        }
        return false;
      },
      { selector, text },
      { timeout: 120_000, polling: 'raf' },
    );
    return (await handle.jsonValue()) as { at: number; x: number; y: number };
  };
  const visibleAt = async (selector: string, text: string) => (await shownAt(selector, text)).at;
  /**
   * Clicks the element's centre as soon as it shows, as a reader would: raw mouse events, which wait for
   * the page's main thread, without Playwright's actionability checks (round trips of their own).
   */
  const clickWhenShown = async (selector: string, text = '') => {
    const { x, y } = await shownAt(selector, text);
    await page.mouse.click(x, y);
  };
  try {
    await page.goto(`${url}${site.first.link}`, { waitUntil: 'commit' });
    const redoc = `[id="${site.first.sectionId}"]`;
    const firstOperationMs = await visibleAt(`#${PREVIEW_PANEL_ID}, ${redoc}`, site.first.requestLine);
    await clickWhenShown(`[data-testid="try-it-${site.first.action}"]`);
    await visibleAt('[data-testid="try-it-send"]', 'Send');
    const typed = 'AKLT';
    await clickWhenShown('[data-testid="try-it-access-key"]');
    await page.keyboard.type(typed);
    const consoleUsableHandle = await page.waitForFunction(
      (typed) =>
        document.querySelector<HTMLInputElement>('[data-testid="try-it-access-key"]')?.value === typed
          ? performance.now()
          : false,
      typed,
      { timeout: 120_000, polling: 'raf' },
    );
    const consoleUsableMs = Number(await consoleUsableHandle.jsonValue());
    const redocOperationMs = await visibleAt(redoc, site.first.requestLine);
    const longestTaskMs = await page.evaluate(() =>
      Math.max(0, ...(window as unknown as { benchLongTasks: number[] }).benchLongTasks),
    );
    const hashChangedAt = await page.evaluate((link) => {
      window.location.hash = link;
      return performance.now();
    }, site.last.link);
    const inPageMs =
      (await visibleAt(`[id="${site.last.sectionId}"]`, site.last.requestLine)) - hashChangedAt;
    await page.goto('about:blank');
    await page.goto(url, { waitUntil: 'commit' });
    const landingMs = await visibleAt('h1', '');
    return { firstOperationMs, consoleUsableMs, longestTaskMs, redocOperationMs, inPageMs, landingMs };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

const work = mkdtempSync(join(tmpdir(), 'docs-bench-'));
const sites: Site[] = [];
if (!values['skip-real']) {
  for (const candidate of real) {
    const html = join(candidate.distDir, 'index.html');
    if (!existsSync(html)) {
      console.error(`No ${html}: run \`pnpm build\` first (or pass --skip-real).`);
      process.exit(1);
    }
    const docsSpec = JSON.parse(
      readFileSync(join(candidate.generatedDir, 'openapi.docs.json'), 'utf8'),
    ) as JsonObject;
    sites.push({
      name: `real spec (${candidate.entry.name})`,
      dir: candidate.distDir,
      operations: readService(docsSpec).operations.length,
      ...targets(docsSpec),
    });
  }
}
for (const actions of sizes) sites.push(await buildSynthetic(actions, work));

/** A cold load of the site's landing page (dist/index.html), until its table and search box are visible. */
async function measureSiteLanding(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(
      () => {
        const visible = (element: Element | null) => (element?.getBoundingClientRect().height ?? 0) > 0;
        return visible(document.querySelector('#services tbody tr')) &&
          visible(document.querySelector('[data-testid="site-search"]'))
          ? performance.now()
          : false;
      },
      undefined,
      { timeout: 30_000, polling: 'raf' },
    );
    return Number(await handle.jsonValue());
  } finally {
    await context.close();
  }
}

const browser = await launchChromium();
const rows: string[] = [];
const emit = (row: Record<string, unknown>) =>
  console.log(`BENCH ${JSON.stringify({ group: 'docs', ...row })}`);
const siteLanding: number[] = [];
try {
  if (!values['skip-real']) {
    const server = await serveDirectory(join(DOCS_DIR, 'dist'));
    try {
      await measureSiteLanding(browser, server.url); // warm-up
      for (let run = 0; run < runs; run++) siteLanding.push(await measureSiteLanding(browser, server.url));
    } finally {
      await server.close();
    }
    const kib = statSync(join(DOCS_DIR, 'dist/index.html')).size / 1024;
    emit({ name: 'HTML size, site landing page', value: kib, unit: 'KiB' });
    emit({
      name: 'site landing page visible (table and search)',
      value: median(siteLanding) / 1000,
      unit: 's',
      goal: '≤ 0.5 s',
      met: median(siteLanding) <= 500,
    });
  }
  for (const site of sites) {
    const server = await serveDirectory(site.dir);
    try {
      await measure(browser, server.url, site); // warm-up: the first Chromium load pays for process start-up
      const timings: Timing[] = [];
      for (let run = 0; run < runs; run++) timings.push(await measure(browser, server.url, site));
      const first = timings.map((timing) => timing.firstOperationMs);
      const usable = timings.map((timing) => timing.consoleUsableMs);
      const longest = timings.map((timing) => timing.longestTaskMs);
      const redoc = timings.map((timing) => timing.redocOperationMs);
      const landing = timings.map((timing) => timing.landingMs);
      const inPage = timings.map((timing) => timing.inPageMs);
      const kib = statSync(join(site.dir, 'index.html')).size / 1024;
      rows.push(
        `| ${site.name} | ${site.operations} | ${kib.toFixed(0)} KiB | ${median(first).toFixed(0)} ms (${Math.min(...first).toFixed(0)}–${Math.max(...first).toFixed(0)}) | ${median(usable).toFixed(0)} ms (${Math.min(...usable).toFixed(0)}–${Math.max(...usable).toFixed(0)}) | ${median(longest).toFixed(0)} ms | ${median(redoc).toFixed(0)} ms | ${median(inPage).toFixed(0)} ms | ${median(landing).toFixed(0)} ms | ${site.buildMs === undefined ? '–' : `${(site.buildMs / 1000).toFixed(1)} s`} |`,
      );
      // Rows for the repo-wide `pnpm bench` table (tools/bench collects `BENCH ` lines).
      const isReal = site.name.startsWith('real spec');
      emit({ name: `HTML size, ${site.name}`, value: kib, unit: 'KiB' });
      emit({
        name: `first operation visible (cold deep link), ${site.name}`,
        value: median(first) / 1000,
        unit: 's',
        ...(isReal ? { goal: '≤ 1 s', met: median(first) <= 1000 } : {}),
      });
      emit({
        name: `operation's console usable (cold deep link), ${site.name}`,
        value: median(usable) / 1000,
        unit: 's',
        ...(isReal ? { goal: '≤ 1 s', met: median(usable) <= 1000 } : {}),
      });
      emit({
        name: `longest main-thread task until Redoc has drawn the operation, ${site.name}`,
        value: median(longest) / 1000,
        unit: 's',
      });
      emit({
        name: `operation drawn by Redoc (cold deep link), ${site.name}`,
        value: median(redoc) / 1000,
        unit: 's',
      });
      emit({ name: `landing visible, ${site.name}`, value: median(landing) / 1000, unit: 's' });
      console.error(`measured ${site.name}`);
    } finally {
      await server.close();
    }
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}

console.log(
  `\nDocs site benchmark: median of ${runs} cold loads in headless Chromium on 127.0.0.1 (${cpus().length} CPUs, load average ${loadavg()
    .map((load) => load.toFixed(1))
    .join(' / ')}).\n`,
);
if (siteLanding.length)
  console.log(
    `Site landing page (dist/index.html) visible with its table and search: ${median(siteLanding).toFixed(0)} ms.\n`,
  );
console.log(
  '| site | operations | HTML | first operation visible, cold deep link (min–max) | console usable (min–max) | longest task | same operation drawn by Redoc | last operation, in-page link | landing visible | build |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
