// A team shares one remote cache: `pnpm cache:serve` runs; a fresh clone builds with it (filling it);
// a second fresh clone then builds with every task a remote cache hit, and its outputs are
// byte-identical to the first clone's.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '@volc-openapi/spec-model';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type LaunchedCache, launchCacheServer } from '../src/launch.ts';

const TOKEN = 'remote-cache-test-token';
let work: string;
let cache: LaunchedCache | undefined;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'remote-cache-'));
  cache = await launchCacheServer(join(work, 'store'), TOKEN);
  expect(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).toContain('"cache:serve"');
});

afterAll(() => {
  cache?.server.kill('SIGTERM');
  if (work) rmSync(work, { recursive: true, force: true });
});

interface TaskSummary {
  taskId: string;
  cache: { status: 'HIT' | 'MISS'; source?: 'LOCAL' | 'REMOTE' };
}

/** Clones the committed repository, installs from the store and builds with the remote cache. */
function cloneAndBuild(name: string): { dir: string; tasks: TaskSummary[] } {
  const dir = join(work, name);
  execFileSync('git', ['clone', '--quiet', REPO_ROOT, dir]);
  execFileSync('pnpm', ['install', '--frozen-lockfile', '--offline', '--silent'], {
    cwd: dir,
    stdio: 'pipe',
  });
  execFileSync('pnpm', ['exec', 'turbo', 'run', 'build', '--summarize', '--output-logs=errors-only'], {
    cwd: dir,
    stdio: 'pipe',
    env: {
      ...process.env,
      ...cache?.env,
      TURBO_TELEMETRY_DISABLED: '1',
      REDOCLY_TELEMETRY: 'off',
    },
  });
  const runs = join(dir, '.turbo', 'runs');
  const [summary] = readdirSync(runs).filter((file) => file.endsWith('.json'));
  return {
    dir,
    tasks: (JSON.parse(readFileSync(join(runs, summary as string), 'utf8')) as { tasks: TaskSummary[] })
      .tasks,
  };
}

/** Path → sha256 of every file the build writes: `dist/` and `generated/` folders outside node_modules. */
function outputs(root: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (dir: string, inOutput: boolean) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === '.git' || entry.name === '.turbo') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, inOutput || entry.name === 'dist' || entry.name === 'generated');
      else if (inOutput)
        found.set(relative(root, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  for (const group of ['spec', 'packages', 'tools'])
    if (existsSync(join(root, group))) walk(join(root, group), false);
  return found;
}

it('fills the remote cache from one clone, and a second clone replays every task from it, byte for byte', () => {
  const first = cloneAndBuild('first');
  expect(first.tasks.length).toBeGreaterThan(10);
  expect(first.tasks.filter((task) => task.cache.status === 'HIT')).toEqual([]);

  const second = cloneAndBuild('second');
  const misses = second.tasks.filter((task) => task.cache.status !== 'HIT' || task.cache.source !== 'REMOTE');
  expect(misses.map((task) => task.taskId)).toEqual([]);
  expect(second.tasks.map((task) => task.taskId).sort()).toEqual(
    first.tasks.map((task) => task.taskId).sort(),
  );

  const built = outputs(first.dir);
  expect(built.size).toBeGreaterThan(50);
  expect(outputs(second.dir)).toEqual(built);
});
