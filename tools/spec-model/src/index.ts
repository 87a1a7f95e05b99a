export {
  deref,
  externalRef,
  follow,
  isObject,
  type JsonObject,
  type Located,
  nodeAt,
  pointer,
  SpecModelError,
  segments,
} from './json.ts';
export { loadService } from './load.ts';
export {
  type DocumentedError,
  envelopeError,
  fieldStyles,
  type InputField,
  MEDIA_TYPES,
  mediaExamples,
  type Operation,
  type Pagination,
  type RequestBody,
  readService,
  type ServiceModel,
  type Signing,
  type SigningTarget,
  signingTarget,
  type ValueStyle,
  type WireEncoding,
} from './model.ts';
export { PATH_KEY, type PathKey, parsePathKey, versionedOperationId } from './path-key.ts';
export { PLATFORM_ERRORS_DIR, type PlatformError, readPlatformErrors } from './platform.ts';
export {
  findService,
  parseRegistry,
  REGISTRY_FILE,
  REPO_ROOT,
  readRegistry,
  type ServiceEntry,
  serviceEntry,
} from './registry.ts';
