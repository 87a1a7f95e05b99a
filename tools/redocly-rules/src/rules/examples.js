/**
 * Every operation shows a request and a success answer: each request media type and the 200 media
 * type carry an example, and every query or header parameter has one.
 */
export default function Examples() {
  return {
    Operation: {
      enter(operation, ctx) {
        const id = operation.operationId ?? String(ctx.key);
        const hasExample = (media) =>
          media && (media.example !== undefined || Object.keys(media.examples ?? {}).length > 0);

        const resolve = (node) => (node?.$ref ? ctx.resolve(node).node : node);
        const requestBody = resolve(operation.requestBody);
        for (const [mediaType, media] of Object.entries(requestBody?.content ?? {})) {
          if (!hasExample(media)) {
            ctx.report({
              message: `Request body "${mediaType}" of "${id}" has no example.`,
              location: ctx.location.child(['requestBody', 'content', mediaType]).key(),
            });
          }
        }
        (operation.parameters ?? []).map(resolve).forEach((parameter, index) => {
          const schemaExamples = resolve(parameter.schema)?.examples ?? [];
          if (parameter.example === undefined && !parameter.examples && schemaExamples.length === 0) {
            ctx.report({
              message: `Parameter "${parameter.name}" of "${id}" has no example.`,
              location: ctx.location.child(['parameters', index]).key(),
            });
          }
        });
        const success = resolve(operation.responses?.['200']);
        if (!success) {
          ctx.report({
            message: `"${id}" has no 200 response.`,
            location: ctx.location.child(['responses']).key(),
          });
          return;
        }
        const media = success.content?.['application/json'];
        if (!hasExample(media)) {
          ctx.report({
            message: `The 200 response of "${id}" has no application/json example.`,
            location: ctx.location.child(['responses', '200']).key(),
          });
        }
      },
    },
  };
}
