import { readdirSync, readFileSync } from 'node:fs';
import { bodyBytes, type Vector } from '../vectors/vector.ts';

export { bodyBytes, type Vector };

const dir = new URL('../vectors/', import.meta.url);

export const vectors: Vector[] = readdirSync(dir)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Vector);

/** The body as the test passes it: text bodies as strings, the rest as bytes. */
export const bodyOf = (vector: Vector): string | Uint8Array | undefined => {
  const body = vector.request.body;
  if (!body) return undefined;
  return 'utf8' in body ? body.utf8 : bodyBytes(body);
};

export const CREDENTIALS = { accessKeyId: 'AKLTEXAMPLEKEY', secretAccessKey: 'exampleSecretKey==' };
export const DATE = new Date('2025-05-28T03:39:31Z');
export const OPTIONS = { credentials: CREDENTIALS, region: 'cn-beijing', service: 'vms', date: DATE };
export const VMS_URL = 'https://cloud-vms.volcengineapi.com/?Action=OpenDeleteResource&Version=2022-01-01';
export const resolveSecret = (id: string) =>
  id === CREDENTIALS.accessKeyId ? CREDENTIALS.secretAccessKey : undefined;
