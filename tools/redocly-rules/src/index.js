import CommonErrorResponses from './rules/common-error-responses.js';
import Deprecation from './rules/deprecation.js';
import Encoding from './rules/encoding.js';
import ErrorExamples from './rules/error-examples.js';
import Examples from './rules/examples.js';
import IdempotencyDeclared from './rules/idempotency-declared.js';
import OneOperationPerAction from './rules/one-operation-per-action.js';
import OperationId from './rules/operation-id.js';
import PathKey from './rules/path-key.js';
import TagGroups from './rules/tag-groups.js';

/** Redocly plugin `rpc`: the conventions of an Action/Version RPC API description. */
export default function rpcPlugin() {
  return {
    id: 'rpc',
    rules: {
      oas3: {
        'path-key': PathKey,
        'operation-id': OperationId,
        'one-operation-per-action': OneOperationPerAction,
        'common-error-responses': CommonErrorResponses,
        examples: Examples,
        'error-examples': ErrorExamples,
        'idempotency-declared': IdempotencyDeclared,
        encoding: Encoding,
        deprecation: Deprecation,
        'tag-groups': TagGroups,
      },
    },
  };
}
