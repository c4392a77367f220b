/**
 * Prints one plain closing line after Jest's own summary, e.g. `tests: 204 passed, 0 failed, 0 skipped`,
 * so CI and scripts can read the outcome without parsing Jest's layout.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    // A file that fails before running its tests counts as one failure, so it can never read as green.
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `tests: ${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped`;
    // Written at exit so it follows Jest's own summary and is the last line of the run.
    process.once('exit', () => process.stderr.write(`\n${line}\n`));
  }
}

module.exports = SummaryReporter;
