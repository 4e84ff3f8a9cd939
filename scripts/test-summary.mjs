// Sums vitest's and Playwright's JSON reports into one closing line `N passed, N failed`.
import { existsSync, readFileSync } from 'node:fs';

const [vitestFile, playwrightFile, unitStatus, e2eStatus, checksFile] = process.argv.slice(2);
const read = (file) => (file && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

let passed = 0;
let failed = 0;
let skipped = 0;

// Static checks (format, lint, types): one line each, `pass <name>` or `fail <name>`.
if (checksFile && existsSync(checksFile)) {
  const lines = readFileSync(checksFile, 'utf8').split('\n').filter(Boolean);
  const failedChecks = lines.filter((line) => line.startsWith('fail ')).map((line) => line.slice(5));
  passed += lines.length - failedChecks.length;
  failed += failedChecks.length;
  console.log(
    `checks: ${lines.length - failedChecks.length} passed, ${failedChecks.length} failed${failedChecks.length ? ` (${failedChecks.join('; ')})` : ''}`,
  );
}

const unit = read(vitestFile);
if (unit) {
  passed += unit.numPassedTests ?? 0;
  failed += unit.numFailedTests ?? 0;
  skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
  console.log(`unit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`);
} else {
  console.log('unit: no report (the run did not finish)');
}

const e2e = read(playwrightFile);
if (e2e) {
  const { expected = 0, unexpected = 0, flaky = 0, skipped: e2eSkipped = 0 } = e2e.stats ?? {};
  passed += expected + flaky;
  failed += unexpected;
  skipped += e2eSkipped;
  console.log(`e2e: ${expected + flaky} passed (${flaky} flaky), ${unexpected} failed`);
} else {
  console.log('e2e: no report (the run did not start or did not finish)');
}

// A suite that exited non-zero without reporting a failed test still counts as one failure.
if (Number(unitStatus) !== 0 && (!unit || unit.numFailedTests === 0)) failed += 1;
if (Number(e2eStatus) !== 0 && (!e2e || (e2e.stats?.unexpected ?? 0) === 0)) failed += 1;

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
