// Redoc's start, taken off the page's critical path. `redocly build-docs --inlineBundle` ends a page with
// one inline module — Redoc's 2.3 MB bundle, the spec as a literal, then `hydrate(…)` — that the parser
// compiles on the spot and runs as soon as parsing ends: seconds of main-thread work, in tasks of up to a
// second, during which a click on the console's button waits. Here that module becomes text in a
// non-executed element at the end of the body (after the console, so that the parser reaches the console
// without first reading megabytes of it), which console/redoc-start.ts starts once the reader lets it; its
// `hydrate` call also announces that Redoc has taken over its prerendered markup.
import { REDOC_HYDRATING_EVENT, REDOC_MODULE_ID } from '../console/ids.ts';

const MODULE_OPEN = '<script type="module">';
/** The last statement of Redocly's module, as its template writes it. */
const HYDRATE_CALL = "hydrate(__redoc_definition, __redoc_options, document.getElementById('redoc'));";
/** The same call, then the announcement console/redoc-start.ts waits for (`hydrate` resolves once it has begun). */
const ANNOUNCED_HYDRATE_CALL = `${HYDRATE_CALL.slice(0, -';'.length)}.then(() => document.dispatchEvent(new Event(${JSON.stringify(REDOC_HYDRATING_EVENT)})));`;

/** The page with Redoc's inline module kept as text for console/redoc-start.ts; `where` names the page in errors. */
export function deferRedoc(page: string, where: string): string {
  const open = page.indexOf(MODULE_OPEN);
  const close = page.indexOf('</script>', open);
  const source = page.slice(open + MODULE_OPEN.length, close).trimEnd();
  if (open < 0 || close < 0 || !source.endsWith(HYDRATE_CALL))
    throw new Error(
      `${where}: no inline Redoc module ending with ${HYDRATE_CALL} (has redocly build-docs changed its output?)`,
    );
  const announced = source.slice(0, -HYDRATE_CALL.length) + ANNOUNCED_HYDRATE_CALL;
  // The same tokenizer rules apply to any <script>: the bundle's own `<\/script>` escapes still hold.
  const text = `<script type="text/plain" id="${REDOC_MODULE_ID}">${announced}\n</script>\n`;
  const rest = page.slice(0, open) + page.slice(close + '</script>'.length);
  const end = rest.lastIndexOf('</body>');
  if (end < 0) throw new Error(`${where} has no </body>`);
  return rest.slice(0, end) + text + rest.slice(end);
}
