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
