// What a long-running command says about the address it listens on: the mock serves demo credentials,
// so whether other machines can reach it must be stated, not guessed from a URL.

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|\[::1\]|localhost)$/;

/** One banner line: who can reach a server listening on `host`, and how to change it. */
export function bindingNote(host: string, change: string): string {
  return LOOPBACK.test(host)
    ? `Bound to ${host}: reachable from this machine only (${change} to serve other machines).`
    : `Bound to ${host}: other machines can reach it (the demo credentials are public).`;
}
