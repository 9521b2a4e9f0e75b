// Jest reporter that ends a run with a plain "N passed, N failed, N skipped" line (read by CI).
// Also appends the counts to $TEST_SUMMARY_FILE when set, so .ci/run can total several runs.

const fs = require('fs');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const passed = results.numPassedTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `${passed} passed, ${failed} failed, ${skipped} skipped`;
    process.stdout.write('\n' + line + '\n');
    if (process.env.TEST_SUMMARY_FILE) fs.appendFileSync(process.env.TEST_SUMMARY_FILE, line + '\n');
  }
}

module.exports = SummaryReporter;
