// Node-only credential providers, in the places the official Volcengine Node SDK reads them.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { CredentialsProvider } from './credentials.ts';

/** `VOLC_ACCESSKEY`, `VOLC_SECRETKEY` and optional `VOLC_SESSION_TOKEN`, read at each call. */
export const fromEnv =
  (env: Record<string, string | undefined> = process.env): CredentialsProvider =>
  () => {
    const {
      VOLC_ACCESSKEY: accessKeyId,
      VOLC_SECRETKEY: secretAccessKey,
      VOLC_SESSION_TOKEN: sessionToken,
    } = env;
    if (!accessKeyId || !secretAccessKey) return undefined;
    return sessionToken ? { accessKeyId, secretAccessKey, sessionToken } : { accessKeyId, secretAccessKey };
  };

export interface SharedConfigOptions {
  /** The file; default `$HOME/.volc/config`. */
  path?: string;
}

/**
 * The shared file `~/.volc/config` of the official Volcengine SDKs: JSON with `VOLC_ACCESSKEY` and
 * `VOLC_SECRETKEY` (this runtime also reads `VOLC_SESSION_TOKEN`). A missing or unreadable file
 * means "no credentials here"; a file that is not JSON is an error naming the file, never its content.
 */
export const fromSharedConfig =
  (options: SharedConfigOptions = {}): CredentialsProvider =>
  async () => {
    const path = options.path ?? join(homedir(), '.volc', 'config');
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      return undefined;
    }
    let config: Record<string, unknown>;
    try {
      config = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new Error(`${path} is not JSON; expected {"VOLC_ACCESSKEY": "...", "VOLC_SECRETKEY": "..."}`);
    }
    const value = (name: string) => (typeof config[name] === 'string' ? (config[name] as string) : undefined);
    const accessKeyId = value('VOLC_ACCESSKEY');
    const secretAccessKey = value('VOLC_SECRETKEY');
    const sessionToken = value('VOLC_SESSION_TOKEN');
    if (!accessKeyId || !secretAccessKey) return undefined;
    return sessionToken ? { accessKeyId, secretAccessKey, sessionToken } : { accessKeyId, secretAccessKey };
  };
