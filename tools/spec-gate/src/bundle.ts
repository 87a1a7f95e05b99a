// Bundles a spec from its sources with redocly, into one JSON file, as its package build does.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The working spec is not a readable bundle: its message is one line, `file:line:column: what`. */
export class SpecInputError extends Error {}

/**
 * The first problem of redocly's bundle report, as `file:line:column: message`: its numbered blocks
 * start `[1] <file>:<line>:<col>`, then a blank line and the message.
 */
export function firstBundleProblem(report: string): string | undefined {
  const match = /^\[\d+\] (\S+:\d+:\d+)[^\n]*\n\s*\n([^\n]+)/m.exec(report);
  return match ? `${match[1]}: ${match[2]?.trim()}` : undefined;
}

export interface BundleOptions {
  /** Repository root, where redocly.yaml is. */
  cwd: string;
  /** The API name in redocly.yaml: the service name of the registry. */
  api: string;
  /** Output file; a fresh temporary file when absent. */
  out?: string;
}

/** Runs `redocly bundle <api> --config redocly.yaml --ext json -o <out>`; resolves to `out`. */
export async function bundleSpec(options: BundleOptions): Promise<string> {
  const out = options.out ?? join(mkdtempSync(join(tmpdir(), 'spec-gate-')), 'head.openapi.json');
  try {
    await run('redocly', ['bundle', options.api, '--config', 'redocly.yaml', '--ext', 'json', '-o', out], {
      cwd: options.cwd,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const { stderr = '', stdout = '' } = error as { stderr?: string; stdout?: string };
    const problem = firstBundleProblem(`${stdout}\n${stderr}`);
    if (problem) throw new SpecInputError(problem);
    throw new Error(`redocly bundle ${options.api} failed: ${stderr.trim() || (error as Error).message}`);
  }
  return out;
}
