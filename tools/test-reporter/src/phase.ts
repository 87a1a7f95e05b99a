// `node tools/test-reporter/src/phase.ts <name> -- <command> [args…]`: runs one phase of `pnpm test`,
// records how long it took (phases.ts), and exits with the command's status.
import { spawnSync } from 'node:child_process';
import { recordPhase } from './phases.ts';

const separator = process.argv.indexOf('--');
const name = process.argv[2];
const [command, ...args] = separator > 0 ? process.argv.slice(separator + 1) : [];
if (!name || separator !== 3 || !command) {
  console.error('usage: phase.ts <name> -- <command> [args…]');
  process.exit(2);
}
const started = performance.now();
const result = spawnSync(command, args, { stdio: 'inherit' });
recordPhase({ phase: name, seconds: (performance.now() - started) / 1000 });
if (result.error) {
  console.error(`phase ${name}: cannot run ${command}: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
