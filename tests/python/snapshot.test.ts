import { loadPyodide, version } from 'pyodide';
import { beforeAll, describe, expect, test } from 'vitest';
import { readPackageFiles } from '../../src/cli/node-python.ts';
import { makePythonSnapshot, type PythonSnapshot } from '../../src/integrations/python-snapshot.ts';
import { startPythonHost, type PythonHost } from '../../src/workers/python-host.ts';
import { LAZY_IMPORTS_PROGRAM } from '../support/programs.ts';
import {
	BROWSER_EXECUTABLE,
	openSnapshot,
	snapshotFileName,
	startPython,
	type CreatePyodideModule,
} from '../../src/workers/python-snapshot.ts';

/**
 * The build's memory snapshot, restored in Node through the very functions
 * the worker uses (`startPython`): what a restored Python can do, and that
 * a snapshot that cannot be used costs a normal start.
 */

const files = readPackageFiles();
const { default: createPyodideModule } = (await import('pyodide/pyodide.asm.mjs' as string)) as { default: CreatePyodideModule };

const ENVIRONMENT = `
import os, sys
import logging
print(sys.path)
print(sys.executable)
print(sorted(os.environ.items()))
print(logging.LogRecord("x", logging.INFO, "", 0, "", (), None).relativeCreated < 60_000)
`;

const stdout = (host: PythonHost, source: string) => host.run(source).stdout.map((line) => line.text);

/** Start the sandbox as the worker does, with `serve` in place of the web server. */
async function start(serve: (name: string) => Uint8Array | null, packageFiles = files) {
	const warnings: string[] = [];
	const host = await startPython({
		loadPyodide,
		pyodideVersion: version,
		createPyodideModule,
		options: {},
		files: packageFiles,
		fetchSnapshot: async (name) => {
			const body = serve(name);
			return body ? new Response(body as Uint8Array<ArrayBuffer>) : new Response('not found', { status: 404 });
		},
		warn: (message) => warnings.push(message),
	});
	return { host, warnings };
}

describe('the memory snapshot of Pyodide with the sandbox imported', () => {
	let snapshot: PythonSnapshot;
	const served = (name: string) => (name === snapshot.name ? snapshot.file : null);

	beforeAll(async () => {
		snapshot = await makePythonSnapshot(files);
	});

	test('a restored Python runs programs and imports the subpackages it loads lazily', async () => {
		const { host, warnings } = await start(served);
		expect(warnings).toEqual([]);
		// The lazily imported subpackages are not in the snapshot: they are imported from the files written again.
		expect(stdout(host, 'import sys\nprint(sorted(m for m in ("awaitable.processes", "awaitable.network") if m in sys.modules))')).toEqual(['[]']);
		const run = host.run('import asyncio\nasync def main():\n    await asyncio.sleep(1)\n    print("hello")\nasyncio.run(main())\n');
		expect(run.error).toBeNull();
		expect(run.stdout).toEqual([{ t: 1, text: 'hello', stream: 'stdout' }]);
		expect(stdout(host, LAZY_IMPORTS_PROGRAM)).toEqual(['from a process', 'network: ClientConnectorDNSError']);
	});

	test('a restored Python sees what a freshly started one sees', async () => {
		const restored = await start(served);
		expect(restored.warnings).toEqual([]);
		// Started as in a browser, where sys.executable is not a script's path.
		const fresh = startPythonHost(await loadPyodide({ _sysExecutable: BROWSER_EXECUTABLE }), files);
		expect(stdout(restored.host, ENVIRONMENT)).toEqual(stdout(fresh, ENVIRONMENT));
	});

	test('a missing snapshot costs a normal start', async () => {
		const { host, warnings } = await start(() => null);
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toMatch(/HTTP 404/);
		expect(stdout(host, LAZY_IMPORTS_PROGRAM)).toEqual(['from a process', 'network: ClientConnectorDNSError']);
	});

	test('a damaged snapshot costs a normal start', async () => {
		const truncated = snapshot.file.subarray(0, snapshot.file.length >> 1);
		const { host, warnings } = await start((name) => (name === snapshot.name ? truncated : null));
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).not.toMatch(/HTTP 404/);
		expect(stdout(host, 'print("started")')).toEqual(['started']);
	});

	test('a snapshot of other sources is refused even under the right name', async () => {
		const edited = { ...files, 'awaitable/host.py': `${files['awaitable/host.py']}\nEDITED = True\n` };
		const { host, warnings } = await start(() => snapshot.file, edited);
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toMatch(/labelled/);
		expect(stdout(host, 'import awaitable.host\nprint(awaitable.host.EDITED)')).toEqual(['True']);
	});
});

describe('snapshot files', () => {
	test('are named after the package sources and the Pyodide version', async () => {
		const name = await snapshotFileName(files, version);
		expect(name).toMatch(/^python-snapshot-[0-9a-f]{20}\.bin$/);
		const reordered = Object.fromEntries(Object.entries(files).reverse());
		expect(await snapshotFileName(reordered, version)).toBe(name);
		const edited = { ...files, 'awaitable/loop.py': files['awaitable/loop.py'].replace('import', 'import ') };
		expect(await snapshotFileName(edited, version)).not.toBe(name);
		expect(await snapshotFileName({ ...files, 'awaitable/extra.py': '' }, version)).not.toBe(name);
		expect(await snapshotFileName(files, `${version}.1`)).not.toBe(name);
	});

	test('that are not snapshots are refused before Pyodide starts', async () => {
		await expect(openSnapshot(new Response(new Uint8Array(64)))).rejects.toThrow(/not a snapshot/);
		await expect(openSnapshot(new Response('AWP'))).rejects.toThrow(/truncated/);
		await expect(openSnapshot(new Response('gone', { status: 404 }))).rejects.toThrow(/HTTP 404/);
	});
});
