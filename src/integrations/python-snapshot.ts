import { gzipSync } from 'node:zlib';
import { loadPyodide, version } from 'pyodide';
import { readPackageFiles } from '../cli/node-python.ts';
import { startPythonHost } from '../workers/python-host.ts';
import { BROWSER_EXECUTABLE, encodeSnapshotFile, labelSnapshot, snapshotFileName } from '../workers/python-snapshot.ts';

export interface PythonSnapshot {
	/** The file name the worker asks for (see `snapshotFileName`). */
	name: string;
	/** The file as served (see `encodeSnapshotFile`). */
	file: Uint8Array;
	/** The snapshot's size before gzip. */
	rawSize: number;
}

/**
 * Boots Pyodide in Node exactly as the worker does (`startPythonHost`: the
 * package's files, `sys.path`, `import awaitable.host`) and snapshots its
 * memory. Pyodide's memory layout is the same in Node and in a browser; what
 * Python saw of Node is limited to `sys.executable`, set here as a browser
 * has it.
 */
export async function makePythonSnapshot(files: Record<string, string> = readPackageFiles()): Promise<PythonSnapshot> {
	const pyodide = await loadPyodide({ _makeSnapshot: true, _sysExecutable: BROWSER_EXECUTABLE });
	startPythonHost(pyodide, files);
	const name = await snapshotFileName(files, version);
	labelSnapshot(pyodide, name);
	const snapshot = pyodide.makeMemorySnapshot();
	return {
		name,
		file: encodeSnapshotFile(snapshot, gzipSync(snapshot, { level: 9 })),
		rawSize: snapshot.length,
	};
}
