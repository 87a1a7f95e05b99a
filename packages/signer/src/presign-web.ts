/** @volc-openapi/signer/presign — browser / worker / edge build: presigned URLs hashed with Web Crypto. */

import { ctx } from './context-web.ts';
import * as core from './core/presign.ts';
import type { PresignUrlFunction } from './core/types.ts';

export { createPresignUrl } from './core/presign.ts';
export type { PresignOptions, PresignParts, PresignUrlFunction } from './core/types.ts';

/** A URL signed in its query string (X-Algorithm, X-Credential, X-Date, X-Expires, X-SignedHeaders, X-Signature). */
export const presignUrl: PresignUrlFunction = /* @__PURE__ */ core.presignUrl(ctx);
