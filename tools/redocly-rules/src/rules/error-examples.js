/**
 * An error code is documented by a named example on an error response: the example's name is the
 * Code, and its value is the error envelope carrying that Code. Clients derive their typed error codes
 * and the docs their error tables from these examples, so each must be present and consistent.
 * A business error that arrives with HTTP 200 is an example of the same kind on the 200 response.
 */
export default function ErrorExamples() {
  return {
    // Shared examples are $refs; read the value they point at.
    Response: {
      enter(response, ctx) {
        const codeOf = (example) =>
          (example?.$ref ? ctx.resolve(example).node : example)?.value?.ResponseMetadata?.Error?.Code;
        const status = String(ctx.key);
        const media = response.content?.['application/json'];
        if (/^2\d\d$/.test(status)) {
          for (const [name, example] of Object.entries(media?.examples ?? {})) {
            const code = codeOf(example);
            if (code !== undefined && code !== name) {
              ctx.report({
                message: `HTTP ${status} error example "${name}" must be named after its Code "${code}".`,
                location: ctx.location.child(['content', 'application/json', 'examples', name]).key(),
              });
            }
          }
          return;
        }
        if (!/^[45]\d\d$/.test(status)) return;
        const examples = Object.entries(media?.examples ?? {});
        if (examples.length === 0) {
          ctx.report({
            message: `Error response ${status} documents no error code: add a named example per Code it can carry.`,
            location: ctx.location.key(),
          });
          return;
        }
        for (const [name, example] of examples) {
          const code = codeOf(example);
          if (code !== name) {
            ctx.report({
              message: `Error example "${name}" must carry ResponseMetadata.Error.Code "${name}" (found ${code === undefined ? 'none' : `"${code}"`}).`,
              location: ctx.location.child(['content', 'application/json', 'examples', name]).key(),
            });
          }
        }
      },
    },
  };
}
