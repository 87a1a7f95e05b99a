// The phase times `pnpm test` prints before its closing count line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { formatPhases, PHASES_FILE, recordPhase, takePhases } from '../src/phases.ts';

const dirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'phases-'));
  dirs.push(dir);
  return join(dir, 'nested', 'phases.jsonl');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

it('records phases in order, hands them over once, then forgets them', () => {
  const file = scratch();
  recordPhase({ phase: 'setup', seconds: 12.5 }, file);
  recordPhase({ phase: 'build', seconds: 30 }, file);
  expect(takePhases(file)).toEqual([
    { phase: 'setup', seconds: 12.5 },
    { phase: 'build', seconds: 30 },
  ]);
  expect(takePhases(file)).toEqual([]);
});

it('prints one aligned row per phase and their total', () => {
  expect(
    formatPhases([
      { phase: 'setup', seconds: 12.25 },
      { phase: 'tests (vitest)', seconds: 100 },
    ]),
  ).toBe(
    [
      'Phases of this run:',
      '  setup              12.3 s',
      '  tests (vitest)    100.0 s',
      '  total             112.3 s',
    ].join('\n'),
  );
});

it('phase.ts times a command, records it and exits with its status', () => {
  const script = join(import.meta.dirname, '../src/phase.ts');
  const before = takePhases(PHASES_FILE);
  try {
    const ok = spawnSync(process.execPath, [script, 'quick', '--', 'true'], { encoding: 'utf8' });
    const failing = spawnSync(process.execPath, [script, 'failing', '--', 'sh', '-c', 'exit 3'], {
      encoding: 'utf8',
    });
    const missing = spawnSync(process.execPath, [script, 'no-command'], { encoding: 'utf8' });
    expect([ok.status, failing.status, missing.status]).toEqual([0, 3, 2]);
    expect(missing.stderr).toContain('usage: phase.ts <name> -- <command>');
    expect(takePhases(PHASES_FILE).map((phase) => phase.phase)).toEqual(['quick', 'failing']);
  } finally {
    // Put back what a surrounding `pnpm test` run recorded before this test.
    for (const phase of before) recordPhase(phase);
  }
});
