import { deref, isObject, type JsonObject } from '@volc-openapi/spec-model';

/** One example of the spec, the schema it illustrates, and where it stands. */
export interface ExampleSite {
  /** Path of the example in the document, for messages. */
  where: string;
  /** Path of the schema the example must satisfy. */
  schemaPath: (string | number)[];
  value: unknown;
}

const resolve = (spec: JsonObject, node: unknown): JsonObject => (isObject(node) ? deref(spec, node) : {});

function mediaExamples(
  spec: JsonObject,
  media: JsonObject,
  at: (string | number)[],
  out: ExampleSite[],
): void {
  const schemaPath = [...at, 'schema'];
  if (media.example !== undefined)
    out.push({ where: [...at, 'example'].join(' > '), schemaPath, value: media.example });
  for (const [name, example] of Object.entries(isObject(media.examples) ? media.examples : {})) {
    out.push({
      where: [...at, 'examples', name].join(' > '),
      schemaPath,
      value: resolve(spec, example).value,
    });
  }
}

/**
 * Every example of the document with the schema it must satisfy: request and response media examples
 * (through shared components as well), parameter examples, and the `examples` of component schemas.
 */
export function collectExamples(spec: JsonObject): ExampleSite[] {
  const out: ExampleSite[] = [];
  const components = isObject(spec.components) ? spec.components : {};
  for (const [name, schema] of Object.entries(isObject(components.schemas) ? components.schemas : {})) {
    const examples = isObject(schema) && Array.isArray(schema.examples) ? schema.examples : [];
    examples.forEach((value, index) => {
      out.push({
        where: `components > schemas > ${name} > examples > ${index}`,
        schemaPath: ['components', 'schemas', name],
        value,
      });
    });
  }
  for (const [name, response] of Object.entries(isObject(components.responses) ? components.responses : {})) {
    const content = isObject(response) && isObject(response.content) ? response.content : {};
    for (const [type, media] of Object.entries(content)) {
      if (isObject(media))
        mediaExamples(spec, media, ['components', 'responses', name, 'content', type], out);
    }
  }
  for (const [key, item] of Object.entries(isObject(spec.paths) ? spec.paths : {})) {
    for (const [method, operation] of Object.entries(isObject(item) ? item : {})) {
      if (!isObject(operation)) continue;
      const at = ['paths', key, method];
      const body = isObject(operation.requestBody) ? operation.requestBody : {};
      for (const [type, media] of Object.entries(isObject(body.content) ? body.content : {})) {
        if (isObject(media)) mediaExamples(spec, media, [...at, 'requestBody', 'content', type], out);
      }
      (Array.isArray(operation.parameters) ? operation.parameters : []).forEach((parameter, index) => {
        if (isObject(parameter) && parameter.example !== undefined) {
          out.push({
            where: [...at, 'parameters', String(parameter.name), 'example'].join(' > '),
            schemaPath: [...at, 'parameters', index, 'schema'],
            value: parameter.example,
          });
        }
      });
      for (const [status, response] of Object.entries(
        isObject(operation.responses) ? operation.responses : {},
      )) {
        if (!isObject(response) || typeof response.$ref === 'string') continue; // shared ones are done above
        for (const [type, media] of Object.entries(isObject(response.content) ? response.content : {})) {
          if (isObject(media)) mediaExamples(spec, media, [...at, 'responses', status, 'content', type], out);
        }
      }
    }
  }
  return out;
}
