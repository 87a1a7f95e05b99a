// The verdict of the spec-change gate over one service: a breaking change passes only when a pending
// changeset declares a major bump of that service's packages; a compatible change passes, and is reported, with or
// without a changeset.
import { type Changeset, declaring } from './changesets.ts';
import type { Finding } from './findings.ts';
import type { OpticFinding } from './optic.ts';

export interface GateInput {
  findings: Finding[];
  changesets: Changeset[];
  /** The packages of the service whose spec is judged (see `serviceGroup`). */
  group: string[];
  /** Optic's failed checks; those on operations the RPC rules found no break in count as breaks. */
  optic?: OpticFinding[];
  /** Problems with the baseline file or tracked generated files; any of them fails the gate. */
  integrity?: string[];
}

export interface GateVerdict {
  ok: boolean;
  breaking: Finding[];
  compatible: Finding[];
  /** Optic findings added as breaks (the RPC rules had none for their operation). */
  opticOnly: OpticFinding[];
  /** The changesets that declare a major bump of the group. */
  majors: Changeset[];
  /** Lines to print after the findings: what the verdict rests on and what to do. */
  notes: string[];
}

export function decide(input: GateInput): GateVerdict {
  const breaking = input.findings.filter((finding) => finding.severity === 'breaking');
  const compatible = input.findings.filter((finding) => finding.severity === 'compatible');
  const judged = new Set(
    input.findings
      .filter(
        (finding) =>
          finding.severity === 'breaking' ||
          finding.rule === 'action-added' ||
          finding.rule === 'version-added',
      )
      .map((finding) => `${finding.action}@${finding.version}`),
  );
  const seen = new Set<string>();
  const opticOnly = (input.optic ?? []).filter((finding) => {
    const key = `${finding.action}@${finding.version}`;
    const id = `${key}\n${finding.rule}\n${finding.message}`;
    if (judged.has(key) || seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const majors = declaring(input.changesets, input.group, 'major');
  const any = declaring(input.changesets, input.group, 'any');
  const integrity = input.integrity ?? [];
  const breaks = breaking.length + opticOnly.length;
  const notes: string[] = [...integrity.map((problem) => `error: ${problem}`)];
  let ok = integrity.length === 0;
  if (breaks > 0 && majors.length > 0) {
    notes.push(
      `${breaks} breaking change(s), declared by a major bump in ${majors.map((c) => c.file).join(', ')}.`,
    );
  } else if (breaks > 0) {
    ok = false;
    notes.push(
      `${breaks} breaking change(s) and no pending changeset declares a major bump of ${input.group.join(', ')}.`,
      'Either make the change compatible (a new Version beside the old, an optional parameter, ...) or record it: `pnpm changeset` with a major bump.',
    );
  } else if (compatible.length > 0 && any.length === 0) {
    notes.push(
      `${compatible.length} compatible change(s) and no pending changeset for ${input.group.join(', ')}: allowed; consider \`pnpm changeset\` (minor for new operations or fields, patch for documentation).`,
    );
  } else if (compatible.length > 0) {
    notes.push(
      `${compatible.length} compatible change(s), recorded by ${any.map((c) => c.file).join(', ')}.`,
    );
  } else notes.push('No difference between the working spec and the baseline.');
  return { ok, breaking, compatible, opticOnly, majors, notes };
}

function line(finding: Finding): string {
  const where =
    finding.source ?? `${finding.side === 'base' ? 'baseline' : 'working spec'}#${finding.pointer}`;
  const operation = finding.action === '*' ? '(document)' : `${finding.action} ${finding.version}`;
  return `  ${operation}  [${finding.rule}] ${finding.message}\n      at ${where}`;
}

/**
 * The human report: breaking changes first, then compatible ones, then the verdict notes; the last line
 * names the service when one is given.
 */
export function formatVerdict(verdict: GateVerdict, service?: string): string {
  const out: string[] = [];
  if (verdict.breaking.length > 0)
    out.push(`Breaking changes (${verdict.breaking.length}):`, ...verdict.breaking.map(line));
  if (verdict.opticOnly.length > 0)
    out.push(
      `Breaking changes found by optic only (${verdict.opticOnly.length}):`,
      ...verdict.opticOnly.map(
        (f) =>
          `  ${f.action} ${f.version}  [optic: ${f.rule}] ${f.message}${f.at ? `\n      at ${f.at}` : ''}`,
      ),
    );
  if (verdict.compatible.length > 0)
    out.push(`Compatible changes (${verdict.compatible.length}):`, ...verdict.compatible.map(line));
  const result = verdict.ok ? 'spec:check passed' : 'spec:check FAILED';
  out.push(...verdict.notes, service ? `${result} (${service})` : result);
  return `${out.join('\n')}\n`;
}
