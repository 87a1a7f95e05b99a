/** One measured figure. Benchmarks print these as JSON lines prefixed with `BENCH ` on stdout. */
export interface BenchRow {
  group: string;
  name: string;
  value: number;
  unit: string;
  /** A ratio against a peer measured in the same run, e.g. `0.31× @smithy/signature-v4`. */
  ratio?: string;
  /** The goal this figure answers to, e.g. `≤ 30 s`, and whether it is met. */
  goal?: string;
  met?: boolean;
}

export const BENCH_PREFIX = 'BENCH ';

/** Prints a row for the orchestrator to collect. */
export function emit(row: BenchRow): void {
  process.stdout.write(`${BENCH_PREFIX}${JSON.stringify(row)}\n`);
}

/** Reads the rows a benchmark printed, ignoring its other output. */
export function collect(output: string): BenchRow[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith(BENCH_PREFIX))
    .map((line) => JSON.parse(line.slice(BENCH_PREFIX.length)) as BenchRow);
}

function formatValue(row: BenchRow): string {
  const digits = row.value >= 100 ? 0 : row.value >= 10 ? 1 : 2;
  return `${row.value.toFixed(digits)} ${row.unit}`;
}

/** A Markdown table, readable in a terminal and pasteable into BENCHMARKS.md. */
export function table(rows: BenchRow[]): string {
  const header = ['group', 'measure', 'value', 'ratio', 'goal'];
  const body = rows.map((row) => [
    row.group,
    row.name,
    formatValue(row),
    row.ratio ?? '',
    row.goal ? `${row.goal} ${row.met ? 'met' : 'MISSED'}` : '',
  ]);
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...body.map((line) => (line[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)].join('\n');
}
