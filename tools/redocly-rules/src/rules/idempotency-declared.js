/** Every operation says whether it is safe to retry (`x-idempotent: true|false`); clients read it. */
export default function IdempotencyDeclared() {
  return {
    Operation: {
      enter(operation, ctx) {
        if (typeof operation['x-idempotent'] !== 'boolean') {
          ctx.report({
            message: `Operation "${operation.operationId ?? ctx.key}" must declare x-idempotent: true or false.`,
            location: ctx.location.key(),
          });
        }
      },
    },
  };
}
