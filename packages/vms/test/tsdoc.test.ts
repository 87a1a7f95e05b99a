// The spec's summaries and deprecations reach editors: they are in the emitted .d.ts, and the
// TypeScript language service (what editors ask) shows them on `vms.<Action>`. Run after `pnpm build`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { spec } from './helpers.ts';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const dts = readFileSync(`${dist}index.d.ts`, 'utf8');
const operations = Object.values(spec.paths).flatMap((item) =>
  Object.values(item).map((operation) => operation as typeof operation & { 'x-volc-replaced-by'?: string }),
);

/** Quick info (what an editor's hover shows) for `vms.<id>` in a file beside the built types. */
function hover(ids: string[]): Map<string, ts.QuickInfo | undefined> {
  const probe = `${dist}__probe.ts`;
  const lines = [
    "import { createVmsClient } from './index.js';",
    'const vms = createVmsClient();',
    ...ids.map((id) => `vms.${id};`),
  ];
  const text = lines.join('\n');
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [probe],
    getScriptVersion: () => '1',
    getScriptSnapshot: (name) => {
      const source = name === probe ? text : ts.sys.readFile(name);
      return source === undefined ? undefined : ts.ScriptSnapshot.fromString(source);
    },
    getCurrentDirectory: () => dist,
    getCompilationSettings: () => ({
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true,
    }),
    getDefaultLibFileName: ts.getDefaultLibFilePath,
    fileExists: (name) => name === probe || ts.sys.fileExists(name),
    readFile: (name) => (name === probe ? text : ts.sys.readFile(name)),
  };
  const service = ts.createLanguageService(host);
  const out = new Map<string, ts.QuickInfo | undefined>();
  ids.forEach((id, index) => {
    const line = lines[index + 2] as string;
    out.set(id, service.getQuickInfoAtPosition(probe, text.indexOf(line) + 4));
  });
  return out;
}

describe('TSDoc in the built client', () => {
  const infos = hover(operations.map((operation) => operation.operationId));

  it('shows every operation’s summary on hover', () => {
    expect(operations.length).toBeGreaterThan(2);
    expect(operations.filter((o) => o.deprecated).length).toBeGreaterThan(0);
    for (const operation of operations) {
      const documentation = ts.displayPartsToString(infos.get(operation.operationId)?.documentation);
      expect(documentation, operation.operationId).toContain(operation.summary ?? '');
    }
  });

  it('marks deprecated operations @deprecated, naming their replacement', () => {
    const deprecated = operations.filter((operation) => operation.deprecated);
    for (const operation of deprecated) {
      const tag = infos
        .get(operation.operationId)
        ?.tags?.find((candidate) => candidate.name === 'deprecated');
      expect(tag, operation.operationId).toBeDefined();
      const replacement = operation['x-volc-replaced-by'];
      if (replacement) {
        expect(ts.displayPartsToString(tag?.text)).toContain(replacement);
        expect(dts).toContain(
          `@deprecated Use {@link VmsOperations.${replacement} | ${replacement}} instead.`,
        );
      }
    }
    for (const operation of operations.filter((candidate) => !candidate.deprecated)) {
      expect(infos.get(operation.operationId)?.tags?.some((tag) => tag.name === 'deprecated')).toBeFalsy();
    }
  });
});
