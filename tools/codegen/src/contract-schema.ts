// Where an operation's inputs live in the bundled document: each top-level parameter with the pointer of
// its schema (so a validator can compile it in place), whether it travels in the query or the body.
import { follow, isObject, type JsonObject, nodeAt } from '@volc-openapi/spec-model';

/** A JSON pointer as its segments, e.g. ['components', 'schemas', 'Foo']. */
export type Pointer = string[];

export interface InputParameter {
  name: string;
  in: 'query' | 'body';
  required: boolean;
  /** Pointer of the parameter's schema, references followed. */
  schema: Pointer;
}

export interface InputModel {
  parameters: InputParameter[];
  body?: { mediaType: string; pointer: Pointer; encoding: JsonObject };
  successSchema: Pointer;
}

/** Follows references from `pointer`; returns the node and the pointer where it really lives. */
export function locate(spec: JsonObject, pointer: Pointer): { node: JsonObject; pointer: Pointer } {
  const { node, at } = follow(spec, nodeAt(spec, pointer), pointer);
  return { node, pointer: at };
}

/** The properties and required names of an object schema, through `$ref` and `allOf`. */
export function objectShape(
  spec: JsonObject,
  pointer: Pointer,
  depth = 0,
): { properties: Map<string, Pointer>; required: Set<string> } {
  const { node, pointer: where } = locate(spec, pointer);
  const properties = new Map<string, Pointer>();
  const required = new Set<string>(Array.isArray(node.required) ? node.required.map(String) : []);
  for (const name of Object.keys(isObject(node.properties) ? node.properties : {}))
    properties.set(name, locate(spec, [...where, 'properties', name]).pointer);
  if (Array.isArray(node.allOf) && depth < 8) {
    node.allOf.forEach((_branch, index) => {
      const inner = objectShape(spec, [...where, 'allOf', String(index)], depth + 1);
      for (const [name, child] of inner.properties) if (!properties.has(name)) properties.set(name, child);
      for (const name of inner.required) required.add(name);
    });
  }
  return { properties, required };
}

export function inputModel(
  spec: JsonObject,
  path: string,
  method: string,
  operation: JsonObject,
): InputModel {
  const opPointer = locate(spec, ['paths', path, method]).pointer;
  const parameters: InputParameter[] = [];
  const list = Array.isArray(operation.parameters) ? operation.parameters : [];
  list.forEach((_node, index) => {
    const { node, pointer } = locate(spec, [...opPointer, 'parameters', String(index)]);
    if (node.in !== 'query' || node.name === 'Action' || node.name === 'Version') return;
    parameters.push({
      name: String(node.name),
      in: 'query',
      required: node.required === true,
      schema: locate(spec, [...pointer, 'schema']).pointer,
    });
  });

  let body: InputModel['body'];
  if (operation.requestBody !== undefined) {
    const { node: requestBody, pointer } = locate(spec, [...opPointer, 'requestBody']);
    const content = isObject(requestBody.content) ? requestBody.content : {};
    const [mediaType] = Object.keys(content);
    if (mediaType !== undefined) {
      const media = content[mediaType] as JsonObject;
      const schema = locate(spec, [...pointer, 'content', mediaType, 'schema']).pointer;
      body = { mediaType, pointer: schema, encoding: isObject(media.encoding) ? media.encoding : {} };
      const shape = objectShape(spec, schema);
      for (const [name, child] of shape.properties)
        parameters.push({ name, in: 'body', required: shape.required.has(name), schema: child });
    }
  }
  const ok = locate(spec, [...opPointer, 'responses', '200']).pointer;
  const successSchema = locate(spec, [...ok, 'content', 'application/json', 'schema']).pointer;
  return { parameters, ...(body ? { body } : {}), successSchema };
}
