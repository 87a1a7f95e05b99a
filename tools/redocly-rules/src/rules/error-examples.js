/**
 * An error code is documented by a named example on an error response: the example's name is the
 * Code, and its value is the error envelope carrying that Code. Clients derive their typed error codes
 * and the docs their error tables from these examples, so each must be present and consistent.
 */
export default function ErrorExamples() {
  return {
    Response: {
      enter(response, ctx) {
        const status = String(ctx.key);
        if (!/^[45]\d\d$/.test(status)) return;
        const media = response.content?.['application/json'];
        const examples = Object.entries(media?.examples ?? {});
        if (examples.length === 0) {
          ctx.report({
            message: `Error response ${status} documents no error code: add a named example per Code it can carry.`,
            location: ctx.location.key(),
          });
          return;
        }
        for (const [name, example] of examples) {
          const code = example?.value?.ResponseMetadata?.Error?.Code;
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
