// Runs snippets as a reader would: TypeScript snippets are type-checked together, then each runs as
// its own Node module; shell snippets run in bash. Every problem is reported at the README line it
// comes from. Snippets address `pnpm mock` at its default URL; they run against the mock given.
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Snippet } from './snippets.ts';

/** Where READMEs say `pnpm mock` listens (its default port); replaced by the URL of the mock under test. */
export const DOCUMENTED_MOCK_URL = 'http://127.0.0.1:4010';

const run = promisify(execFile);
const SNIPPET_TIMEOUT_MS = 30_000;

/** The file a snippet is written to in the work folder, named after its README and line. */
const fileName = (snippet: Snippet) =>
  `${snippet.file.replace(/[^A-Za-z0-9]+/g, '-')}-L${snippet.line}.${snippet.language}`;

/** Replaces references to a snippet's file (its path and file URL, with a line) by its README line. */
function toReadmeLines(text: string, snippet: Snippet, path: string): string {
  let out = text;
  for (const written of [pathToFileURL(path).href, path])
    out = out.replaceAll(
      new RegExp(`${written.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+)`, 'g'),
      (_match, line: string) => `${snippet.file}:${snippet.line + Number(line) - 1}`,
    );
  return out;
}

/** A snippet that failed; its message starts with the README file and line. */
export class SnippetFailure extends Error {
  constructor(snippet: Snippet, problem: string) {
    super(`${snippet.file}:${snippet.line}: ${problem}`);
    this.name = 'SnippetFailure';
  }
}

export interface SnippetRunner {
  /** Type-checks every TypeScript snippet; each error is one `README:line:column: message` line. */
  typecheck(): Promise<string[]>;
  /** Runs one snippet against the mock at `mockUrl`; throws a {@link SnippetFailure}. */
  run(snippet: Snippet, mockUrl: string): Promise<void>;
}

/**
 * Writes `snippets` into `workDir` (emptied first), which must sit where their imports resolve (a
 * package whose dependencies include the clients they import) and under the repository's
 * `tsconfig.base.json` at `baseConfig`.
 */
export function snippetRunner(snippets: Snippet[], workDir: string, baseConfig: string): SnippetRunner {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const paths = new Map(snippets.map((snippet) => [snippet, join(workDir, fileName(snippet))]));
  const typescript = snippets.filter((snippet) => snippet.language === 'ts');
  writeFileSync(
    join(workDir, 'tsconfig.json'),
    JSON.stringify({ extends: baseConfig, include: typescript.map(fileName) }),
  );
  return {
    async typecheck() {
      if (typescript.length === 0) return [];
      for (const snippet of typescript) writeFileSync(paths.get(snippet) ?? '', snippet.code);
      // TypeScript 7 (the native compiler) exports no `bin/tsc` subpath: the script sits beside its manifest.
      const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc');
      const checked = await run(process.execPath, [tsc, '-p', 'tsconfig.json', '--pretty', 'false'], {
        cwd: workDir,
      }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? String(error) }));
      // tsc writes `file.ts(line,col): error TS…: message`.
      const byFile = new Map(typescript.map((snippet) => [fileName(snippet), snippet]));
      return checked.stdout
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => {
          const found = /^(.+?)\((\d+),(\d+)\): (.*)$/.exec(line);
          const snippet = found?.[1] ? byFile.get(found[1]) : undefined;
          return found && snippet
            ? `${snippet.file}:${snippet.line + Number(found[2]) - 1}:${found[3]}: ${found[4]}`
            : line;
        });
    },

    async run(snippet, mockUrl) {
      const path = paths.get(snippet);
      if (!path) throw new SnippetFailure(snippet, 'this snippet was not given to the runner');
      writeFileSync(path, snippet.code.replaceAll(DOCUMENTED_MOCK_URL, mockUrl));
      const [command, args] =
        snippet.language === 'ts' ? [process.execPath, [path]] : ['bash', ['-euo', 'pipefail', path]];
      // The reader's own keys never reach a snippet: the snippets use the mock's demo keys.
      const env = Object.fromEntries(
        Object.entries(process.env).filter(([name]) => !name.startsWith('VOLC_')),
      );
      let stdout: string;
      try {
        ({ stdout } = await run(command, args, { cwd: workDir, env, timeout: SNIPPET_TIMEOUT_MS }));
      } catch (error) {
        const {
          stdout: out = '',
          stderr = '',
          killed,
          code,
        } = error as {
          stdout?: string;
          stderr?: string;
          killed?: boolean;
          code?: number | string;
        };
        const why = killed ? `did not finish within ${SNIPPET_TIMEOUT_MS / 1000} s` : `exited with ${code}`;
        throw new SnippetFailure(
          snippet,
          `the snippet ${why}:\n${toReadmeLines(`${out}${stderr}`.trim().slice(-3000), snippet, path)}`,
        );
      }
      if (snippet.output === undefined) return;
      let printed: unknown;
      try {
        printed = JSON.parse(stdout);
      } catch {
        throw new SnippetFailure(
          snippet,
          `a documented output follows, but the snippet printed no JSON:\n${stdout}`,
        );
      }
      const difference = differs(printed, snippet.output, '');
      if (difference)
        throw new SnippetFailure(snippet, `the answer differs from the documented output at ${difference}`);
    },
  };
}

/**
 * Where `actual` fails to contain `documented`, or undefined: objects may have more fields than
 * documented, lists must have as many items, other values must be equal.
 */
function differs(actual: unknown, documented: unknown, at: string): string | undefined {
  const here = at || '(the whole answer)';
  if (Array.isArray(documented)) {
    if (!Array.isArray(actual) || actual.length !== documented.length)
      return `${here}: documented a list of ${documented.length}, got ${JSON.stringify(actual)}`;
    for (const [index, item] of documented.entries()) {
      const found = differs(actual[index], item, `${at}[${index}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (documented !== null && typeof documented === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual))
      return `${here}: documented an object, got ${JSON.stringify(actual)}`;
    for (const [key, value] of Object.entries(documented)) {
      const found = differs((actual as Record<string, unknown>)[key], value, at ? `${at}.${key}` : key);
      if (found) return found;
    }
    return undefined;
  }
  return Object.is(actual, documented)
    ? undefined
    : `${here}: documented ${JSON.stringify(documented)}, got ${JSON.stringify(actual)}`;
}
