import type { GradingBundle } from '../schemas/exercise.ts';
import type { OutputLine } from '../schemas/run-result.ts';

/**
 * Every method the Python worker answers, with its params and result.
 * Requests, responses and events are all derived from this one map.
 */
export interface WorkerMethods {
	/** Load Pyodide and the sandbox package. */
	init: { params: { indexURL: string }; result: { python: string; loadMs: number } };
	/**
	 * Run a program in a fresh sandbox; output streams as `output` events.
	 * With an exercise's bundle it runs as Check runs it (fixtures, limits).
	 * The result is the run's JSON text, read (`RunResultSchema`) on the main thread.
	 */
	run: { params: { source: string; bundle: GradingBundle | null }; result: string };
	/**
	 * Grade a program against an exercise's checks; output streams as `output`
	 * events. The result is JSON text, read (`CheckResultSchema`) on the main thread.
	 */
	check: { params: { source: string; bundle: GradingBundle }; result: string };
}

export type WorkerMethod = keyof WorkerMethods;
export type ParamsOf<M extends WorkerMethod> = WorkerMethods[M]['params'];
export type ResultOf<M extends WorkerMethod> = WorkerMethods[M]['result'];

/** Main thread to worker. */
export type WorkerRequest = {
	[M in WorkerMethod]: { type: 'request'; id: number; method: M; params: ParamsOf<M> };
}[WorkerMethod];

/**
 * Why a request failed: `internal` is the worker's own failure; `timeout`
 * and `crashed` come from the main thread's watchdog; `stopped` means the
 * learner pressed Stop. In all but `internal` the worker was replaced.
 */
export type WorkerErrorKind = 'internal' | 'timeout' | 'crashed' | 'stopped';

export interface WorkerError {
	kind: WorkerErrorKind;
	message: string;
}

/** Worker to main thread: the one reply to a request. */
export type WorkerResponse =
	| { type: 'response'; id: number; result: ResultOf<WorkerMethod> }
	| { type: 'response'; id: number; error: WorkerError };

/** Worker to main thread: streamed while a request runs. */
export type WorkerEvent = { type: 'output'; id: number; line: OutputLine };

export type WorkerMessage = WorkerResponse | WorkerEvent;
