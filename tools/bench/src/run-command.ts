import { spawn } from 'node:child_process';

export interface CommandResult {
  seconds: number;
  /** Peak resident memory of the command's largest process, from /usr/bin/time when present. */
  peakMiB?: number;
  stdout: string;
}

/** Runs a shell command in `cwd`, timing it; fails with its output when it exits non-zero. */
export function runCommand(
  command: string,
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('bash', ['-c', command], {
      cwd,
      env: {
        ...process.env,
        TURBO_TELEMETRY_DISABLED: '1',
        REDOCLY_TELEMETRY: 'off',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) {
        reject(
          new Error(
            `"${command}" failed in ${cwd} (exit ${code}):\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`,
          ),
        );
        return;
      }
      // Several timed commands in one line: the peak is the largest of their peaks.
      const peaks = [...stderr.matchAll(/Maximum resident set size \(kbytes\): (\d+)/g)].map((match) =>
        Number(match[1]),
      );
      resolve({ seconds, stdout, ...(peaks.length > 0 ? { peakMiB: Math.max(...peaks) / 1024 } : {}) });
    });
  });
}
