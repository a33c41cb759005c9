/// <reference lib="webworker" />
import type { WorkerMessage, WorkerRequest, WorkerResponse } from '../runner/protocol.ts';
import type { OutputLine } from '../schemas/run-result.ts';
import type { PythonHost } from './python-host.ts';
import { startPython, type CreatePyodideModule, type LoadPyodide } from './python-snapshot.ts';
import { warmUpPieces } from './warm-up.ts';

/**
 * The page's one Python worker. Requests are handled one at a time, in
 * order: a run is synchronous inside Python, so the next message waits.
 */
let host: Promise<PythonHost> | null = null;

interface PyodideModule {
	loadPyodide: LoadPyodide;
	version: string;
}

/**
 * Warm Python up (see `warm-up.ts`) one piece at a time between requests,
 * so that a Run pressed meanwhile waits for one piece at most.
 */
function warmUp(python: PythonHost) {
	const pieces = warmUpPieces(python);
	const next = () => {
		const piece = pieces.shift();
		if (!piece) return;
		queue = queue.then(() => {
			try {
				piece();
			} catch (error) {
				// Only speed is at stake: the learner's own runs say what is wrong.
				console.warn(`Warming Python up failed: ${String(error)}`);
			}
			setTimeout(next);
		});
	};
	setTimeout(next);
}

async function boot(indexURL: string): Promise<PythonHost> {
	// Pyodide's wasm glue, its largest script: fetched at once, used once the snapshot (if any) is on its way.
	const glue = import(/* @vite-ignore */ `${indexURL}pyodide.asm.mjs`) as Promise<{ default: CreatePyodideModule }>;
	glue.catch(() => undefined);
	const [{ loadPyodide, version }, { packageFiles }] = await Promise.all([
		import(/* @vite-ignore */ `${indexURL}pyodide.mjs`) as Promise<PyodideModule>,
		import('./python-package.ts'),
	]);
	return startPython({
		loadPyodide,
		pyodideVersion: version,
		createPyodideModule: async (settings) => (await glue).default(settings),
		options: { indexURL },
		files: packageFiles,
		// The build writes the snapshot next to Pyodide's files; the development server has none.
		fetchSnapshot: import.meta.env.DEV ? undefined : (name) => fetch(`${indexURL}${name}`),
		warn: (message) => console.warn(message),
	});
}

function post(message: WorkerMessage) {
	self.postMessage(message);
}

async function handle(request: WorkerRequest): Promise<WorkerResponse> {
	const { id } = request;
	const onOutput = (line: OutputLine) => post({ type: 'output', id, line });
	switch (request.method) {
		case 'init': {
			const started = performance.now();
			if (!host) {
				host = boot(request.params.indexURL);
				host.then(warmUp, () => undefined);
			}
			const ready = await host;
			return { type: 'response', id, result: { python: ready.python, loadMs: Math.round(performance.now() - started) } };
		}
		case 'run': {
			if (!host) throw new Error('the worker was asked to run before init');
			const { source, bundle } = request.params;
			return { type: 'response', id, result: (await host).runText(source, onOutput, bundle) };
		}
		case 'check': {
			if (!host) throw new Error('the worker was asked to check before init');
			const { bundle, source } = request.params;
			return { type: 'response', id, result: (await host).checkText(bundle, source, onOutput) };
		}
	}
}

let queue: Promise<unknown> = Promise.resolve();

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
	const request = event.data;
	queue = queue.then(async () => {
		try {
			post(await handle(request));
		} catch (error) {
			if (request.method === 'init') host = null;
			post({ type: 'response', id: request.id, error: { kind: 'internal', message: String((error as Error)?.message ?? error) } });
		}
	});
});
