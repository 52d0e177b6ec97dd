// Reads Vitest's JSON report(s) for .ci/run.
//   node .ci/report.mjs unfinished <report>   the files that did not pass, one per line; what failed
//                                             in them goes to standard error
//   node .ci/report.mjs counts <report> [<rerun report>]
//                                             "passed failed"; with a rerun report, the rerun's
//                                             results replace the first run's for the files it ran
import { readFileSync } from 'node:fs';

const read = (path) => JSON.parse(readFileSync(path, 'utf8'));
const settled = (t) => t.status === 'passed' || t.status === 'skipped';
const count = (files, status) =>
  files.reduce((n, f) => n + f.assertionResults.filter((t) => t.status === status).length, 0);

const [command, reportPath, rerunPath] = process.argv.slice(2);
const report = read(reportPath);

if (command === 'unfinished') {
  for (const file of report.testResults) {
    const open = file.assertionResults.filter((t) => !settled(t));
    if (file.status === 'passed' && !open.length) continue;
    console.log(file.name);
    console.error(`not passed: ${file.name} (${file.status})`);
    if (file.message) console.error(`  ${file.message.split('\n')[0]}`);
    for (const t of open) console.error(`  ${t.status}: ${t.fullName}`);
  }
} else if (command === 'counts') {
  if (!rerunPath) {
    console.log(report.numPassedTests, report.numFailedTests);
  } else {
    const rerun = read(rerunPath);
    const rerunNames = new Set(rerun.testResults.map((f) => f.name));
    const kept = report.testResults.filter((f) => !rerunNames.has(f.name));
    const rerunTests = rerun.testResults.flatMap((f) => f.assertionResults);
    // The rerun's unsettled tests fail, and so does a test it did not report at all (its file
    // crashed again before reaching it).
    const expected = report.testResults
      .filter((f) => rerunNames.has(f.name))
      .reduce((n, f) => n + f.assertionResults.length, 0);
    const missing = Math.max(0, expected - rerunTests.length);
    const passed = count(kept, 'passed') + rerunTests.filter((t) => t.status === 'passed').length;
    const failed = count(kept, 'failed') + rerunTests.filter((t) => !settled(t)).length + missing;
    console.log(passed, failed);
  }
} else {
  console.error('usage: node .ci/report.mjs unfinished <report> | counts <report> [<rerun report>]');
  process.exit(2);
}
