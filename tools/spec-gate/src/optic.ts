// Optic (`@useoptic/optic`, a maintained OpenAPI diff engine) as a second opinion: `optic diff <base>
// <head> --check` runs its breaking-change rules offline; its report is read back per operation, and
// the operation's path key is read as the Action and Version it names.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { PATH_KEY } from '@volc-openapi/spec-model';

export interface OpticFinding {
  action: string;
  version: string;
  method: string;
  rule: string;
  message: string;
  /** `file:line:column` as optic reports it. */
  at?: string;
}

const run = promisify(execFile);

/** The path of optic's CLI script in node_modules. */
export function opticBin(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('@useoptic/optic/package.json');
  const { bin } = require(manifest) as { bin: string | Record<string, string> };
  return join(dirname(manifest), typeof bin === 'string' ? bin : (bin.optic ?? ''));
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes are control characters.
const ANSI = /\u001b\[[0-9;]*m/g;
const OPERATION = /^[x✓!✔✖]?\s*(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s+(\S+):/;
const CHECK = /^\s*x \[([^\]]+)\]\s*(.*)$/;
const AT = /^\s*at (\S+)\s*$/;

/** The failed checks of optic's text report, each under the operation it concerns. */
export function parseOpticReport(text: string): OpticFinding[] {
  const findings: OpticFinding[] = [];
  let current: { method: string; action: string; version: string } | undefined;
  for (const raw of text.replace(ANSI, '').split(/\r?\n/)) {
    const operation = OPERATION.exec(raw);
    if (operation) {
      const [, method = '', key = ''] = operation;
      const match = PATH_KEY.exec(key);
      current = { method, action: match?.[1] ?? key, version: match?.[2] ?? '' };
      continue;
    }
    const check = CHECK.exec(raw);
    if (check && current) {
      findings.push({ ...current, rule: check[1] ?? '', message: (check[2] ?? '').trim() });
      continue;
    }
    const at = AT.exec(raw);
    const last = findings[findings.length - 1];
    if (at && last && last.at === undefined) last.at = at[1];
  }
  return findings;
}

/** Runs optic on two bundled files; resolves to its failed checks (none when it finds no break). */
export async function runOptic(baseFile: string, headFile: string, cwd: string): Promise<OpticFinding[]> {
  const env = { ...process.env, OPTIC_TELEMETRY_LEVEL: 'off', NO_COLOR: '1', FORCE_COLOR: '0', CI: 'true' };
  try {
    const { stdout } = await run(process.execPath, [opticBin(), 'diff', baseFile, headFile, '--check'], {
      cwd,
      env,
      maxBuffer: 256 * 1024 * 1024,
      timeout: 300_000,
    });
    return parseOpticReport(stdout);
  } catch (error) {
    // Optic exits non-zero when a check fails; its report is still on stdout.
    const { stdout, code } = error as { stdout?: string; code?: number | string };
    if (typeof stdout === 'string' && code === 1) return parseOpticReport(stdout);
    throw new Error(`optic diff failed: ${(error as Error).message}`);
  }
}
