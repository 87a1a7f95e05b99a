// "Copy as curl": the console's request as a ready command — signed headers for a body, a presigned
// URL for a signed GET (the signature travels in the query string), plain for unsigned Actions.
import type { ConsoleService } from '@volc-openapi/codegen';
import type { Credentials } from '@volc-openapi/signer';
import { presignUrl } from '@volc-openapi/signer/presign';
import { signed } from './exchange.ts';
import type { WireRequest } from './wire.ts';

/** Lifetime of a presigned URL, seconds. */
const PRESIGN_SECONDS = 900;

const shellQuote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;
/** ANSI-C quoting (`$'...'`), for bodies with CR LF line ends (multipart). */
const ansiQuote = (text: string) =>
  `$'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\r', '\\r').replaceAll('\n', '\\n')}'`;

export async function curlCommand(
  request: WireRequest,
  scope: Pick<ConsoleService, 'region' | 'service'>,
  credentials: Credentials | undefined,
): Promise<string> {
  if (credentials && request.method === 'GET' && !request.body) {
    const url = await presignUrl(
      { method: 'GET', url: request.url },
      { credentials, region: scope.region, service: scope.service, expiresInSeconds: PRESIGN_SECONDS },
    );
    return `curl ${shellQuote(String(url))}`;
  }
  const ready = credentials ? await signed(request, scope, credentials) : request;
  const lines = [`curl -X ${ready.method} ${shellQuote(ready.url)}`];
  for (const [name, value] of Object.entries(ready.headers))
    lines.push(`  -H ${shellQuote(`${name}: ${value}`)}`);
  if (ready.body) {
    const text = new TextDecoder().decode(ready.body);
    lines.push(
      text.includes('\r') ? `  --data-binary ${ansiQuote(text)}` : `  --data-binary ${shellQuote(text)}`,
    );
  }
  return lines.join(' \\\n');
}
