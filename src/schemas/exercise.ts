import { z } from 'zod';

/** How hard an exercise is, shown as a badge next to its title. */
export const DifficultySchema = z.enum(['warm-up', 'easy', 'medium', 'hard']);

/** Budgets that override the sandbox's defaults for one exercise. */
export const ExerciseLimitsSchema = z
	.object({
		/** Event-loop iterations before the program counts as running forever. */
		max_steps: z.number().int().positive().optional(),
		/** Virtual seconds before the program counts as waiting forever. */
		max_virtual_time: z.number().positive().optional(),
		/** Real seconds of computation without an `await` before the CPU guard stops it. */
		max_cpu_seconds: z.number().positive().optional(),
	})
	.strict();

/** The front matter of an exercise's `exercise.md`. */
export const ExerciseMetaSchema = z
	.object({
		/** Title shown above the exercise and in the course overview. */
		title: z.string().min(1),
		/** Slug of the lesson the exercise belongs to, e.g. `how-this-course-works`. */
		lesson: z.string().regex(/^[a-z0-9-]+$/, 'a lesson slug: lowercase letters, digits and dashes'),
		/** Position among the lesson's exercises, from 1. */
		order: z.number().int().positive(),
		/** How hard the exercise is. */
		difficulty: DifficultySchema,
		/** One to three hints, from a nudge to nearly the answer. */
		hints: z.array(z.string().min(1)).min(1).max(3),
		/** Language of the starter and solution; only Python today. */
		language: z.literal('python').default('python'),
		/** Sandbox budgets for this exercise's runs and checks. */
		limits: ExerciseLimitsSchema.optional(),
	})
	.strict();

/** Exercise ids are folder names: lowercase words joined by dashes. */
export const ExerciseIdSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

/** An exercise folder, read and validated: metadata plus its files. */
export const ExerciseSchema = ExerciseMetaSchema.extend({
	/** The folder name. */
	id: ExerciseIdSchema,
	/** The body of `exercise.md`: what to do, in Markdown. */
	instructions: z.string().min(1),
	/** `starter.py`: the code the learner starts from. */
	starter: z.string(),
	/** `solution.py`: a reference solution that passes every check. */
	solution: z.string(),
	/** `checks.py`: the `@check` functions that grade a submission. */
	checks: z.string().min(1),
	/** `fixtures.py`, if present: sets up virtual hosts, commands and files. */
	fixtures: z.string().nullable(),
});

export type Difficulty = z.infer<typeof DifficultySchema>;
export type ExerciseMeta = z.infer<typeof ExerciseMetaSchema>;
export type Exercise = z.infer<typeof ExerciseSchema>;

/**
 * What the browser fetches on the first Check (or Show solution):
 * everything needed to grade a submission, and the reference solution.
 */
export const GradingBundleSchema = ExerciseSchema.pick({
	id: true,
	checks: true,
	fixtures: true,
	limits: true,
	solution: true,
});
export type GradingBundle = z.infer<typeof GradingBundleSchema>;
