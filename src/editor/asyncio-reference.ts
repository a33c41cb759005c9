/**
 * The asyncio API this course uses, for the editor's completions and hovers:
 * each entry's signature and a one-line summary in our own words, with the
 * documentation page to read more.
 */
export interface ApiEntry {
	/** Name inside its namespace, e.g. `gather`. */
	name: string;
	/** `asyncio`, `asyncio.Task`, `asyncio.Queue`, ... */
	namespace: string;
	kind: 'function' | 'class' | 'method' | 'exception' | 'constant';
	signature: string;
	summary: string;
	/** Page and anchor under https://docs.python.org/3/library/. */
	doc: string;
}

const TASK = 'asyncio-task.html';
const SYNC = 'asyncio-sync.html';
const QUEUE = 'asyncio-queue.html';
const SUBPROCESS = 'asyncio-subprocess.html';
const STREAM = 'asyncio-stream.html';
const LOOP = 'asyncio-eventloop.html';
const RUNNER = 'asyncio-runner.html';

const fn = (name: string, signature: string, summary: string, doc: string): ApiEntry => ({
	name,
	namespace: 'asyncio',
	kind: 'function',
	signature,
	summary,
	doc,
});

export const ASYNCIO_API: ApiEntry[] = [
	fn('run', 'asyncio.run(coro, *, debug=None)', 'Start an event loop, run the coroutine to its end, close the loop and return its result. The entry point of a program.', `${RUNNER}#asyncio.run`),
	fn('sleep', 'await asyncio.sleep(delay, result=None)', 'Pause this coroutine for `delay` seconds while other tasks run; `sleep(0)` just lets them run.', `${TASK}#asyncio.sleep`),
	fn('create_task', 'asyncio.create_task(coro, *, name=None)', 'Schedule a coroutine to run concurrently as a Task and return the Task at once. Keep a reference to it.', `${TASK}#asyncio.create_task`),
	fn('gather', 'await asyncio.gather(*aws, return_exceptions=False)', 'Run awaitables concurrently; return their results as a list in argument order. The first exception propagates unless `return_exceptions=True`.', `${TASK}#asyncio.gather`),
	fn('wait_for', 'await asyncio.wait_for(aw, timeout)', 'Wait for an awaitable, cancelling it and raising TimeoutError if it takes longer than `timeout` seconds.', `${TASK}#asyncio.wait_for`),
	fn('timeout', 'async with asyncio.timeout(delay):', 'Cancel the block\'s work and raise TimeoutError if it runs longer than `delay` seconds (None: no limit).', `${TASK}#asyncio.timeout`),
	fn('timeout_at', 'async with asyncio.timeout_at(when):', 'Like `timeout`, with a deadline on the loop\'s clock (`loop.time()`) instead of a delay.', `${TASK}#asyncio.timeout_at`),
	fn('wait', 'await asyncio.wait(aws, *, timeout=None, return_when=ALL_COMPLETED)', 'Wait for tasks until a condition holds; return the sets (done, pending). Does not cancel anything.', `${TASK}#asyncio.wait`),
	fn('as_completed', 'for next_done in asyncio.as_completed(aws, *, timeout=None):', 'Iterate over awaitables in the order they finish; await each item to get its result.', `${TASK}#asyncio.as_completed`),
	fn('shield', 'await asyncio.shield(aw)', 'Protect an awaitable from being cancelled when the task awaiting it is cancelled.', `${TASK}#asyncio.shield`),
	fn('to_thread', 'await asyncio.to_thread(func, /, *args, **kwargs)', 'Run a blocking function in a separate thread so the event loop keeps serving other tasks.', `${TASK}#asyncio.to_thread`),
	fn('current_task', 'asyncio.current_task()', 'The Task running the code that calls it, or None outside a task.', `${TASK}#asyncio.current_task`),
	fn('all_tasks', 'asyncio.all_tasks()', 'The set of Tasks of the running loop that have not finished yet.', `${TASK}#asyncio.all_tasks`),
	fn('get_running_loop', 'asyncio.get_running_loop()', 'The event loop running in this thread; raises RuntimeError when none runs.', `${LOOP}#asyncio.get_running_loop`),
	fn('iscoroutine', 'asyncio.iscoroutine(obj)', 'True if `obj` is a coroutine object (what calling an `async def` function returns).', `asyncio-task.html#asyncio.iscoroutine`),
	fn('create_subprocess_exec', 'await asyncio.create_subprocess_exec(program, *args, stdin=None, stdout=None, stderr=None)', 'Start a program with an argument list (no shell involved) and return a Process.', `${SUBPROCESS}#asyncio.create_subprocess_exec`),
	fn('create_subprocess_shell', 'await asyncio.create_subprocess_shell(cmd, stdin=None, stdout=None, stderr=None)', 'Run a command string through the shell and return a Process. Never build `cmd` from untrusted input.', `${SUBPROCESS}#asyncio.create_subprocess_shell`),
	fn('open_connection', 'reader, writer = await asyncio.open_connection(host, port)', 'Open a TCP connection and return a StreamReader and a StreamWriter.', `${STREAM}#asyncio.open_connection`),
	fn('start_server', 'server = await asyncio.start_server(client_connected_cb, host, port)', 'Start a TCP server that calls `client_connected_cb(reader, writer)` for each new connection.', `${STREAM}#asyncio.start_server`),
	...(
		[
			['Task', 'asyncio.Task(coro, *, name=None)', 'A coroutine scheduled on the loop. Create it with asyncio.create_task(); await it for its result.', `${TASK}#asyncio.Task`],
			['TaskGroup', 'async with asyncio.TaskGroup() as tg:', 'Start tasks with `tg.create_task(...)`; the block waits for all of them, and if one fails the others are cancelled.', `${TASK}#asyncio.TaskGroup`],
			['Queue', 'asyncio.Queue(maxsize=0)', 'A first-in, first-out queue for passing items between tasks; `maxsize` bounds it.', `${QUEUE}#asyncio.Queue`],
			['PriorityQueue', 'asyncio.PriorityQueue(maxsize=0)', 'A queue that hands out the smallest item first, e.g. `(priority, job)` tuples.', `${QUEUE}#asyncio.PriorityQueue`],
			['LifoQueue', 'asyncio.LifoQueue(maxsize=0)', 'A queue that hands out the most recently added item first.', `${QUEUE}#asyncio.LifoQueue`],
			['Lock', 'asyncio.Lock()', 'Lets one task at a time into a critical section: `async with lock:`.', `${SYNC}#asyncio.Lock`],
			['Event', 'asyncio.Event()', 'A flag tasks can wait for: `await event.wait()` until someone calls `event.set()`.', `${SYNC}#asyncio.Event`],
			['Condition', 'asyncio.Condition(lock=None)', 'Lets tasks wait until another task notifies them that something changed.', `${SYNC}#asyncio.Condition`],
			['Semaphore', 'asyncio.Semaphore(value=1)', 'Lets at most `value` tasks into a section at once: `async with sem:`.', `${SYNC}#asyncio.Semaphore`],
			['BoundedSemaphore', 'asyncio.BoundedSemaphore(value=1)', 'A Semaphore that raises ValueError if released more times than acquired.', `${SYNC}#asyncio.BoundedSemaphore`],
			['Barrier', 'asyncio.Barrier(parties)', 'Makes `parties` tasks wait for each other at `await barrier.wait()`.', `${SYNC}#asyncio.Barrier`],
			['Runner', 'with asyncio.Runner() as runner:', 'Runs several coroutines on one event loop: `runner.run(coro)`; closes the loop at the end of the block.', `${RUNNER}#asyncio.Runner`],
		] as const
	).map(([name, signature, summary, doc]): ApiEntry => ({ name, namespace: 'asyncio', kind: 'class', signature, summary, doc })),
	...(
		[
			['CancelledError', 'asyncio.CancelledError', 'Raised inside a task that is being cancelled. Clean up in `finally`, then let it propagate.', `asyncio-exceptions.html#asyncio.CancelledError`],
			['TimeoutError', 'asyncio.TimeoutError', 'Raised when a timeout expires; the same class as the built-in TimeoutError since Python 3.11.', `asyncio-exceptions.html#asyncio.TimeoutError`],
			['QueueEmpty', 'asyncio.QueueEmpty', 'Raised by `get_nowait()` on an empty queue.', `${QUEUE}#asyncio.QueueEmpty`],
			['QueueFull', 'asyncio.QueueFull', 'Raised by `put_nowait()` on a full queue.', `${QUEUE}#asyncio.QueueFull`],
		] as const
	).map(([name, signature, summary, doc]): ApiEntry => ({ name, namespace: 'asyncio', kind: 'exception', signature, summary, doc })),
	...(
		[
			['FIRST_COMPLETED', 'asyncio.FIRST_COMPLETED', 'For asyncio.wait: return as soon as any awaitable finishes.'],
			['FIRST_EXCEPTION', 'asyncio.FIRST_EXCEPTION', 'For asyncio.wait: return when any raises, or when all finish.'],
			['ALL_COMPLETED', 'asyncio.ALL_COMPLETED', 'For asyncio.wait: return when all have finished (the default).'],
		] as const
	).map(([name, signature, summary]): ApiEntry => ({ name, namespace: 'asyncio', kind: 'constant', signature, summary, doc: `${TASK}#asyncio.wait` })),
	...(
		[
			['cancel', 'task.cancel(msg=None)', 'Ask the task to stop: CancelledError is raised inside it at its next await.'],
			['cancelled', 'task.cancelled()', 'True if the task ended by being cancelled.'],
			['done', 'task.done()', 'True once the task has a result, an exception, or was cancelled.'],
			['result', 'task.result()', 'The task\'s return value; raises its exception if it failed.'],
			['exception', 'task.exception()', 'The exception the task raised, or None.'],
			['get_name', 'task.get_name()', 'The task\'s name (Task-N unless you named it).'],
			['set_name', 'task.set_name(value)', 'Give the task a name, shown in reprs and tracebacks.'],
			['add_done_callback', 'task.add_done_callback(callback)', 'Call `callback(task)` when the task finishes.'],
			['get_stack', 'task.get_stack(*, limit=None)', 'The frames the task is suspended in: where it is waiting.'],
			['print_stack', 'task.print_stack(*, limit=None, file=None)', 'Print where the task is suspended.'],
		] as const
	).map(([name, signature, summary]): ApiEntry => ({ name, namespace: 'asyncio.Task', kind: 'method', signature, summary, doc: `${TASK}#asyncio.Task.${name}` })),
	...(
		[
			['put', 'await queue.put(item)', 'Add an item, waiting while a bounded queue is full.'],
			['get', 'await queue.get()', 'Remove and return an item, waiting while the queue is empty.'],
			['put_nowait', 'queue.put_nowait(item)', 'Add an item now, or raise QueueFull.'],
			['get_nowait', 'queue.get_nowait()', 'Remove an item now, or raise QueueEmpty.'],
			['task_done', 'queue.task_done()', 'Tell the queue one item taken with get() is fully processed.'],
			['join', 'await queue.join()', 'Wait until task_done() was called for every item ever put.'],
			['qsize', 'queue.qsize()', 'How many items are in the queue now.'],
			['empty', 'queue.empty()', 'True if the queue holds no items.'],
			['full', 'queue.full()', 'True if a bounded queue is at its maxsize.'],
		] as const
	).map(([name, signature, summary]): ApiEntry => ({ name, namespace: 'asyncio.Queue', kind: 'method', signature, summary, doc: `${QUEUE}#asyncio.Queue.${name}` })),
];

/** Entries of a namespace, by name. */
export function entriesOf(namespace: string): ApiEntry[] {
	return ASYNCIO_API.filter((entry) => entry.namespace === namespace);
}

/** The entry a hovered name refers to: qualified by `asyncio.`, or a method name. */
export function lookUp(name: string, qualifier: string | null): ApiEntry | undefined {
	if (qualifier === 'asyncio') return ASYNCIO_API.find((entry) => entry.namespace === 'asyncio' && entry.name === name);
	return ASYNCIO_API.find((entry) => entry.namespace !== 'asyncio' && entry.name === name);
}
