import { startNodePython } from '../../src/cli/node-python.ts';
import type { PythonHost } from '../../src/workers/python-host.ts';

let shared: Promise<PythonHost> | null = null;

/** One Pyodide with the sandbox loaded, shared by the tests of a file (loading takes seconds). */
export function pyodideHost(): Promise<PythonHost> {
	shared ??= startNodePython();
	return shared;
}
