// The snippet machinery on a small Markdown text: what counts as runnable, and that every kind of
// failure — a type error, a throw, a wrong documented answer — names the file and line it comes from.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '@volc-openapi/spec-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENTED_MOCK_URL, snippetRunner } from '../src/run.ts';
import { extractSnippets, type Snippet } from '../src/snippets.ts';

const MARKDOWN = [
  '# Fixture', //                                   1
  '',
  '```ts',
  "console.log('not runnable');", //                 4
  '```',
  '',
  '```ts runnable',
  'const answer: number = 42;', //                   8
  'console.log(JSON.stringify({ answer, extra: true }));',
  '```',
  '',
  '```json output',
  '{ "answer": 42 }',
  '```',
  '',
  '```ts runnable',
  "const wrong: number = 'text';", //                17
  'console.log(wrong);',
  '```',
  '',
  '```ts runnable',
  "const url = 'http://127.0.0.1:4010';", //         22
  'const answer = await (await fetch(url)).text();',
  "if (answer !== 'served') throw new Error('the server said ' + answer);",
  "throw new Error('a failure on line 25');",
  '```',
  '',
  '```sh runnable',
  'echo \'{"remaining": 1}\'', //                     29
  '```',
  '',
  '```json output',
  '{ "remaining": 2 }',
  '```',
  '',
].join('\n');

const snippets = extractSnippets(MARKDOWN, 'fixture.md');
const runner = snippetRunner(
  snippets,
  fileURLToPath(new URL('../generated/fixture/', import.meta.url)),
  join(REPO_ROOT, 'tsconfig.base.json'),
);
function at(line: number): Snippet {
  const found = snippets.find((snippet) => snippet.line === line);
  if (!found) throw new Error(`no snippet starts on line ${line}`);
  return found;
}

let server: Server;
let url = '';
beforeAll(async () => {
  server = createServer((_request, response) => response.end('served'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('extractSnippets', () => {
  it('takes the blocks marked runnable, with their first line and documented output', () => {
    expect(snippets.map(({ line, language, output }) => ({ line, language, output }))).toEqual([
      { line: 8, language: 'ts', output: { answer: 42 } },
      { line: 17, language: 'ts', output: undefined },
      { line: 22, language: 'ts', output: undefined },
      { line: 29, language: 'sh', output: { remaining: 2 } },
    ]);
  });

  it('names the file and line of a block it cannot read', () => {
    expect(() => extractSnippets('text\n```python runnable\nprint(1)\n```\n', 'bad.md')).toThrow(
      'bad.md:2: a runnable block must be one of ts, sh, not "python"',
    );
    expect(() => extractSnippets('```ts runnable\nx\n', 'open.md')).toThrow(
      'open.md:1: this code block is never closed',
    );
    expect(() =>
      extractSnippets('```sh runnable\necho\n```\n```json output\n{ nope\n```\n', 'out.md'),
    ).toThrow(/^out\.md:4: the documented output is not JSON/);
  });
});

describe('snippetRunner', () => {
  it('reports type errors at their README line', async () => {
    const errors = await runner.typecheck();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^fixture\.md:17:7: error TS2322: Type 'string' is not assignable to type 'number'/,
    );
  });

  it('passes a snippet whose printed JSON contains the documented output', async () => {
    await expect(runner.run(at(8), url)).resolves.toBeUndefined();
  });

  it('runs against the given server in place of the documented mock URL, and names the failing line', async () => {
    expect(at(22).code).toContain(DOCUMENTED_MOCK_URL);
    const failure = runner.run(at(22), url);
    await expect(failure).rejects.toThrow(/^fixture\.md:22: the snippet exited with 1:/);
    // The stack points into the README, not into the file the snippet was written to.
    await expect(failure).rejects.toThrow(/fixture\.md:25/);
  });

  it('fails a snippet whose answer differs from the documented output, saying where', async () => {
    await expect(runner.run(at(29), url)).rejects.toThrow(
      'fixture.md:29: the answer differs from the documented output at remaining: documented 2, got 1',
    );
  });
});
