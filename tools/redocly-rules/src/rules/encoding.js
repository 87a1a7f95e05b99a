import { HTTP_METHODS } from '../rpc-path.js';

const BODY_TYPES = ['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * How an Action's input travels must be unambiguous: a GET has no body; a POST has either one body
 * media type (JSON, form or multipart) or no body at all, its parameters then in the query string.
 */
export default function Encoding() {
  return {
    PathItem: {
      enter(pathItem, ctx) {
        for (const method of HTTP_METHODS) {
          const operation = pathItem[method];
          if (!operation) continue;
          const id = operation.operationId ?? String(ctx.key);
          const body = operation.requestBody?.$ref
            ? ctx.resolve(operation.requestBody).node
            : operation.requestBody;
          const types = Object.keys(body?.content ?? {});
          const at = ctx.location.child([method, 'requestBody']);
          if (method === 'get' && body) {
            ctx.report({
              message: `GET operation "${id}" must not have a request body; send its input as query parameters.`,
              location: at.key(),
            });
          } else if (body && types.length !== 1) {
            ctx.report({
              message: `Request body of "${id}" must declare exactly one media type (found ${types.length ? types.join(', ') : 'none'}).`,
              location: at.key(),
            });
          } else if (body && !BODY_TYPES.includes(types[0])) {
            ctx.report({
              message: `Request body of "${id}" uses ${types[0]}; allowed: ${BODY_TYPES.join(', ')}.`,
              location: at.child(['content', types[0]]).key(),
            });
          }
        }
      },
    },
  };
}
