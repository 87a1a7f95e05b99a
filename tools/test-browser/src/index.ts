import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's chromium package; `npx playwright install` cannot download browsers on these machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Without the background-networking flags Chromium tries to reach Google's hosts at every start.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches headless Chromium; fails with a message saying how to install it when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH).`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * A page opened with the docs' usual set-up (viewport, timeout) that records every request it makes to
 * a host other than 127.0.0.1. `leaked()` lists those the page's Content-Security-Policy did not stop
 * inside the renderer (which never reached the network).
 */
export async function openWatchedPage(browser: Browser): Promise<{ page: Page; leaked: () => string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.setDefaultTimeout(20_000);
  const offMachine: string[] = [];
  const blockedInPage: string[] = [];
  page.on('request', (request) => {
    const { protocol, hostname } = new URL(request.url());
    if ((protocol === 'http:' || protocol === 'https:') && hostname !== '127.0.0.1')
      offMachine.push(request.url());
  });
  page.on('requestfailed', (request) => {
    if (request.failure()?.errorText === 'csp') blockedInPage.push(request.url());
  });
  return { page, leaked: () => offMachine.filter((url) => !blockedInPage.includes(url)) };
}

export { type StaticServer, serveDirectory } from '@volc-openapi/static-server';
export type { Browser, Page } from 'playwright-core';
