import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPyodide } from 'pyodide';
import { startPythonHost, type PythonHost } from '../workers/python-host.ts';

const PYTHON_SOURCE = fileURLToPath(new URL('../python/', import.meta.url));

/**
 * Files under `root/folder` with one of `extensions`, keyed by path relative
 * to `root`: by default the sandbox package, keyed as in the worker
 * (`awaitable/loop.py`).
 */
export function readPackageFiles(root = PYTHON_SOURCE, folder = 'awaitable', extensions = ['.py']): Record<string, string> {
	const files: Record<string, string> = {};
	const walk = (folder: string) => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			const path = join(folder, entry.name);
			if (entry.isDirectory() && entry.name !== '__pycache__') walk(path);
			else if (extensions.some((extension) => entry.name.endsWith(extension))) files[relative(root, path)] = readFileSync(path, 'utf8');
		}
	};
	walk(join(root, folder));
	return files;
}

/** Pyodide in Node with the sandbox package loaded: the same host the browser's worker uses. */
export async function startNodePython(): Promise<PythonHost> {
	const pyodide = await loadPyodide();
	return startPythonHost(pyodide, readPackageFiles());
}
