// `npm test`: every test the project has, in order: TypeScript unit and
// golden tests (vitest, including the sandbox's unittest suite inside
// Pyodide), the sandbox's unittest suite under the system python3, a build
// of the site, and the browser tests against that build.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const scratch = mkdtempSync(join(tmpdir(), 'awaitable-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];

function run(title, command, args, { env = {}, capture = false } = {}) {
	console.log(`\n=== ${title} ===`);
	const child = spawnSync(command, args, {
		stdio: capture ? ['inherit', 'inherit', 'pipe'] : 'inherit',
		env: { ...process.env, ...env },
		encoding: 'utf8',
	});
	if (capture) process.stderr.write(child.stderr ?? '');
	// A step killed by a signal prints nothing of its own about it.
	if (child.signal) console.error(`\n!!! ${title}: the process was killed by ${child.signal}`);
	if (child.status !== 0) failedSteps.push(title);
	return child;
}

function countVitest(reportFile) {
	if (!existsSync(reportFile)) return;
	const report = JSON.parse(readFileSync(reportFile, 'utf8'));
	totals.passed += report.numPassedTests;
	totals.failed += report.numFailedTests;
	totals.skipped += report.numPendingTests + report.numTodoTests;
}

function vitest(title, args) {
	const reportFile = join(scratch, `${title.replace(/\W+/g, '-')}.json`);
	run(title, 'npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`]);
	countVitest(reportFile);
}

// Astro writes the types of its virtual modules (astro:content...) on sync.
run('generate Astro types', 'npx', ['astro', 'sync'], { env: { ASTRO_TELEMETRY_DISABLED: '1' } });
run('type check', 'npx', ['tsc', '--noEmit', '-p', '.']);

vitest('unit and golden tests', []);

const python = run('sandbox unittest suite (system python3)', 'python3', ['-m', 'unittest', 'discover', '-s', 'src/python/tests', '-t', 'src/python'], { capture: true });
const ran = /Ran (\d+) tests?/.exec(python.stderr ?? '');
if (ran) {
	const failures = /FAILED \(([^)]*)\)/.exec(python.stderr);
	const bad = failures ? [...failures[1].matchAll(/(?:failures|errors)=(\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0) : 0;
	const skipped = Number(/skipped=(\d+)/.exec(python.stderr)?.[1] ?? 0);
	totals.passed += Number(ran[1]) - bad - skipped;
	totals.failed += bad;
	totals.skipped += skipped;
}

const build = run('build the site', 'npx', ['astro', 'build'], { env: { ASTRO_TELEMETRY_DISABLED: '1' } });

if (!existsSync(CHROMIUM)) {
	const message = `No Chromium at ${CHROMIUM}: the browser tests did not run. Install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`;
	if (process.env.CI === 'true') {
		console.error(`\n!!! ${message} Under CI a missing browser is a failure.`);
		failedSteps.push('browser tests (no Chromium)');
	} else {
		console.warn(`\n${'!'.repeat(78)}\n!!! SKIPPED: ${message}\n${'!'.repeat(78)}`);
	}
} else if (build.status === 0) {
	vitest('browser tests', ['--config', 'tests/e2e/vitest.config.ts']);
} else {
	failedSteps.push('browser tests (no build)');
}

console.log('');
if (failedSteps.length) console.log(`Failed steps: ${failedSteps.join('; ')}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exitCode = failedSteps.length ? 1 : 0;
