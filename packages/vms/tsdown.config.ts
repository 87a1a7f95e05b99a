export { default } from '@volc-openapi/codegen/client-build';
