import type { OperationMeta, PaginationMeta, WireEncoding } from './types.ts';

/**
 * One operation as the code generator writes it, compactly (every client bundle carries the table):
 * `[method, encoding, idempotent, pagination or 0, version or 0 (the table's), action (the id's)]`.
 */
export type OperationRow = readonly [
  method: 'GET' | 'POST',
  encoding: WireEncoding,
  idempotent: boolean,
  pagination?: PaginationMeta | 0,
  version?: string | 0,
  action?: string,
];

/** Expands a generated operation table into {@link OperationMeta} records, path keys included. */
export function defineOperations<Id extends string>(
  version: string,
  rows: Record<Id, OperationRow>,
): Record<Id, OperationMeta> {
  const table = {} as Record<Id, OperationMeta>;
  for (const id in rows) {
    const [method, encoding, idempotent, pagination, ownVersion, ownAction] = rows[id];
    const action = ownAction ?? id;
    const v = ownVersion || version;
    table[id] = { action, version: v, method, path: `/?Action=${action}&Version=${v}`, encoding, idempotent };
    if (pagination) table[id] = { ...table[id], pagination };
  }
  return table;
}
