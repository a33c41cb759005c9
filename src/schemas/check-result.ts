import { z } from 'zod';
import { RunResultSchema } from './run-result.ts';

/** The verdict on one check. */
export const CheckOutcomeSchema = z.object({
	/** What the check establishes, e.g. "the greeting is printed at t=1s". */
	title: z.string(),
	/** True when the check passed. */
	passed: z.boolean(),
	/**
	 * pass / fail: the learner's verdict; error: the check itself crashed,
	 * a fault of the exercise, never of the learner.
	 */
	status: z.enum(['pass', 'fail', 'error']),
	/** For a failure: what was expected, what was seen, what to try. */
	message: z.string(),
});

/** The result of a Check: the overall verdict and every check's outcome. */
export const CheckResultSchema = z.object({
	/** The exercise's id. */
	exercise: z.string(),
	/** True when every check passed. */
	passed: z.boolean(),
	checks: z.array(CheckOutcomeSchema),
	/** The learner's program run once as-is: output, trace and errors. */
	run: RunResultSchema,
});

export type CheckOutcome = z.infer<typeof CheckOutcomeSchema>;
export type CheckResult = z.infer<typeof CheckResultSchema>;
/** A check's result as the sandbox writes it, before the schema reads it. */
export type CheckResultJson = z.input<typeof CheckResultSchema>;
