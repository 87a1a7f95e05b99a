// A local npm registry for release tests: Verdaccio on 127.0.0.1, its storage in a folder of its own,
// no uplinks (packages of our scope come only from what was published to it), and one user whose
// token publishes.
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { runServer } from 'verdaccio';

export interface LocalRegistry {
  /** e.g. `http://127.0.0.1:4873/` (with the trailing slash npm writes). */
  url: string;
  /** A token of the registry's one user, who may publish. */
  token: string;
  /** `.npmrc` lines that authenticate to this registry. */
  npmrc: string;
  close(): Promise<void>;
}

/** Starts Verdaccio on a free port with storage under `folder`, and signs up its publishing user. */
export async function startRegistry(folder: string): Promise<LocalRegistry> {
  mkdirSync(folder, { recursive: true });
  const server = (await runServer({
    self_path: folder,
    storage: join(folder, 'storage'),
    auth: { htpasswd: { file: join(folder, 'htpasswd'), max_users: 10 } },
    uplinks: {},
    packages: {
      '@volc-openapi/*': { access: '$all', publish: '$authenticated', unpublish: '$authenticated' },
      '**': { access: '$all', publish: '$authenticated' },
    },
    log: { type: 'stdout', format: 'pretty', level: 'error' },
    web: { enable: false },
  } as never)) as Server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/`;
  const signup = await fetch(`${url}-/user/org.couchdb.user:release`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'release', password: 'release-password-1' }),
  });
  const { token } = (await signup.json()) as { token?: string };
  if (!signup.ok || !token) throw new Error(`Verdaccio refused the release user: HTTP ${signup.status}`);
  return {
    url,
    token,
    npmrc: `//127.0.0.1:${port}/:_authToken=${token}\n`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
