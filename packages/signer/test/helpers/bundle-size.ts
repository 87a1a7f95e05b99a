import { bundle } from '@volc-openapi/bundle-size';

/** The package root: `@volc-openapi/signer` imports resolve through its export map to dist/ (build first). */
const root = new URL('../..', import.meta.url).pathname;

/** A browser app's bundle of `source` and its sizes. Used by test/dist.test.ts and the bench. */
export const bundleSize = (source: string) => bundle({ source, resolveDir: root });
