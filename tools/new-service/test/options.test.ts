// The command's refusals: each names the option (or the entry) that is wrong, and nothing is written.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const good = [
  '--endpoint',
  'https://x.volcengineapi.com',
  '--signing-service',
  'x',
  '--region',
  'cn-beijing',
  '--version',
  '2025-01-01',
];
const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

describe('pnpm new-service refuses', () => {
  it.each([
    [['Bad', ...good], /<name> "Bad" must be lower-case/],
    [['vms', ...good], /a service "vms" is already in spec\/services.yaml/],
    [['x', ...good.slice(0, 6), '--version', '2025-13-40'], /--version "2025-13-40" must be a date/],
    [['x', '--endpoint', 'sms.example', ...good.slice(2)], /--endpoint "sms.example" must be a URL/],
    [['x', '--region', 'cn-beijing'], /missing --endpoint, --signing-service, --version/],
  ])('%j', (args, message) => {
    const result = run(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
