// API Extractor over one published package: per declaration entry, its API report (the readable list of
// exports and their types) and its declaration rollup (the same API as one self-contained .d.ts).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { CompilerState, Extractor, ExtractorConfig, ExtractorLogLevel } from '@microsoft/api-extractor';
import type { ApiEntry, PublishedPackage } from './packages.ts';

export interface EntryApi {
  entry: ApiEntry;
  /** API Extractor's report of the entry, without its file header and with no release tags. */
  report: string;
  /** The entry's declarations rolled up into one file (LF line ends). */
  rollup: string;
}

/** A package that cannot be read: not built, or its declarations do not compile. */
export class ApiReportError extends Error {}

const COMPILER_OPTIONS = {
  strict: true,
  skipLibCheck: true,
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  target: 'ES2022',
  lib: ['ES2023', 'DOM', 'DOM.Iterable'],
  types: ['node'],
};

function prepare(pkg: PublishedPackage, entry: ApiEntry, scratch: string, files: string[]): ExtractorConfig {
  return ExtractorConfig.prepare({
    configObject: {
      projectFolder: pkg.dir,
      mainEntryPointFilePath: join(pkg.dir, entry.file),
      compiler: { overrideTsconfig: { compilerOptions: COMPILER_OPTIONS, files } },
      apiReport: {
        enabled: true,
        reportFolder: scratch,
        reportTempFolder: scratch,
        reportFileName: entry.name,
      },
      docModel: { enabled: false },
      tsdocMetadata: { enabled: false },
      dtsRollup: { enabled: true, untrimmedFilePath: join(scratch, `${entry.name}.d.ts`) },
      messages: {
        compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Error } },
        // The packages use no release tags (@public, @beta...): everything exported is public, and
        // documentation is not what these reports are about; only problems that stop the analysis count.
        extractorMessageReporting: {
          default: { logLevel: ExtractorLogLevel.None, addToApiReportFile: false },
        },
        tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None, addToApiReportFile: false } },
      },
    },
    configObjectFullPath: undefined,
    packageJsonFullPath: join(pkg.dir, 'package.json'),
  });
}

/**
 * The report body: API Extractor's code block in LF line ends, without the `// @public` and
 * `// (undocumented)` lines that every export and member would carry here.
 */
function reportBody(text: string): string {
  const lines = text.replaceAll('\r\n', '\n').split('\n');
  const start = lines.findIndex((line) => line.startsWith('```ts'));
  return lines
    .slice(Math.max(start, 0))
    .filter((line) => !/^\s*\/\/ (@public )?\(undocumented\)$|^\s*\/\/ @public$/.test(line))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd();
}

/** Runs API Extractor on every entry of a built package, with one TypeScript program for all of them. */
export function extractPackage(pkg: PublishedPackage): EntryApi[] {
  const files = pkg.entries.map((entry) => join(pkg.dir, entry.file));
  for (const file of files)
    if (!existsSync(file))
      throw new ApiReportError(`${pkg.name}: ${relative(pkg.dir, file)} is not built; run pnpm build first`);
  const scratch = mkdtempSync(join(tmpdir(), 'api-report-'));
  try {
    let compilerState: CompilerState | undefined;
    return pkg.entries.map((entry) => {
      const config = prepare(pkg, entry, scratch, files);
      compilerState ??= CompilerState.create(config, { additionalEntryPoints: files });
      const errors: string[] = [];
      Extractor.invoke(config, {
        localBuild: true,
        compilerState,
        messageCallback: (message) => {
          if (message.logLevel === ExtractorLogLevel.Error)
            errors.push(message.formatMessageWithLocation(pkg.dir));
          message.handled = true;
        },
      });
      if (errors.length > 0) throw new ApiReportError(`${pkg.name} (${entry.file}): ${errors[0]}`);
      return {
        entry,
        report: reportBody(readFileSync(join(scratch, `${entry.name}.api.md`), 'utf8')),
        rollup: readFileSync(join(scratch, `${entry.name}.d.ts`), 'utf8').replaceAll('\r\n', '\n'),
      };
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
