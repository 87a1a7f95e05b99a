// Auto-pagination from `x-volc-pagination`: over the mock (which repeats its one example page) and over a
// loopback server of our own that pages for real, for each stop condition.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRpcService,
  operationMethods,
  operationPaginators,
  type Paginator,
  RpcError,
} from '../src/node.ts';
import { type Mock, startMock, testClient } from './helpers.ts';
import { operations } from './spec.ts';

let mock: Mock;
let pager: Server;
let pagerUrl: string;
let calls: Record<string, unknown>[] = [];

/** 7 records; paging by Offset/Limit (with or without Total) or by Cursor. */
const RECORDS = Array.from({ length: 7 }, (_, i) => ({ Id: i + 1 }));

beforeAll(async () => {
  mock = await startMock();
  pager = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => {
      text += chunk;
    });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const input = (text ? JSON.parse(text) : Object.fromEntries(url.searchParams)) as Record<
        string,
        unknown
      >;
      calls.push(input);
      const action = url.searchParams.get('Action');
      const offset = Number(input.Offset ?? 0);
      const limit = Number(input.Limit ?? 3);
      let result: Record<string, unknown>;
      if (action === 'ListCursor') {
        const start = input.Cursor ? Number(input.Cursor) : 0;
        const next = start + 3 < RECORDS.length ? String(start + 3) : input.Sticky ? String(start) : '';
        result = { Items: RECORDS.slice(start, start + 3), NextCursor: next };
      } else if (action === 'ListNoTotal') result = { Records: RECORDS.slice(offset, offset + limit) };
      else if (action === 'ListFail' && offset > 0) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            ResponseMetadata: { RequestId: 'r-fail', Error: { Code: 'InternalError', Message: 'boom' } },
          }),
        );
        return;
      } else result = { Records: RECORDS.slice(offset, offset + limit), Total: RECORDS.length };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          ResponseMetadata: { RequestId: `r-${calls.length}`, Action: action },
          Result: result,
        }),
      );
    });
  });
  await new Promise<void>((resolve) => pager.listen(0, '127.0.0.1', resolve));
  pagerUrl = `http://127.0.0.1:${(pager.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await mock.close();
  await new Promise((resolve) => pager.close(resolve));
});

const offset = {
  style: 'offset',
  offset: 'Offset',
  limit: 'Limit',
  items: 'Records',
  total: 'Total',
} as const;
const table = {
  ListTotal: {
    action: 'ListTotal',
    version: 'v',
    method: 'POST',
    path: '/?Action=ListTotal&Version=v',
    encoding: 'json',
    idempotent: true,
    pagination: offset,
  },
  ListFail: {
    action: 'ListFail',
    version: 'v',
    method: 'POST',
    path: '/?Action=ListFail&Version=v',
    encoding: 'json',
    idempotent: false,
    pagination: offset,
  },
  ListNoTotal: {
    action: 'ListNoTotal',
    version: 'v',
    method: 'GET',
    path: '/?Action=ListNoTotal&Version=v',
    encoding: 'query',
    idempotent: true,
    pagination: { ...offset, total: undefined },
  },
  ListCursor: {
    action: 'ListCursor',
    version: 'v',
    method: 'POST',
    path: '/?Action=ListCursor&Version=v',
    encoding: 'json',
    idempotent: true,
    pagination: { style: 'cursor', cursor: 'Cursor', nextCursor: 'NextCursor', items: 'Items' },
  },
  Plain: {
    action: 'Plain',
    version: 'v',
    method: 'POST',
    path: '/?Action=Plain&Version=v',
    encoding: 'json',
    idempotent: true,
  },
} as const;
type Pagers = Record<keyof typeof table, (input?: object) => Paginator<{ Id: number }, { Result: unknown }>>;

function pagers(): Pagers {
  const service = createRpcService<object>({
    endpoint: pagerUrl,
    region: 'r',
    service: 's',
    credentials: { accessKeyId: 'A', secretAccessKey: 'S' },
  });
  return operationPaginators<Pagers>(operationMethods(service.call, table), table);
}

const all = async <T>(iterable: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
};

describe('offset pagination', () => {
  it('walks the mock: its one page holds Total 1, so it stops after it', async () => {
    const { service } = testClient(mock);
    const paged = operationPaginators<Pick<Pagers, 'GetThing' & keyof Pagers>>(
      operationMethods(service.call, operations),
      operations,
    ) as unknown as {
      GetThing(input: object): Paginator<{ Id: number }, unknown>;
    };
    expect(await all(paged.GetThing({ Type: 1, Limit: 10 }))).toEqual([{ Id: 1 }]);
  });

  it('fetches pages until the offset reaches Total', async () => {
    calls = [];
    expect((await all(pagers().ListTotal({ Limit: 3 }))).map((r) => r.Id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(calls.map((c) => c.Offset)).toEqual([undefined, 3, 6]);
  });

  it('starts from the caller’s offset and yields whole pages with pages()', async () => {
    calls = [];
    const pages = await all(pagers().ListTotal({ Offset: 2, Limit: 4 }).pages());
    expect(pages.map((p) => (p.Result as { Records: unknown[] }).Records.length)).toEqual([4, 1]);
  });

  it('without a Total, stops at a page shorter than the limit', async () => {
    calls = [];
    expect(await all(pagers().ListNoTotal({ Limit: 3 }))).toHaveLength(7);
    expect(calls.map((c) => c.Offset)).toEqual([undefined, '3', '6']);
  });

  it('without a Total or a limit, stops at an empty page', async () => {
    calls = [];
    expect(await all(pagers().ListNoTotal({}))).toHaveLength(7);
    expect(calls).toHaveLength(4);
  });

  it('fetches lazily: breaking out of the loop stops the requests', async () => {
    calls = [];
    for await (const record of pagers().ListTotal({ Limit: 3 })) if (record.Id === 2) break;
    expect(calls).toHaveLength(1);
  });

  it('throws the RpcError of a failed page', async () => {
    const failure = await all(pagers().ListFail({ Limit: 3 })).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RpcError);
    expect(failure).toMatchObject({ Code: 'InternalError', status: 500, RequestId: 'r-fail' });
  });
});

describe('cursor pagination', () => {
  it('follows NextCursor until it is empty', async () => {
    calls = [];
    expect((await all(pagers().ListCursor({}))).map((r) => r.Id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(calls.map((c) => c.Cursor)).toEqual([undefined, '3', '6']);
  });

  it('stops when a cursor repeats', async () => {
    calls = [];
    // The last page names its own cursor again: the loop ends instead of fetching it forever.
    expect(await all(pagers().ListCursor({ Sticky: true }))).toHaveLength(7);
    expect(calls.map((c) => c.Cursor)).toEqual([undefined, '3', '6']);
  });

  it('offers paginators only for operations that declare x-volc-pagination', () => {
    expect(Object.keys(pagers()).sort()).toEqual(['ListCursor', 'ListFail', 'ListNoTotal', 'ListTotal']);
  });
});
