// @volc-openapi/registry-release: a local registry to release to in tests.
export { type LocalRegistry, startRegistry } from './registry.ts';
