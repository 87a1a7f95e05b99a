// How a long-running command (`pnpm mock`, `pnpm start`) ends: on SIGINT, SIGTERM or SIGHUP it closes
// what it started and exits within a grace period. A script or process manager that stops the command
// by its own pid signals the package manager, not this process: pnpm runs it through shells that
// neither forward the signal nor exit, so the process also ends when the package manager that
// launched it is gone (Linux: read from /proc; elsewhere only signals stop it).
import { readFileSync } from 'node:fs';

export type Stop = (reason: string) => void;

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const LAUNCHERS = /(^|[/\s])(pnpm|npm|npx|yarn)(\.c?js)?(\s|$)/;

/** The parent pid and command line of a process, from /proc (Linux); undefined elsewhere. */
function processInfo(pid: number): { ppid: number; command: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    return { ppid, command };
  } catch {
    return undefined;
  }
}

/**
 * The processes whose end means this command was stopped: every ancestor from the parent up to the
 * outermost package manager (pnpm is itself started through a `node` shim, a shell that does not
 * forward signals, so the pid a script holds may be any of them). Empty when no package manager
 * launched this process.
 */
export function launcherChain(pid = process.ppid): number[] {
  const chain: number[] = [];
  let watched = 0;
  for (let current = pid, hops = 0; current > 1 && hops < 24; hops++) {
    const info = processInfo(current);
    if (!info) break;
    chain.push(current);
    if (LAUNCHERS.test(info.command)) watched = chain.length;
    current = info.ppid;
  }
  return chain.slice(0, watched);
}

/** Whether a process still runs: a zombie (ended, not yet reaped by its parent) does not. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  }
}

/**
 * Runs `close` once when the process is told to stop (a signal, or its launcher gone), then exits: with
 * 0 once closed, or with 1 after `graceMs` if closing hangs. Returns the stop function for other callers.
 */
export function stopWith(
  close: () => Promise<unknown>,
  options: { graceMs?: number; log?: (message: string) => void } = {},
): Stop {
  let stopping = false;
  const stop: Stop = (reason) => {
    if (stopping) return;
    stopping = true;
    options.log?.(`stopping (${reason})`);
    setTimeout(() => process.exit(1), options.graceMs ?? 1500).unref();
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  for (const signal of SIGNALS) process.on(signal, () => stop(signal));
  const launchers = launcherChain();
  if (launchers.length > 0) {
    const watch = setInterval(() => {
      const gone = launchers.find((pid) => !alive(pid));
      if (gone !== undefined) stop(`the process that launched it, pid ${gone}, is gone`);
    }, 200);
    watch.unref();
  }
  return stop;
}
