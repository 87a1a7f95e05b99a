// The layout of the site, shared by the generate and build scripts and the tests: one reference per
// registry service whose spec is built (`generated/<name>/` → `dist/<name>/index.html`), and a landing
// page `dist/index.html` listing them. Everything comes from spec/services.yaml and the bundled specs.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  loadService,
  type Operation,
  REPO_ROOT,
  readRegistry,
  type ServiceEntry,
} from '@volc-openapi/spec-model';
import { localMockNote } from './local-mock.ts';
import { SEARCH_SCRIPT, searchEntries } from './search.ts';

/** The docs package directory. */
export const PACKAGE_DIR = fileURLToPath(new URL('../', import.meta.url));

/** What the landing page says about one service, read from the registry and the service's model. */
export interface SiteService {
  entry: ServiceEntry;
  /** Absolute path of the bundled spec. */
  bundle: string;
  /** `generated/<name>` and `dist/<name>` of this package, absolute. */
  generatedDir: string;
  distDir: string;
  /** The page's link relative to the landing page. */
  link: string;
  endpoint: string;
  signingService: string;
  region: string;
  /** The distinct Versions of its Actions, sorted. */
  versions: string[];
  actions: number;
  operations: Operation[];
}

/** The registry's services, split into those whose bundled spec exists (built here) and those without. */
export function siteServices(root: string = REPO_ROOT): { built: SiteService[]; missing: ServiceEntry[] } {
  const built: SiteService[] = [];
  const missing: ServiceEntry[] = [];
  for (const entry of readRegistry(root)) {
    const bundle = join(root, entry.bundle);
    if (!existsSync(bundle)) {
      missing.push(entry);
      continue;
    }
    const model = loadService(bundle);
    built.push({
      entry,
      bundle,
      generatedDir: join(PACKAGE_DIR, 'generated', entry.name),
      distDir: join(PACKAGE_DIR, 'dist', entry.name),
      link: `${entry.name}/index.html`,
      endpoint: model.endpoint,
      signingService: model.signing.service,
      region: model.signing.region,
      versions: [...new Set(model.operations.map((operation) => operation.version))].sort(),
      actions: model.operations.length,
      operations: model.operations,
    });
  }
  return { built, missing };
}

const html = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** JSON inside a non-executed script element: only `</` and `<!--` could end or confuse it. */
const scriptJson = (value: unknown) =>
  JSON.stringify(value).replaceAll('</', '<\\/').replaceAll('<!--', '\\u003c!--');

/**
 * The landing page: one row per built service, linking to its reference, search across them, and the
 * local mock's URL where `pnpm start` serves the site.
 */
export function renderLanding(built: SiteService[], missing: ServiceEntry[]): string {
  const rows = built.map(
    (service) => `        <tr data-service="${html(service.entry.name)}">
          <td><a href="${html(service.link)}">${html(service.entry.title)}</a></td>
          <td lang="zh">${html(service.entry.titleZh)}</td>
          <td><code>${html(service.endpoint)}</code></td>
          <td><code>${html(service.signingService)}</code> / <code>${html(service.region)}</code></td>
          <td>${service.versions.map((version) => `<code>${html(version)}</code>`).join(', ')}</td>
          <td class="actions">${service.actions}</td>
        </tr>`,
  );
  const pending = missing.length
    ? `\n    <p class="missing">Not built yet (no bundled spec): ${missing
        .map((entry) => `${html(entry.title)} (<span lang="zh">${html(entry.titleZh)}</span>)`)
        .join(', ')}.</p>`
    : '';
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Volcengine API reference</title>
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'" />
    <style>
      body { font: 15px/1.55 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #22242b; margin: 40px auto; max-width: 1100px; padding: 0 24px; }
      table { border-collapse: collapse; width: 100%; }
      th, td { text-align: left; vertical-align: top; padding: 8px 10px; border-bottom: 1px solid #e4e5e9; }
      td.actions { text-align: right; }
      code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; white-space: nowrap; }
      .missing, .note { color: #6b6f7b; }
      #search { box-sizing: border-box; width: 100%; margin: 24px 0 8px; padding: 8px 12px; font: inherit; border: 1px solid #c4c7cf; border-radius: 6px; }
      #search-results { padding-left: 20px; }
      #search-results li { margin: 4px 0; }
    </style>
  </head>
  <body>
    <h1>Volcengine API reference</h1>
    <p>Action/Version RPC APIs: every request is <code>POST</code> or <code>GET /?Action=…&amp;Version=…</code> on the service's endpoint, signed with HMAC-SHA256 for the service's signing name and region.</p>
    ${localMockNote()}
    <table id="services">
      <thead>
        <tr><th>Service</th><th>名称</th><th>Endpoint</th><th>Signing service / region</th><th>Version(s)</th><th>Actions</th></tr>
      </thead>
      <tbody>
${rows.join('\n')}
      </tbody>
    </table>${pending}
    <h2 id="search-heading">Find an Action in every service</h2>
    <input id="search" type="search" aria-labelledby="search-heading" data-testid="site-search" autocomplete="off" placeholder="Action name, Chinese title (中文标题) or parameter name" />
    <ol id="search-results" data-testid="site-search-results" aria-live="polite"></ol>
    <script type="application/json" id="search-index">${scriptJson(
      built.flatMap((service) =>
        searchEntries({ title: service.entry.title, link: service.link }, service.operations),
      ),
    )}</script>
    <script>${SEARCH_SCRIPT}</script>
  </body>
</html>
`;
}

/**
 * The ids `volc-codegen previews` gives the preview panel and its data element in every page
 * (tools/codegen/src/docs-preview.ts); the same on every service's page.
 */
export { PREVIEW_PANEL_ID, PREVIEWS_DATA_ID } from '@volc-openapi/codegen';
