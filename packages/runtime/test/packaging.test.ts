// What consumers get from the built package (run after `pnpm build`): browser and edge bundles carry
// no `node:` import, Node resolves the entry with the env and ~/.volc/config providers.
import { fileURLToPath } from 'node:url';
import { bundle as bundleWith } from '@volc-openapi/bundle-size';
import { describe, expect, it } from 'vitest';

// A consumer package (it depends on @volc-openapi/runtime), so resolution goes through the exports map.
const consumer = fileURLToPath(new URL('../../vms/', import.meta.url));

const bundle = async (source: string, platform: 'browser' | 'node' | 'neutral', conditions?: string[]) =>
  (
    await bundleWith({
      source,
      resolveDir: consumer,
      platform,
      minify: false,
      ...(conditions ? { conditions } : {}),
    })
  ).text;

describe('entries', () => {
  it.each([
    ['browser', 'browser' as const, undefined],
    ['worker (edge)', 'neutral' as const, ['worker', 'import']],
  ])('the %s build has no node: import and no process.env', async (_name, platform, conditions) => {
    const code = await bundle(
      "import { createRpcClient, RpcError } from '@volc-openapi/runtime'; console.log(createRpcClient, RpcError);",
      platform,
      conditions,
    );
    expect(code).toContain('createRpcClient');
    expect(code).not.toMatch(/["']node:/);
    expect(code).not.toMatch(/from ["'](fs|os|path)/);
    expect(code).not.toContain('process.env');
  });

  it('Node resolves the entry whose default chain reads the environment and ~/.volc/config', async () => {
    const code = await bundle("export { createRpcClient, fromEnv } from '@volc-openapi/runtime';", 'node');
    expect(code).toContain('.volc');
    expect(code).toMatch(/from "node:fs\/promises"/);
  });
});
