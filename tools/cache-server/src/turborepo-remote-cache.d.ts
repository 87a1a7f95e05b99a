// turborepo-remote-cache ships no types: the part of its API (a Fastify app) that cache:serve uses.
declare module 'turborepo-remote-cache' {
  import type { Server } from 'node:http';

  export interface RemoteCacheApp {
    listen(options: { host: string; port: number }): Promise<string>;
    close(): Promise<void>;
    readonly server: Server;
  }

  export function createApp(options?: { bodyLimit?: number; trustProxy?: boolean }): RemoteCacheApp;
}
