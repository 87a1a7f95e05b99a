// Shared facts about Action/Version RPC path keys, used by several rules. Path keys and the operationIds
// they imply are read by the spec model, the same reading every other tool uses.
export { PATH_KEY, parsePathKey, versionedOperationId } from '@volc-openapi/spec-model';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
export const RPC_METHODS = ['get', 'post'];
