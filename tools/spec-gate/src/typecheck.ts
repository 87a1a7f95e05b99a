// The TypeScript compiler over generated probe files: one program, diagnostics of the named files only
// (the code they import is checked as far as they use it), each as a file, a 1-based line and a message.
import ts from 'typescript';

export interface Diagnostic {
  file: string;
  line: number;
  /** The compiler's message: its first line and, when the chain goes deeper, its last one. */
  message: string;
}

/** The options the docs type-check their samples with (tsconfig.base.json), plus module aliases. */
export function compilerOptions(paths: Record<string, string[]> = {}): ts.CompilerOptions {
  return {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noUncheckedIndexedAccess: true,
    allowImportingTsExtensions: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
    paths,
  };
}

const clip = (text: string) => (text.length > 240 ? `${text.slice(0, 237)}...` : text);

function message(diagnostic: ts.Diagnostic): string {
  const lines = ts
    .flattenDiagnosticMessageText(diagnostic.messageText, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const [first = '', ...rest] = lines;
  const last = rest[rest.length - 1];
  return last ? `${clip(first)} … ${clip(last)}` : clip(first);
}

/** Type-checks `files` in one program and returns their diagnostics. */
export function typecheck(files: string[], options: ts.CompilerOptions): Diagnostic[] {
  const program = ts.createProgram(files, options);
  const out: Diagnostic[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    for (const diagnostic of [
      ...program.getSyntacticDiagnostics(source),
      ...program.getSemanticDiagnostics(source),
    ]) {
      const line = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1;
      out.push({ file, line, message: message(diagnostic) });
    }
  }
  return out;
}
