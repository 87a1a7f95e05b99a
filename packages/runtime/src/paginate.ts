// Auto-pagination driven by the spec's `x-volc-pagination`, for any operation that declares it.
import type { CallOptions, PaginationMeta, RpcResult } from './types.ts';

/** Iterates every item of a paged operation with `for await`; `pages()` iterates whole pages instead. */
export interface Paginator<TItem, TPage> extends AsyncIterable<TItem> {
  /** Each page's `data`, fetching the next one only when asked. */
  pages(): AsyncIterable<TPage>;
}

type Call = (input: object | undefined, options?: CallOptions) => Promise<RpcResult<unknown>>;
type Fields = Record<string, unknown>;

const itemsOf = (page: unknown, name: string): unknown[] => {
  const items = (page as { Result?: Fields })?.Result?.[name];
  return Array.isArray(items) ? items : [];
};

/**
 * Pages through an operation. Offset style: the next request's offset is this one's plus the items
 * received; it stops on an empty page, when the offset reaches `total`, or — without a total — on a
 * page shorter than the requested limit. Cursor style: it stops on an empty page or a missing or
 * repeated next cursor. A failed page throws its {@link RpcError}.
 */
export function paginate<TItem, TPage>(
  call: Call,
  pagination: PaginationMeta,
  input: object | undefined,
  options?: CallOptions,
): Paginator<TItem, TPage> {
  async function* pages(): AsyncGenerator<TPage> {
    let request: Fields = { ...input };
    const seen = new Set<unknown>();
    for (;;) {
      const { data, error } = await call(request, options);
      if (error) throw error;
      yield data as TPage;
      const result = ((data as { Result?: Fields }).Result ?? {}) as Fields;
      const count = itemsOf(data, pagination.items).length;
      if (count === 0) return;
      if (pagination.style === 'offset') {
        const offset = Number(request[pagination.offset] ?? 0) + count;
        const total = pagination.total === undefined ? undefined : result[pagination.total];
        const limit = request[pagination.limit];
        const done =
          typeof total === 'number' ? offset >= total : typeof limit === 'number' ? count < limit : false;
        if (done) return;
        request = { ...request, [pagination.offset]: offset };
      } else {
        const next = result[pagination.nextCursor];
        if (next === undefined || next === null || next === '' || seen.has(next)) return;
        seen.add(next);
        request = { ...request, [pagination.cursor]: next };
      }
    }
  }
  return {
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* itemsOf(page, pagination.items) as TItem[];
    },
  };
}
