import { z } from 'zod';

/** A line the program wrote, with the virtual time at which it was written. */
export const OutputLineSchema = z.object({
	/** Virtual seconds since the program started. */
	t: z.number(),
	/** The line, without its newline. Shown as text, never as HTML. */
	text: z.string(),
	/** Which stream the line went to. */
	stream: z.enum(['stdout', 'stderr']),
});

/** A plain-language explanation of a common asyncio mistake. */
export const ExplanationSchema = z.object({
	/** Stable identifier, e.g. `never-awaited`. */
	id: z.string(),
	/** One-line summary. */
	title: z.string(),
	/** What happened, why, and what to try, in Markdown. */
	text: z.string(),
	/** Line of the learner's program it is about, if any. */
	line: z.number().int().nullable().optional(),
});

/** An error the program raised, trimmed to the learner's own frames. */
export const ProgramErrorSchema = z.object({
	/** Exception class name, e.g. `SyntaxError`. */
	type: z.string(),
	message: z.string(),
	/** 1-based line in the learner's file, if the error points at one. */
	line: z.number().int().nullable(),
	/** 1-based column (syntax errors). */
	column: z.number().int().nullable(),
	end_line: z.number().int().nullable().optional(),
	end_column: z.number().int().nullable().optional(),
	/** The traceback as Python prints it, learner frames only. */
	traceback: z.string(),
	explanation: ExplanationSchema.nullable().optional(),
});

/**
 * One moment in a task's life. The sandbox writes each as an array,
 * `[t, kind, detail, line]` (a long run records tens of thousands, and an
 * array is quicker to write and to read than an object); it reads as an object.
 */
export const TaskEventSchema = z
	.tuple([
		z.number(),
		z.enum(['created', 'started', 'suspended', 'resumed', 'done', 'error', 'cancelled']),
		/** What the task waits on (suspended) or the exception (error). */
		z.string().nullable(),
		/** The line of the learner's program where it happened, if known. */
		z.number().int().nullable(),
	])
	.transform(([t, kind, detail, line]) => ({ t, kind, detail, line }));

/** A task from creation to its end. */
export const TaskRecordSchema = z.object({
	id: z.number().int(),
	name: z.string(),
	/** Qualified name of the coroutine the task runs. */
	coro: z.string(),
	created: z.number(),
	started: z.number().nullable(),
	ended: z.number().nullable(),
	state: z.enum(['pending', 'done', 'error', 'cancelled']),
	parent: z.number().int().nullable(),
	line: z.number().int().nullable(),
	result: z.string().nullable(),
	events: z.array(TaskEventSchema),
});

/** A call that held the event loop while virtual time passed. */
export const BlockingCallSchema = z.object({
	t: z.number(),
	duration: z.number(),
	call: z.string(),
	line: z.number().int().nullable(),
	task: z.number().int().nullable(),
});

/** Why the sandbox stopped a program early. */
export const StopReasonSchema = z.object({
	kind: z.string(),
	message: z.string(),
	hint: z.string().nullable().optional(),
	waiting: z.array(
		z.object({
			task: z.number().int(),
			name: z.string(),
			waits_on: z.string().nullable(),
			line: z.number().int().nullable(),
		}),
	),
});

/** Everything one run of a program produced. */
export const RunResultSchema = z.looseObject({
	stdout: z.array(OutputLineSchema),
	stderr: z.array(OutputLineSchema),
	/** stdout and stderr interleaved in the order they were written. */
	output: z.array(OutputLineSchema),
	/** Lines past the output limit, counted but not kept. */
	output_dropped: z.number().int(),
	/** Virtual seconds when the program ended. */
	virtual_time: z.number(),
	error: ProgramErrorSchema.nullable(),
	stopped: StopReasonSchema.nullable(),
	exit_status: z.number().int().nullable(),
	/** The first tasks the program made (at most 1,000), in the order they were made. */
	tasks: z.array(TaskRecordSchema),
	/** Tasks made after those, counted but not sent. */
	tasks_omitted: z.number().int().optional(),
	blocking: z.array(BlockingCallSchema),
	explanations: z.array(ExplanationSchema).optional(),
});

export type OutputLine = z.infer<typeof OutputLineSchema>;
export type Explanation = z.infer<typeof ExplanationSchema>;
export type ProgramError = z.infer<typeof ProgramErrorSchema>;
export type TaskRecord = z.infer<typeof TaskRecordSchema>;
export type RunResult = z.infer<typeof RunResultSchema>;
/** A run as the sandbox writes it, before the schema reads it (task events are arrays). */
export type RunResultJson = z.input<typeof RunResultSchema>;
