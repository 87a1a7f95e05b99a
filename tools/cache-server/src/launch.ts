// `pnpm cache:serve` as a child process on a free port, for the programs that need a remote cache for
// a while (the two-clone test, the pipeline benchmark): resolves once it prints its URL.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));

/** The team name the cache serves (any name works with turborepo-remote-cache; one keeps logs readable). */
export const TEAM = 'volc-openapi';

export interface LaunchedCache {
  server: ChildProcess;
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** What points turbo at it: TURBO_API, TURBO_TEAM and TURBO_TOKEN. */
  env: { TURBO_API: string; TURBO_TEAM: string; TURBO_TOKEN: string };
}

export async function launchCacheServer(storage: string, token: string): Promise<LaunchedCache> {
  const server = spawn(process.execPath, [CLI, '--port', '0', '--storage', storage], {
    env: { ...process.env, TURBO_TOKEN: token },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let printed = '';
    server.stdout?.on('data', (chunk: Buffer) => {
      printed += chunk;
      const found = /remote cache on (http:\/\/127\.0\.0\.1:\d+)/.exec(printed)?.[1];
      if (found) resolve(found);
    });
    server.once('exit', (code) => reject(new Error(`cache:serve exited with ${code}: ${printed}`)));
  });
  return { server, url, env: { TURBO_API: url, TURBO_TEAM: TEAM, TURBO_TOKEN: token } };
}
