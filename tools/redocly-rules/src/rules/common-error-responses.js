/**
 * Every operation documents the gateway's common error statuses, so clients and docs know what a
 * failure looks like. Configure with `statuses: ['400', '401', ...]`.
 * @param {{ statuses?: string[] }} options
 */
export default function CommonErrorResponses(options) {
  const statuses = options?.statuses ?? ['400', '401', '403', '500'];
  return {
    Operation: {
      enter(operation, ctx) {
        const responses = operation.responses ?? {};
        const missing = statuses.filter((status) => !(status in responses));
        if (missing.length > 0) {
          ctx.report({
            message: `Operation "${operation.operationId ?? ctx.key}" does not document the common error response(s) ${missing.join(', ')}.`,
            location: ctx.location.child(['responses']).key(),
          });
        }
      },
    },
  };
}
