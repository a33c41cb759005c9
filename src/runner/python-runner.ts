import type { CheckResult } from '../schemas/check-result.ts';
import type { GradingBundle } from '../schemas/exercise.ts';
import type { OutputLine, RunResult } from '../schemas/run-result.ts';
import type {
	ParamsOf,
	ResultOf,
	WorkerError,
	WorkerMessage,
	WorkerMethod,
	WorkerRequest,
} from './protocol.ts';
import { loadSchemas } from './result-schemas.ts';

/** A request that failed: the worker's own error, or the watchdog's verdict. */
export class RunnerError extends Error {
	readonly kind: WorkerError['kind'];

	constructor(error: WorkerError) {
		super(error.message);
		this.name = 'RunnerError';
		this.kind = error.kind;
	}
}

export type RunnerState = 'idle' | 'loading' | 'ready' | 'busy';

interface Pending {
	resolve: (result: unknown) => void;
	reject: (error: RunnerError) => void;
	onOutput?: (line: OutputLine) => void;
}

/**
 * The last resort behind the sandbox's own limits: a request that takes
 * longer than this is taken as a hung worker, which is terminated and
 * replaced. The sandbox stops runaway programs within about a second, so
 * this only fires when something below Python is stuck.
 */
const WATCHDOG_MS = { init: 120_000, run: 20_000, check: 30_000 } satisfies Record<WorkerMethod, number>;

/**
 * The main thread's client of the page's one Python worker: starts it,
 * sends typed requests, streams output, validates results and restarts the
 * worker when it hangs or crashes.
 */
export class PythonRunner {
	private worker: Worker | null = null;
	private ready: Promise<unknown> | null = null;
	private nextId = 1;
	private readonly pending = new Map<number, Pending>();
	private current: RunnerState = 'idle';

	private readonly indexURL: string;

	/** `indexURL`: absolute URL of the folder holding Pyodide's files. */
	constructor(indexURL: string) {
		this.indexURL = indexURL;
	}

	/** Start loading Python if nothing has yet. Safe to call often. */
	warmUp(): Promise<unknown> {
		if (!this.ready) {
			this.setState('loading');
			this.ready = this.send('init', { indexURL: this.indexURL }).then(
				(result) => {
					this.setState('ready');
					return result;
				},
				(error) => {
					this.ready = null;
					this.setState('idle');
					throw error;
				},
			);
		}
		return this.ready;
	}

	/** Run a program; with an exercise's bundle, as Check will run it (fixtures, limits). */
	async run(source: string, onOutput?: (line: OutputLine) => void, bundle: GradingBundle | null = null): Promise<RunResult> {
		await this.warmUp();
		const [{ RunResultSchema }, result] = await Promise.all([
			loadSchemas(),
			this.busy(() => this.send('run', { source, bundle }, onOutput)),
		]);
		return RunResultSchema.parse(JSON.parse(result));
	}

	async check(bundle: GradingBundle, source: string, onOutput?: (line: OutputLine) => void): Promise<CheckResult> {
		await this.warmUp();
		const [{ CheckResultSchema }, result] = await Promise.all([
			loadSchemas(),
			this.busy(() => this.send('check', { bundle, source }, onOutput)),
		]);
		return CheckResultSchema.parse(JSON.parse(result));
	}

	private async busy<T>(work: () => Promise<T>): Promise<T> {
		this.setState('busy');
		try {
			return await work();
		} finally {
			if (this.worker) this.setState('ready');
		}
	}

	/** idle (no Python yet), loading, ready, or busy running a program. */
	get state(): RunnerState {
		return this.current;
	}

	private setState(state: RunnerState) {
		this.current = state;
	}

	private ensureWorker(): Worker {
		if (this.worker) return this.worker;
		const worker = new Worker(new URL('../workers/python-worker.ts', import.meta.url), {
			type: 'module',
			name: 'awaitable-python',
		});
		worker.addEventListener('message', (event: MessageEvent<WorkerMessage>) => this.receive(event.data));
		worker.addEventListener('error', (event) => {
			event.preventDefault();
			this.restart({ kind: 'crashed', message: `the Python worker crashed: ${event.message || 'unknown error'}` });
		});
		this.worker = worker;
		return worker;
	}

	private send<M extends WorkerMethod>(
		method: M,
		params: ParamsOf<M>,
		onOutput?: (line: OutputLine) => void,
	): Promise<ResultOf<M>> {
		const worker = this.ensureWorker();
		const id = this.nextId++;
		return new Promise<ResultOf<M>>((resolve, reject) => {
			const timer = setTimeout(
				() =>
					this.restart({
						kind: 'timeout',
						message: `Python did not answer within ${WATCHDOG_MS[method] / 1000} s; it was restarted.`,
					}),
				WATCHDOG_MS[method],
			);
			this.pending.set(id, {
				resolve: (result) => {
					clearTimeout(timer);
					resolve(result as ResultOf<M>);
				},
				reject: (error) => {
					clearTimeout(timer);
					reject(error);
				},
				onOutput,
			});
			worker.postMessage({ type: 'request', id, method, params } as WorkerRequest);
		});
	}

	private receive(message: WorkerMessage) {
		const pending = this.pending.get(message.id);
		if (!pending) return;
		if (message.type === 'output') {
			pending.onOutput?.(message.line);
			return;
		}
		this.pending.delete(message.id);
		if ('error' in message) pending.reject(new RunnerError(message.error));
		else pending.resolve(message.result);
	}

	/**
	 * Stop whatever runs now. Python in a worker cannot be interrupted without
	 * cross-origin isolation, so the worker is replaced and Python reloads in
	 * the background: the page's code and progress are untouched.
	 */
	stop() {
		if (this.current !== 'busy') return;
		this.restart({ kind: 'stopped', message: 'Stopped. Python is reloading for the next run.' });
		this.warmUp().catch(() => undefined);
	}

	/** Terminate a hung or crashed worker; every request in flight fails, the next one starts afresh. */
	private restart(error: WorkerError) {
		this.worker?.terminate();
		this.worker = null;
		this.ready = null;
		const pending = [...this.pending.values()];
		this.pending.clear();
		for (const each of pending) each.reject(new RunnerError(error));
		this.setState('idle');
	}
}

let shared: PythonRunner | null = null;

/** The page's one runner, shared by every exercise and playground on it. */
export function pageRunner(): PythonRunner {
	shared ??= new PythonRunner(new URL(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}pyodide/`, location.href).href);
	return shared;
}
