// The verdict of the gate over one published package (a service's client with its spec, or a
// hand-written package): a breaking change passes only when a pending changeset declares a major bump
// of that package; a compatible change passes, and is reported, with or without a changeset. Changes to
// what was never released are listed apart: they are free until the next release.
import { type Changeset, declaring } from './changesets.ts';
import type { Finding } from './findings.ts';

export interface GateInput {
  findings: Finding[];
  changesets: Changeset[];
  /** The packages whose major bump declares a break (see `serviceGroup`, `fixedGroup`); the first is the one named. */
  group: string[];
  /** Problems with the baseline file or tracked generated files; any of them fails the gate. */
  integrity?: string[];
}

/** Rules that describe what is new since the release rather than a change of what was released. */
const UNRELEASED_RULES = new Set(['action-added', 'version-added']);

export interface GateVerdict {
  ok: boolean;
  breaking: Finding[];
  compatible: Finding[];
  /** Operations added since the release: not yet released, free to change until the next one. */
  unreleased: Finding[];
  /** The changesets that declare a major bump of the group. */
  majors: Changeset[];
  /** Lines to print after the findings: what the verdict rests on and what to do. */
  notes: string[];
  /** The package's one-line result: `compatible`, `breaking (major changeset present)`, or what to add. */
  status: string;
}

export function decide(input: GateInput): GateVerdict {
  const breaking = input.findings.filter((finding) => finding.severity === 'breaking');
  const unreleased = input.findings.filter(
    (finding) => finding.severity === 'compatible' && UNRELEASED_RULES.has(finding.rule),
  );
  const compatible = input.findings.filter(
    (finding) => finding.severity === 'compatible' && !UNRELEASED_RULES.has(finding.rule),
  );
  const majors = declaring(input.changesets, input.group, 'major');
  const any = declaring(input.changesets, input.group, 'any');
  const integrity = input.integrity ?? [];
  const breaks = breaking.length;
  const changes = compatible.length + unreleased.length;
  const notes: string[] = [...integrity.map((problem) => `error: ${problem}`)];
  const named = input.group[0] ?? '';
  let ok = integrity.length === 0;
  let status = 'compatible';
  if (breaks > 0 && majors.length > 0) {
    status = 'breaking (major changeset present)';
    notes.push(
      `${breaks} breaking change(s), declared by a major bump in ${majors.map((c) => c.file).join(', ')}.`,
    );
  } else if (breaks > 0) {
    ok = false;
    status = `breaking: add a major changeset for ${named}`;
    notes.push(
      `${breaks} breaking change(s) and no pending changeset declares a major bump of ${input.group.join(', ')}.`,
      'Either make the change compatible (a new Version beside the old, an optional parameter, ...) or record it: `pnpm changeset` with a major bump.',
    );
  } else if (changes > 0 && any.length === 0) {
    notes.push(
      `${changes} compatible change(s) and no pending changeset for ${input.group.join(', ')}: allowed; consider \`pnpm changeset\` (minor for new operations, fields or exports, patch for documentation).`,
    );
  } else if (changes > 0) {
    notes.push(`${changes} compatible change(s), recorded by ${any.map((c) => c.file).join(', ')}.`);
  } else notes.push('No difference from the release.');
  if (integrity.length > 0 && breaks === 0) status = 'FAILED (see the errors above)';
  return { ok, breaking, compatible, unreleased, majors, notes, status };
}

function line(finding: Finding): string {
  const where =
    finding.source ?? `${finding.side === 'base' ? 'baseline' : 'working spec'}#${finding.pointer}`;
  const subject =
    finding.action === '*'
      ? '(document)'
      : finding.version
        ? `${finding.action} ${finding.version}`
        : finding.action;
  return `  ${subject}  [${finding.rule}] ${finding.message}\n      at ${where}`;
}

/** Compatible changes counted by kind, e.g. `documentation ×3, request-parameter-added ×1`. */
function byKind(findings: Finding[]): string {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.rule, (counts.get(finding.rule) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([rule, count]) => `${rule} ×${count}`)
    .join(', ');
}

/**
 * The human report of one package: breaking changes, compatible ones summed up by kind (each listed
 * with `verbose`), what is not yet released, the notes, then the package's result line.
 */
export function formatVerdict(verdict: GateVerdict, packageName: string, verbose = false): string {
  const out: string[] = [];
  if (verdict.breaking.length > 0)
    out.push(`Breaking changes (${verdict.breaking.length}):`, ...verdict.breaking.map(line));
  if (verdict.compatible.length > 0) {
    out.push(`Compatible changes (${verdict.compatible.length}): ${byKind(verdict.compatible)}`);
    if (verbose) out.push(...verdict.compatible.map(line));
  }
  if (verdict.unreleased.length > 0)
    out.push(
      `Not yet released: free to change until the next release (${verdict.unreleased.length}):`,
      ...verdict.unreleased.map(line),
    );
  out.push(...verdict.notes, `${packageName}: ${verdict.status}`);
  return `${out.join('\n')}\n`;
}
