/** @volc-openapi/signer/presign — Node build: presigned URLs hashed with `node:crypto`. */

import { ctx } from './context-node.ts';
import * as core from './core/presign.ts';
import type { PresignUrlFunction } from './core/types.ts';

export { createPresignUrl } from './core/presign.ts';
export type { PresignOptions, PresignParts, PresignUrlFunction } from './core/types.ts';

/** A URL signed in its query string (X-Algorithm, X-Credential, X-Date, X-Expires, X-SignedHeaders, X-Signature). */
export const presignUrl: PresignUrlFunction = /* @__PURE__ */ core.presignUrl(ctx);
