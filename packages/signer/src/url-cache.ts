import { type UrlParts, urlParts } from './core/context.ts';

/**
 * `urlParts` remembering the last 64 URLs (up to 2 kB each). Used by the Node entry, where parsing and
 * re-encoding the query is a visible share of a ~4 µs signature; the browser build skips it to stay small.
 */
export const cachedUrlParts = (): ((url: string | URL) => UrlParts) => {
  const cache = new Map<string, UrlParts>();
  return (url) => {
    const id = typeof url === 'string' ? url : url?.href;
    let parts = cache.get(id);
    if (!parts) {
      parts = urlParts(url);
      if (id.length < 2048) {
        if (cache.size > 63) cache.delete(cache.keys().next().value as string);
        cache.set(id, parts);
      }
    }
    return parts;
  };
};
