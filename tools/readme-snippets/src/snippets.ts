// Reads the runnable snippets of a Markdown file: fenced blocks whose info string says `runnable`
// (```ts runnable, ```sh runnable), each with the line it starts on and the documented answer that
// may follow it (a ```json output block).

export const RUNNABLE_LANGUAGES = ['ts', 'sh'] as const;
export type SnippetLanguage = (typeof RUNNABLE_LANGUAGES)[number];

export interface Snippet {
  /** The Markdown file, as the caller named it (e.g. `packages/vms/README.md`). */
  file: string;
  /** Line of the snippet's first code line in that file, counted from 1. */
  line: number;
  language: SnippetLanguage;
  code: string;
  /** The answer documented right after the snippet, parsed; the snippet must print JSON containing it. */
  output?: unknown;
}

/** A Markdown file whose snippets cannot be read; its message names the file and line. */
export class SnippetSyntaxError extends Error {
  constructor(file: string, line: number, problem: string) {
    super(`${file}:${line}: ${problem}`);
    this.name = 'SnippetSyntaxError';
  }
}

interface Fence {
  /** Line of the opening fence, counted from 1. */
  line: number;
  info: string[];
  body: string[];
}

const FENCE = /^(```+|~~~+)\s*(.*)$/;

/** Every fenced block, with its info string split into words. */
function fences(markdown: string, file: string): Fence[] {
  const lines = markdown.split('\n');
  const found: Fence[] = [];
  for (let index = 0; index < lines.length; index++) {
    const open = FENCE.exec(lines[index] ?? '');
    if (!open?.[1]) continue;
    const marker = open[1];
    const body: string[] = [];
    const start = index;
    for (index++; index < lines.length && !(lines[index] ?? '').startsWith(marker); index++)
      body.push(lines[index] ?? '');
    if (index >= lines.length)
      throw new SnippetSyntaxError(file, start + 1, 'this code block is never closed');
    found.push({ line: start + 1, info: (open[2] ?? '').trim().split(/\s+/).filter(Boolean), body });
  }
  return found;
}

/** True when nothing but blank lines separates two blocks. */
const adjacent = (markdown: string[], before: Fence, after: Fence) =>
  markdown.slice(before.line + before.body.length + 1, after.line - 1).every((line) => !line.trim());

/** The runnable snippets of `markdown`, in file order; `file` names it in snippets and errors. */
export function extractSnippets(markdown: string, file: string): Snippet[] {
  const lines = markdown.split('\n');
  const blocks = fences(markdown, file);
  const snippets: Snippet[] = [];
  blocks.forEach((block, index) => {
    if (!block.info.slice(1).includes('runnable')) return;
    const language = block.info[0] as SnippetLanguage;
    if (!RUNNABLE_LANGUAGES.includes(language))
      throw new SnippetSyntaxError(
        file,
        block.line,
        `a runnable block must be one of ${RUNNABLE_LANGUAGES.join(', ')}, not "${block.info[0] ?? ''}"`,
      );
    const snippet: Snippet = { file, line: block.line + 1, language, code: `${block.body.join('\n')}\n` };
    const next = blocks[index + 1];
    if (next && next.info[0] === 'json' && next.info.includes('output') && adjacent(lines, block, next)) {
      try {
        snippet.output = JSON.parse(next.body.join('\n'));
      } catch (error) {
        throw new SnippetSyntaxError(
          file,
          next.line,
          `the documented output is not JSON: ${(error as Error).message}`,
        );
      }
    }
    snippets.push(snippet);
  });
  return snippets;
}
