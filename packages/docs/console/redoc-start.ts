// Starts Redoc's module, which the build keeps as text (scripts/redoc.ts). Redoc's start is seconds of
// main-thread work in tasks of up to a second that nothing can interrupt, so it waits for a moment when
// the reader is not reaching for what already works: the preview and the console. On a page opened at an
// operation it starts once the page is painted and the reader has paused; at once when the reader asks
// for something only Redoc can show (another page of the reference, its navigation, its search).
import { REDOC_HYDRATING_EVENT, REDOC_MODULE_ID } from './ids.ts';

/** The reader counts as paused after this long without moving the pointer, clicking, typing or scrolling. */
const PAUSE_MS = 1000;
const READER_INPUT = ['pointermove', 'pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/** Runs `next` after the frame that paints the page as parsed so far. */
function afterPaint(next: () => void): void {
  requestAnimationFrame(() => setTimeout(next, 0));
}

/**
 * Starts Redoc after the first paint; when `waitForPause` (the page opened at an operation, whose preview
 * and console are on screen), only once the reader has paused for PAUSE_MS.
 */
export function startRedoc({ waitForPause }: { waitForPause: boolean }): void {
  let started = false;
  let lastInput = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const noteInput = () => {
    lastInput = performance.now();
  };
  const start = () => {
    if (started) return;
    started = true;
    clearTimeout(timer);
    for (const type of READER_INPUT) removeEventListener(type, noteInput, true);
    removeEventListener('hashchange', start);
    document.getElementById('redoc')?.removeEventListener('pointerdown', start);
    const source = document.getElementById(REDOC_MODULE_ID);
    if (!source?.textContent) return;
    const module = document.createElement('script');
    module.type = 'module';
    // From a URL, Chromium compiles the megabytes of module off the main thread; inline, it would not.
    module.src = URL.createObjectURL(new Blob([source.textContent], { type: 'text/javascript' }));
    module.addEventListener('load', () => URL.revokeObjectURL(module.src), { once: true });
    source.remove();
    document.body.append(module);
  };
  const startWhenPaused = () => {
    const quiet = performance.now() - lastInput;
    if (quiet >= PAUSE_MS) start();
    else timer = setTimeout(startWhenPaused, PAUSE_MS - quiet);
  };

  // Until Redoc hydrates its markup, the prerendered links are paths (`/quick-start`) that only its
  // router understands and the static site does not serve; the same pages are reached by hash.
  const followPrerenderedLink = (event: MouseEvent) => {
    const link = event.target instanceof Element ? event.target.closest('#redoc a[href^="/"]') : null;
    if (!link) return;
    event.preventDefault();
    location.hash = link.getAttribute('href') ?? '/';
    start();
  };
  document.addEventListener('click', followPrerenderedLink, true);
  document.addEventListener(
    REDOC_HYDRATING_EVENT,
    () => document.removeEventListener('click', followPrerenderedLink, true),
    { once: true },
  );

  if (waitForPause)
    for (const type of READER_INPUT) addEventListener(type, noteInput, { capture: true, passive: true });
  const scheduleStart = () => {
    // Any other page of the reference, and the navigation and search beside the preview, are Redoc's.
    addEventListener('hashchange', start);
    document.getElementById('redoc')?.addEventListener('pointerdown', start);
    afterPaint(() => {
      if (!waitForPause) return start();
      // The pause counts from the first paint: the reader cannot reach for anything before it.
      lastInput = performance.now();
      startWhenPaused();
    });
  };
  // The console runs before the parser has reached Redoc's module text, the last thing in the body.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scheduleStart);
  else scheduleStart();
}
