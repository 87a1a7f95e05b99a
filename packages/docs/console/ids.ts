// Names the build script and the page's console share (browser-safe: no imports).

/** The element that carries the page's console data (`ConsoleService` as JSON, not executed). */
export const CONSOLE_DATA_ID = 'rpc-console-data';

/** Where the build puts the console: the template holds this line once, after Redoc's markup. */
export const CONSOLE_PLACEHOLDER = '<!-- operation console -->';

/**
 * Next to the site's pages, `pnpm start` serves `{ "endpoint": "<mock URL>" }` at this path; the console
 * then offers the mock as its default endpoint. Absent on any other server (or from file://).
 */
export const MOCK_ENDPOINT_FILE = 'mock.json';

/**
 * The non-executed element that holds Redoc's module (its bundle, the spec and the `hydrate` call) as
 * text; the page's console bundle starts it when the reader lets it (console/redoc-start.ts).
 */
export const REDOC_MODULE_ID = 'redoc-module';

/** Dispatched on `document` once Redoc has begun hydrating its prerendered markup. */
export const REDOC_HYDRATING_EVENT = 'redoc-hydrating';
