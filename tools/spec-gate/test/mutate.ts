// In-place edits of a JSON document by path, for the gate's mutation tables.
import { isObject, type JsonObject } from '@volc-openapi/spec-model';

type Path = (string | number)[];

function parent(doc: JsonObject, path: Path): { container: JsonObject | unknown[]; key: string | number } {
  let node: unknown = doc;
  for (const part of path.slice(0, -1)) {
    node = Array.isArray(node) ? node[Number(part)] : isObject(node) ? node[String(part)] : undefined;
    if (node === undefined) throw new Error(`no ${path.join(' > ')}`);
  }
  if (!isObject(node) && !Array.isArray(node)) throw new Error(`no ${path.join(' > ')}`);
  return { container: node, key: path[path.length - 1] ?? '' };
}

export function get(doc: JsonObject, path: Path): unknown {
  const { container, key } = parent(doc, path);
  return Array.isArray(container) ? container[Number(key)] : container[String(key)];
}

export function set(doc: JsonObject, path: Path, value: unknown): void {
  const { container, key } = parent(doc, path);
  if (Array.isArray(container)) container[Number(key)] = value;
  else container[String(key)] = value;
}

export function remove(doc: JsonObject, path: Path): void {
  const { container, key } = parent(doc, path);
  if (Array.isArray(container)) container.splice(Number(key), 1);
  else delete container[String(key)];
}

export function push(doc: JsonObject, path: Path, value: unknown): void {
  const list = get(doc, path);
  if (!Array.isArray(list)) throw new Error(`${path.join(' > ')} is not a list`);
  list.push(value);
}

/** Moves a value to a new path (and returns it). */
export function move(doc: JsonObject, from: Path, to: Path): unknown {
  const value = get(doc, from);
  remove(doc, from);
  set(doc, to, value);
  return value;
}

export function copy(doc: JsonObject, from: Path, to: Path): void {
  set(doc, to, structuredClone(get(doc, from)));
}
