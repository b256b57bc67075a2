// Ends a run with one plain line, "N passed, N failed[, N skipped]", that any CI log
// reader understands (vitest's own summary is styled for people).
import type { Reporter, TestModule } from "vitest/node";

export default class SummaryReporter implements Reporter {
  private line = "";

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") counts.passed++;
        else if (state === "failed") counts.failed++;
        else counts.skipped++;
      }
    }
    const skipped = counts.skipped ? `, ${counts.skipped} skipped` : "";
    this.line = `${counts.passed} passed, ${counts.failed} failed${skipped}`;
  }

  // Written in the last hook, after the default reporter's summary.
  onFinished(): void {
    if (this.line) process.stdout.write(`${this.line}\n`);
  }
}
