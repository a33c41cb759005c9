import type { PyodideAPI } from 'pyodide';
import type { CheckResultJson } from '../schemas/check-result.ts';
import type { GradingBundle } from '../schemas/exercise.ts';
import type { OutputLine, RunResultJson } from '../schemas/run-result.ts';

/** Where the sandbox package is written in Pyodide's file system. */
const PACKAGE_ROOT = '/lib/awaitable-sandbox';

export type OutputListener = (line: OutputLine) => void;

/** The sandbox package inside one Pyodide instance. No DOM, no Vite: shared by the worker and the CLI. */
export interface PythonHost {
	/** Python's version string. */
	readonly python: string;
	/** Run a program; with an exercise's bundle, as Check runs it (fixtures, limits). */
	run(source: string, onOutput?: OutputListener, bundle?: GradingBundle | null): RunResultJson;
	check(bundle: GradingBundle, source: string, onOutput?: OutputListener): CheckResultJson;
	/**
	 * `run` and `check`, as the JSON text Python writes. The worker sends the
	 * text on: a string crosses to the page at once, where a long run's
	 * thousands of task events would take milliseconds to copy as objects.
	 */
	runText(source: string, onOutput?: OutputListener, bundle?: GradingBundle | null): string;
	checkText(bundle: GradingBundle, source: string, onOutput?: OutputListener): string;
	/** A run as plain text with virtual timestamps, as the terminal shows it. */
	formatRun(result: RunResultJson): string;
}

interface HostModule {
	run_json(source: string, filename: string, onOutput: unknown, bundle: string | undefined): string;
	grade_json(bundle: string, source: string, onOutput: unknown): string;
	format_run_json(run: string): string;
	release_runs(): void;
}

/**
 * Writes the package's files (paths relative to the package's parent, like
 * `awaitable/loop.py`) into Pyodide and imports its host module.
 */
export function startPythonHost(pyodide: PyodideAPI, files: Record<string, string>): PythonHost {
	for (const [path, text] of Object.entries(files)) {
		const target = `${PACKAGE_ROOT}/${path}`;
		pyodide.FS.mkdirTree(target.slice(0, target.lastIndexOf('/')));
		pyodide.FS.writeFile(target, text);
	}
	pyodide.runPython(`import sys\nif ${JSON.stringify(PACKAGE_ROOT)} not in sys.path: sys.path.insert(0, ${JSON.stringify(PACKAGE_ROOT)})`);
	const host = pyodide.pyimport('awaitable.host') as unknown as HostModule;
	const python = String(pyodide.runPython('import sys; sys.version.split()[0]'));
	const emitter = (onOutput?: OutputListener) =>
		// undefined (not null) crosses into Python as None.
		onOutput ? (t: number, text: string, stream: 'stdout' | 'stderr') => onOutput({ t, text, stream }) : undefined;
	// A run's records are dropped once its result has gone out (dropping
	// ten thousand tasks' takes milliseconds the learner need not wait for).
	let releasing = false;
	const releaseSoon = <T>(result: T): T => {
		if (!releasing) {
			releasing = true;
			setTimeout(() => {
				releasing = false;
				host.release_runs();
			});
		}
		return result;
	};
	const runText = (source: string, onOutput?: OutputListener, bundle?: GradingBundle | null) =>
		releaseSoon(host.run_json(source, 'main.py', emitter(onOutput), bundle ? JSON.stringify(bundle) : undefined));
	const checkText = (bundle: GradingBundle, source: string, onOutput?: OutputListener) =>
		releaseSoon(host.grade_json(JSON.stringify(bundle), source, emitter(onOutput)));
	return {
		python,
		run: (source, onOutput, bundle) => JSON.parse(runText(source, onOutput, bundle)),
		check: (bundle, source, onOutput) => JSON.parse(checkText(bundle, source, onOutput)),
		runText,
		checkText,
		formatRun: (result) => host.format_run_json(JSON.stringify(result)),
	};
}
