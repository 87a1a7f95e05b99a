// The phases of one `bash tools/setup/setup.sh && pnpm test` run and how long each took: each phase
// appends a line to .cache/test-phases.jsonl (setup.sh in shell, the others through phase.ts), and the
// count reporter prints them just before its closing line, then deletes the file for the next run.
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PHASES_FILE: string = fileURLToPath(
  new URL('../../../.cache/test-phases.jsonl', import.meta.url),
);

export interface Phase {
  phase: string;
  seconds: number;
}

export function recordPhase(phase: Phase, file: string = PHASES_FILE): void {
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(phase)}\n`);
}

/** The phases recorded so far, and forgets them. */
export function takePhases(file: string = PHASES_FILE): Phase[] {
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  rmSync(file, { force: true });
  return lines.map((line) => JSON.parse(line) as Phase);
}

/** One line per phase and the total, e.g. `  setup                     95.2 s`. */
export function formatPhases(phases: Phase[]): string {
  const total = phases.reduce((sum, phase) => sum + phase.seconds, 0);
  const width = Math.max(...phases.map((phase) => phase.phase.length), 'total'.length);
  const row = (name: string, seconds: number) =>
    `  ${name.padEnd(width)}  ${seconds.toFixed(1).padStart(7)} s`;
  return [
    'Phases of this run:',
    ...phases.map((phase) => row(phase.phase, phase.seconds)),
    row('total', total),
  ].join('\n');
}
