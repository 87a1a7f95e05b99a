#!/usr/bin/env node
// pnpm cache:serve [--port <n>] [--storage <dir>]: a Turborepo remote cache on 127.0.0.1, served by
// turborepo-remote-cache with a local storage folder, so a team's clones (laptops, CI) share every
// build's outputs. Prints how to point turbo at it; stops on SIGINT/SIGTERM/SIGHUP.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { stopWith } from '@volc-openapi/mock-server';
import { REPO_ROOT } from '@volc-openapi/spec-model';
import { TEAM } from './launch.ts';

/** The team name the cache files artifacts under; any name works when every client uses the same. */

function fail(message: string): never {
  process.stderr.write(`cache:serve: ${message}\n`);
  process.exit(2);
}

const { values } = (() => {
  try {
    return parseArgs({
      args: process.argv.slice(2).filter((arg) => arg !== '--'),
      options: {
        port: { type: 'string', default: process.env.CACHE_PORT ?? '4020' },
        storage: { type: 'string', default: resolve(REPO_ROOT, '.cache/turbo-remote') },
      },
    });
  } catch (error) {
    fail((error as Error).message);
  }
})();
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`--port must be a port number, got "${values.port}"`);
const storage = resolve(process.env.INIT_CWD ?? process.cwd(), values.storage);
mkdirSync(storage, { recursive: true });
const givenToken = process.env.TURBO_TOKEN;
const token = givenToken || randomBytes(18).toString('base64url');

// turborepo-remote-cache reads its settings from the environment when it is loaded.
Object.assign(process.env, {
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  PORT: String(port),
  TURBO_TOKEN: token,
  STORAGE_PROVIDER: 'local',
  STORAGE_PATH: storage,
  STORAGE_PATH_USE_TMP_FOLDER: 'false',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
});
const { createApp } = await import('turborepo-remote-cache');
const app = createApp({ bodyLimit: 512 * 1024 * 1024 });
try {
  await app.listen({ host: '127.0.0.1', port });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  fail(
    code === 'EADDRINUSE'
      ? `port ${port} is already in use (pick another: --port <n> or CACHE_PORT=<n>)`
      : String(error),
  );
}
const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
stopWith(() => app.close(), { log: (message) => process.stderr.write(`cache:serve: ${message}\n`) });
process.stdout.write(
  `Turborepo remote cache on ${url} (127.0.0.1 only), storing artifacts in ${storage}\n` +
    'Point turbo at it (this shell, CI, or a teammate through an SSH tunnel):\n' +
    `  export TURBO_API=${url} TURBO_TEAM=${TEAM} TURBO_TOKEN=${givenToken ? '"$TURBO_TOKEN"' : token}\n`,
);
