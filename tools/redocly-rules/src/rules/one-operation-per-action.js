import { HTTP_METHODS, RPC_METHODS } from '../rpc-path.js';

/** An Action is one call: its path item holds exactly one operation, a GET or a POST. */
export default function OneOperationPerAction() {
  return {
    PathItem: {
      enter(pathItem, ctx) {
        const methods = HTTP_METHODS.filter((method) => pathItem[method]);
        if (methods.length !== 1) {
          ctx.report({
            message: `Path "${ctx.key}" must hold exactly one operation (get or post); found ${methods.length ? methods.join(', ') : 'none'}.`,
            location: ctx.location.key(),
          });
          return;
        }
        const [method] = methods;
        if (!RPC_METHODS.includes(/** @type {string} */ (method))) {
          ctx.report({
            message: `Action "${ctx.key}" uses ${method?.toUpperCase()}; RPC actions are called with GET or POST only.`,
            location: ctx.location.child([/** @type {string} */ (method)]).key(),
          });
        }
      },
    },
  };
}
