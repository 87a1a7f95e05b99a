// One classified difference between the released spec and the working spec.

export type Severity = 'breaking' | 'compatible';

export interface Finding {
  severity: Severity;
  /** Rule id, e.g. `request-parameter-removed`. */
  rule: string;
  /** Action and Version concerned; `*` for document-wide changes. */
  action: string;
  version: string;
  /** Which document the location is in. */
  side: 'base' | 'head';
  /** JSON pointer in that document. */
  pointer: string;
  /** The source file and pointer inside it, when known (filled in by `locateSources`). */
  source?: string;
  message: string;
}

export interface OperationRef {
  action: string;
  version: string;
}

/** Collects findings of one operation. */
export class FindingList {
  readonly items: Finding[] = [];
  readonly operation: OperationRef;

  constructor(operation: OperationRef) {
    this.operation = { action: operation.action, version: operation.version };
  }

  add(severity: Severity, rule: string, side: 'base' | 'head', pointer: string, message: string): void {
    this.items.push({ severity, rule, ...this.operation, side, pointer, message });
  }
}
