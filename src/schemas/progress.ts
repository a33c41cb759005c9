import { z } from 'zod';

/** not-started: no record; attempted: run or checked; passed: a Check passed. */
export const ExerciseStateSchema = z.enum(['not-started', 'attempted', 'passed']);

/** What the browser keeps for one exercise. */
export const ExerciseProgressSchema = z.object({
	/** The learner's code as last typed. */
	code: z.string(),
	/** Hash of the starter the learner began from: tells a changed starter apart. */
	starterHash: z.string(),
	state: ExerciseStateSchema,
	/** When the code or the state last changed (ms since the epoch). */
	updatedAt: z.number(),
	/** When a Check first passed. */
	passedAt: z.number().nullable().default(null),
});

/** The file that Export writes and Import reads. */
export const ProgressExportSchema = z.object({
	format: z.literal('awaitable-progress'),
	/** Version of this file's shape; bumped on incompatible changes. */
	version: z.literal(1),
	exportedAt: z.string(),
	exercises: z.record(z.string(), ExerciseProgressSchema),
});

export type ExerciseState = z.infer<typeof ExerciseStateSchema>;
export type ExerciseProgress = z.infer<typeof ExerciseProgressSchema>;
export type ProgressExport = z.infer<typeof ProgressExportSchema>;
