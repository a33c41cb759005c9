import { join } from 'node:path';
import { loadPyodide } from 'pyodide';
import { expect, test } from 'vitest';
import { readPackageFiles } from '../../src/cli/node-python.ts';

/**
 * The sandbox's own unittest suite, run inside Pyodide (CPython 3.14 in
 * WebAssembly), where the course really runs. `npm run test:python` runs
 * the same suite under the system python3.
 */
test('the sandbox unittest suite passes under Pyodide', async () => {
	const pyodide = await loadPyodide();
	const root = join(import.meta.dirname, '../../src/python');
	// The suite and its data files (the differential programs' recorded output).
	const files = { ...readPackageFiles(root), ...readPackageFiles(root, 'tests', ['.py', '.expected']) };
	for (const [path, text] of Object.entries(files)) {
		const target = `/suite/${path}`;
		pyodide.FS.mkdirTree(target.slice(0, target.lastIndexOf('/')));
		pyodide.FS.writeFile(target, text);
	}
	const summary = pyodide.runPython(`
import io, json, os, sys, unittest
os.chdir("/suite")
sys.path.insert(0, "/suite")
stream = io.StringIO()
suite = unittest.defaultTestLoader.discover("tests", top_level_dir="/suite")
result = unittest.TextTestRunner(stream=stream, verbosity=1).run(suite)
json.dumps({"run": result.testsRun, "ok": result.wasSuccessful(), "skipped": len(result.skipped), "report": stream.getvalue()[-6000:]})
`) as string;
	const { run, ok, report } = JSON.parse(summary);
	expect(run).toBeGreaterThan(0);
	expect(ok, report).toBe(true);
});
