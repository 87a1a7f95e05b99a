import type { Reporter, SerializedError, TestModule } from 'vitest/node';
import { formatPhases, takePhases } from './phases.ts';

/**
 * Prints one closing line, `N passed, N failed[, N skipped]`, after every other reporter.
 * A test file that fails before any test runs (syntax error, failing import, failing hook)
 * counts as one failure, so a broken file can never read as a green run. Before it, when the run is
 * one phase of `pnpm test`, the time of each phase (setup, builds, gate, tests).
 */
export default class CountReporter implements Reporter {
  private readonly started = performance.now();

  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
  ): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    for (const testModule of testModules) {
      let failedInModule = 0;
      for (const testCase of testModule.children.allTests()) {
        const { state } = testCase.result();
        if (state === 'passed') passed++;
        else if (state === 'failed') failedInModule++;
        else skipped++;
      }
      if (failedInModule === 0 && testModule.state() === 'failed') failedInModule = 1;
      failed += failedInModule;
    }
    const tail = skipped > 0 ? `, ${skipped} skipped` : '';
    // Only a `pnpm test` run has recorded phases before this one; a bare `vitest run` prints none.
    const earlier = takePhases();
    if (earlier.length > 0) {
      const phases = [
        ...earlier,
        { phase: 'tests (vitest)', seconds: (performance.now() - this.started) / 1000 },
      ];
      process.stdout.write(`\n${formatPhases(phases)}\n`);
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed${tail}\n`);
  }
}
