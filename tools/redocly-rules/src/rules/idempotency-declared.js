/** Every operation says whether it is safe to retry (`x-volc-idempotent: true|false`); clients read it. */
export default function IdempotencyDeclared() {
  return {
    Operation: {
      enter(operation, ctx) {
        if (typeof operation['x-volc-idempotent'] !== 'boolean') {
          ctx.report({
            message: `Operation "${operation.operationId ?? ctx.key}" must declare x-volc-idempotent: true or false.`,
            location: ctx.location.key(),
          });
        }
      },
    },
  };
}
