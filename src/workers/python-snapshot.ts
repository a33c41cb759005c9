import type { PyodideAPI, PyodideConfig } from 'pyodide';
import { startPythonHost, type PythonHost } from './python-host.ts';

/**
 * A memory snapshot of Pyodide taken, at build time, just after the sandbox
 * package was imported. Restoring it skips Python's start-up and the
 * compiling of every module the sandbox imports (the standard library ships
 * as sources), which is most of a cold start.
 *
 * Shared by the build (Node) and the worker: no DOM, no Vite, no Node APIs.
 */

export type CreatePyodideModule = NonNullable<PyodideConfig['createPyodideModule']>;
export type LoadPyodide = (options: PyodideConfig) => Promise<PyodideAPI>;

/** Bump when what goes into a snapshot changes in a way neither the sources nor Pyodide's version show. */
const SNAPSHOT_FORMAT = 1;

/**
 * The value of `sys.executable` (and of `$_`) in a browser. Node sets it to
 * the script's path, and a snapshot keeps it: the build passes this instead.
 */
export const BROWSER_EXECUTABLE = './this.program';

/**
 * The file name of the snapshot of these package sources in this Pyodide:
 * a hash of both, so a page only ever asks for the snapshot of exactly the
 * sources it carries. A snapshot of other sources (an older build, a stale
 * cache) has another name, and is never asked for.
 */
export async function snapshotFileName(files: Record<string, string>, pyodideVersion: string): Promise<string> {
	const entries = Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	const text = JSON.stringify([SNAPSHOT_FORMAT, pyodideVersion, entries]);
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
	const hex = [...digest.subarray(0, 10)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
	return `python-snapshot-${hex}.bin`;
}

/**
 * Marks the snapshot about to be taken with its name, which the restore
 * checks: a file of other sources put under this name is refused too.
 */
export function labelSnapshot(pyodide: PyodideAPI, name: string) {
	pyodide.runPython(`import sys; sys._awaitable_snapshot = ${JSON.stringify(name)}`);
}

/** The first bytes of a snapshot file, before the snapshot's size and the gzipped snapshot. */
const FILE_MAGIC = 'AWPS';
const HEADER_SIZE = 8;

/**
 * A snapshot file: `AWPS`, the snapshot's size (uint32, little-endian), then
 * the snapshot gzipped. The build gzips it itself (about 30 MB of memory,
 * 6 MB gzipped), so it arrives small whatever the host compresses; the size
 * comes first so that a reader can start Pyodide before the rest arrives.
 */
export function encodeSnapshotFile(snapshot: Uint8Array, gzipped: Uint8Array): Uint8Array {
	const file = new Uint8Array(HEADER_SIZE + gzipped.length);
	file.set(new TextEncoder().encode(FILE_MAGIC));
	new DataView(file.buffer).setUint32(4, snapshot.length, true);
	file.set(gzipped, HEADER_SIZE);
	return file;
}

export interface IncomingSnapshot {
	/** Sized at once from the header; filled as the file streams in. */
	bytes: Uint8Array;
	/** Resolves once `bytes` holds the whole snapshot; rejects on a damaged file. */
	complete: Promise<void>;
}

/** Reads a snapshot file's header, then inflates the rest into `bytes` as it streams in. */
export async function openSnapshot(response: Response): Promise<IncomingSnapshot> {
	if (!response.ok || !response.body) throw new Error(`the snapshot could not be fetched (HTTP ${response.status})`);
	const reader = response.body.getReader();
	let head = new Uint8Array(0);
	while (head.length < HEADER_SIZE) {
		const { value, done } = await reader.read();
		if (done) throw new Error('the snapshot file is truncated');
		const joined = new Uint8Array(head.length + value.length);
		joined.set(head);
		joined.set(value, head.length);
		head = joined;
	}
	if (new TextDecoder().decode(head.subarray(0, 4)) !== FILE_MAGIC) throw new Error('this is not a snapshot file');
	const size = new DataView(head.buffer, head.byteOffset).getUint32(4, true);
	const bytes = new Uint8Array(size);
	const rest = head.subarray(HEADER_SIZE);
	const gzipped = new ReadableStream<BufferSource>({
		start: (controller) => {
			if (rest.length) controller.enqueue(rest);
		},
		pull: async (controller) => {
			const { value, done } = await reader.read();
			if (done) controller.close();
			else controller.enqueue(value);
		},
		cancel: (reason) => reader.cancel(reason),
	});
	const complete = (async () => {
		const inflated = gzipped.pipeThrough(new DecompressionStream('gzip')).getReader();
		let offset = 0;
		for (;;) {
			const { value, done } = await inflated.read();
			if (done) break;
			if (offset + value.length > size) throw new Error('the snapshot is larger than its header says');
			bytes.set(value, offset);
			offset += value.length;
		}
		if (offset !== size) throw new Error('the snapshot is smaller than its header says');
	})();
	// Whoever awaits `complete` sees a failure; this keeps it from being reported as unhandled meanwhile.
	complete.catch(() => undefined);
	return { bytes, complete };
}

/**
 * Pyodide from a snapshot that may still be streaming in. `loadPyodide`
 * (Pyodide 314.0.7) reads the length of `_loadSnapshot` before it
 * instantiates the wasm, and its bytes only once `createPyodideModule` has
 * resolved: holding that back until the snapshot is complete lets the wasm
 * download and compile while the snapshot arrives. Were a later Pyodide to
 * read the bytes sooner, it would find no snapshot header and fail, and
 * Python would start normally; the tests restore a snapshot this way.
 */
export function loadFromSnapshot(
	loadPyodide: LoadPyodide,
	createPyodideModule: CreatePyodideModule,
	options: PyodideConfig,
	snapshot: IncomingSnapshot,
): Promise<PyodideAPI> {
	return loadPyodide({
		...options,
		_loadSnapshot: snapshot.bytes,
		createPyodideModule: async (settings) => {
			const [module] = await Promise.all([createPyodideModule(settings), snapshot.complete]);
			return module;
		},
	});
}

/**
 * What the snapshot's memory holds from the moment it was taken and a page
 * must have afresh: `logging`'s start time (`random` needs nothing: the
 * sandbox seeds every run). And Pyodide puts "" in front of `sys.path`
 * again as it finishes loading, which the path already held.
 */
const AFTER_RESTORE = `
import sys, time
if "logging" in sys.modules:
    sys.modules["logging"]._startTime = time.time_ns()
if sys.path[:1] == [""] and "" in sys.path[1:]:
    del sys.path[0]
`;

/**
 * The sandbox in a Pyodide restored from the snapshot called `name`. Its
 * modules are in the restored memory, but not the package's files
 * (Emscripten keeps files outside that memory): `startPythonHost` writes
 * them again, for the submodules imported only when a program needs them
 * (`awaitable.processes`, `awaitable.network`...) and for tracebacks.
 */
export function startRestoredPythonHost(pyodide: PyodideAPI, files: Record<string, string>, name: string): PythonHost {
	const label = pyodide.runPython('import sys; getattr(sys, "_awaitable_snapshot", None)');
	if (label !== name) throw new Error(`the snapshot is labelled ${JSON.stringify(label)}, not ${JSON.stringify(name)}`);
	pyodide.runPython(AFTER_RESTORE);
	return startPythonHost(pyodide, files);
}

/**
 * Pyodide keeps its options, `_loadSnapshot` included, for as long as it
 * lives: once the snapshot is in the wasm memory, its 30 MB go, by moving
 * the buffer out to an empty one (where browsers can; else they stay).
 */
function release(bytes: Uint8Array) {
	(bytes.buffer as ArrayBuffer & { transfer?: (length: number) => ArrayBuffer }).transfer?.(0);
}

export interface PythonStart {
	/** `loadPyodide` and `version` from `pyodide.mjs`, and the default export of `pyodide.asm.mjs`. */
	loadPyodide: LoadPyodide;
	pyodideVersion: string;
	createPyodideModule: CreatePyodideModule;
	/** More options for `loadPyodide` (`indexURL`). */
	options: PyodideConfig;
	/** The sandbox package's files, as `startPythonHost` takes them. */
	files: Record<string, string>;
	/** Fetches the snapshot file of that name; without it, Python starts from scratch. */
	fetchSnapshot?: (name: string) => Promise<Response>;
	/** Told why a snapshot was not used. */
	warn?: (message: string) => void;
}

/**
 * Starts the sandbox: from the snapshot of these sources when there is one,
 * else from scratch. A snapshot that is missing, damaged or of other sources
 * costs a normal start, never a failure.
 */
export async function startPython(start: PythonStart): Promise<PythonHost> {
	const { loadPyodide, createPyodideModule, options, files } = start;
	if (start.fetchSnapshot) {
		const name = await snapshotFileName(files, start.pyodideVersion);
		try {
			const snapshot = await openSnapshot(await start.fetchSnapshot(name));
			const pyodide = await loadFromSnapshot(loadPyodide, createPyodideModule, options, snapshot);
			release(snapshot.bytes);
			return startRestoredPythonHost(pyodide, files, name);
		} catch (error) {
			start.warn?.(`Starting Python without a snapshot: ${name} could not be used (${String(error)}).`);
		}
	}
	return startPythonHost(await loadPyodide({ ...options, createPyodideModule }), files);
}
