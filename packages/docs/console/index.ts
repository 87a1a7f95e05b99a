// The entry of a page's console bundle (scripts/console.ts bundles it with the service's generated
// validators): reads the page's console data, mounts the panel, and starts Redoc when the reader lets it.
import type { ConsoleService } from '@volc-openapi/codegen';
import { CONSOLE_DATA_ID, MOCK_ENDPOINT_FILE } from './ids.ts';
import { linkedOperation, mountConsole } from './panel.ts';
import { startRedoc } from './redoc-start.ts';
import type { Validator } from './validate.ts';

/** The mock's URL when `pnpm start` serves the site (it publishes it next to the pages). */
async function mockEndpoint(): Promise<string | undefined> {
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return undefined;
  try {
    const response = await fetch(new URL(`../${MOCK_ENDPOINT_FILE}`, location.href));
    const published = response.ok ? ((await response.json()) as { endpoint?: unknown }) : {};
    return typeof published.endpoint === 'string' ? published.endpoint : undefined;
  } catch {
    return undefined;
  }
}

export function startConsole(validators: Record<string, Validator>): void {
  const data = document.getElementById(CONSOLE_DATA_ID)?.textContent;
  const service = data ? (JSON.parse(data) as ConsoleService) : undefined;
  if (service) mountConsole(service, validators, mockEndpoint());
  // Opened at an operation, the reader may go straight for its console: Redoc waits for a pause.
  startRedoc({ waitForPause: service !== undefined && linkedOperation(service) !== undefined });
}
