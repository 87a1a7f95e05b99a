import type { OperationMeta, PaginationMeta, WireEncoding } from './types.ts';

/**
 * One operation as the code generator writes it, compactly (every client bundle carries the table):
 * `[method, encoding, idempotent, pagination or 0, version or 0 (the table's), action or 0 (the id's),
 * 1 when sent unsigned]`.
 */
export type OperationRow = readonly [
  method: 'GET' | 'POST',
  encoding: WireEncoding,
  idempotent: boolean,
  pagination?: PaginationMeta | 0,
  version?: string | 0,
  action?: string | 0,
  unsigned?: 1,
];

/** Expands a generated operation table into {@link OperationMeta} records, path keys included. */
export function defineOperations<Id extends string>(
  version: string,
  rows: Record<Id, OperationRow>,
): Record<Id, OperationMeta> {
  const table = {} as Record<Id, OperationMeta>;
  for (const id in rows) {
    const [method, encoding, idempotent, pagination, ownVersion, ownAction, unsigned] = rows[id];
    const action = ownAction || id;
    const v = ownVersion || version;
    table[id] = { action, version: v, method, path: `/?Action=${action}&Version=${v}`, encoding, idempotent };
    if (pagination) table[id] = { ...table[id], pagination };
    if (unsigned) table[id] = { ...table[id], unsigned: true };
  }
  return table;
}
