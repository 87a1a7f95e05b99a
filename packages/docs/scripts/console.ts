// The console of a service's page: bundles console/ (the panel, and the start of Redoc's module) with the
// service's generated input validators (esbuild, for the browser, the signer's Web Crypto build) and puts
// it, with the console data, where the template left CONSOLE_PLACEHOLDER — after Redoc's markup, so that
// it never delays the preview's first paint, and before Redoc's module text (scripts/redoc.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { CONSOLE_DATA_ID, CONSOLE_PLACEHOLDER } from '../console/ids.ts';
import { PACKAGE_DIR } from './site.ts';

/** The console block of a page from `volc-codegen docs` output (console.json, validators.js) in `dir`. */
export async function renderConsoleBlock(dir: string): Promise<string> {
  const bundled = await build({
    stdin: {
      contents: [
        "import * as validators from './validators.js';",
        `import { startConsole } from ${JSON.stringify(join(PACKAGE_DIR, 'console/index.ts'))};`,
        'startConsole(validators);',
      ].join('\n'),
      resolveDir: dir,
      loader: 'ts',
    },
    // The validators import ajv's runtime helpers, which this package provides wherever `dir` is.
    nodePaths: [join(PACKAGE_DIR, 'node_modules')],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const script = bundled.outputFiles[0]?.text ?? '';
  // JSON inside a non-executed script element: only `</` and `<!--` could end or confuse it.
  const data = readFileSync(join(dir, 'console.json'), 'utf8')
    .trim()
    .replaceAll('</', '<\\/')
    .replaceAll('<!--', '\\u003c!--');
  return [
    `<script type="application/json" id="${CONSOLE_DATA_ID}">${data}</script>`,
    `<script>${script.replaceAll('</script', '<\\/script')}</script>`,
  ].join('\n');
}

/** The page with the console block in place of its placeholder; `where` names the page in errors. */
export function injectConsole(page: string, block: string, where: string): string {
  const at = page.lastIndexOf(CONSOLE_PLACEHOLDER);
  if (at < 0)
    throw new Error(
      `${where} has no line "${CONSOLE_PLACEHOLDER}" (template.hbs puts it after Redoc's markup)`,
    );
  return page.slice(0, at) + block + page.slice(at + CONSOLE_PLACEHOLDER.length);
}
