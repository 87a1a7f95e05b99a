// Per-service regeneration in the docs scripts: after a build, running them again redoes no service
// (their inputs are unchanged) and writes nothing, so pages being served by other tests stay whole.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { PACKAGE_DIR, siteServices } from '../scripts/site.ts';

const { built } = siteServices();

/** Modification times of the files of each service's generated folder and page folder, and the landing page. */
const stamps = () => [
  ...built.flatMap((service) =>
    [service.generatedDir, service.distDir].flatMap((dir) =>
      readdirSync(dir).map((name) => `${name} ${statSync(join(dir, name)).mtimeMs}`),
    ),
  ),
  `index.html ${statSync(join(PACKAGE_DIR, 'dist/index.html')).mtimeMs}`,
];

it.each(['generate', 'build'])('pnpm %s keeps every unchanged service as it is', (script) => {
  const before = stamps();
  const run = spawnSync(process.execPath, [join(PACKAGE_DIR, 'scripts', `${script}.ts`)], {
    cwd: PACKAGE_DIR,
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
  });
  expect(run.status, run.stderr).toBe(0);
  for (const service of built)
    expect(run.stdout).toContain(`docs ${script}: ${service.entry.name} unchanged`);
  expect(stamps()).toEqual(before);
});
