// Runs one of the tools the docs scripts call (volc-codegen, redocly) and stops the script when it fails,
// saying why when the tool could not even start (outside `pnpm`, the workspace's tools are not on PATH).
import { spawnSync } from 'node:child_process';

/** `step` is the package script running it, named in the messages. */
export function runTool(step: 'generate' | 'build', command: string, args: string[]): void {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
  });
  if (result.error) {
    console.error(
      `docs ${step}: cannot run ${command}: ${result.error.message}; run it through pnpm (\`pnpm --filter @volc-openapi/docs ${step}\`), which puts the workspace's tools on PATH`,
    );
    process.exit(1);
  }
  if (result.status !== 0) process.exit(result.status ?? 1);
}
