import { HTTP_METHODS } from '../rpc-path.js';

/**
 * A deprecated Action says which operation replaces it (`x-volc-replaced-by: <operationId>`), and that
 * operation exists and is not itself deprecated, so readers and clients can move on.
 */
export default function Deprecation() {
  /** @type {Map<string, boolean>} operationId → deprecated */
  const operations = new Map();
  /** @type {{ id: string, replacement: unknown, location: unknown }[]} */
  const pending = [];
  return {
    PathItem: {
      enter(pathItem, ctx) {
        for (const method of HTTP_METHODS) {
          const operation = pathItem[method];
          if (!operation?.operationId) continue;
          operations.set(operation.operationId, operation.deprecated === true);
          const replacement = operation['x-volc-replaced-by'];
          if (operation.deprecated === true || replacement !== undefined) {
            pending.push({
              id: operation.operationId,
              deprecated: operation.deprecated === true,
              replacement,
              location: ctx.location.child([method]),
            });
          }
        }
      },
    },
    Root: {
      leave(_root, ctx) {
        for (const { id, deprecated, replacement, location } of pending) {
          if (!deprecated) {
            ctx.report({
              message: `"${id}" names a replacement (x-volc-replaced-by) but is not marked deprecated: true.`,
              location: location.child(['x-volc-replaced-by']),
            });
          } else if (typeof replacement !== 'string') {
            ctx.report({
              message: `Deprecated operation "${id}" must name its replacement in x-volc-replaced-by.`,
              location: location.key(),
            });
          } else if (!operations.has(replacement)) {
            ctx.report({
              message: `"${id}" is replaced by "${replacement}", which is not an operation of this spec.`,
              location: location.child(['x-volc-replaced-by']),
            });
          } else if (operations.get(replacement)) {
            ctx.report({
              message: `"${id}" is replaced by "${replacement}", which is itself deprecated.`,
              location: location.child(['x-volc-replaced-by']),
            });
          }
        }
      },
    },
  };
}
