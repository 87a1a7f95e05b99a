import CommonErrorResponses from './rules/common-error-responses.js';
import ErrorExamples from './rules/error-examples.js';
import Examples from './rules/examples.js';
import IdempotencyDeclared from './rules/idempotency-declared.js';
import OneOperationPerAction from './rules/one-operation-per-action.js';
import OperationId from './rules/operation-id.js';
import PathKey from './rules/path-key.js';

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
      },
    },
  };
}
