import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import yaml from 'js-yaml';
import { ExerciseIdSchema, ExerciseMetaSchema, type Exercise } from '../schemas/exercise.ts';
import { ExerciseError } from './exercise-error.ts';

/** The files of an exercise folder; `fixtures.py` is optional. */
const REQUIRED_FILES = ['exercise.md', 'starter.py', 'solution.py', 'checks.py'] as const;

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/**
 * Reads and validates one exercise folder.
 * Throws an `ExerciseError` naming the file and the field for anything malformed.
 */
export function loadExercise(folder: string, root = process.cwd()): Exercise {
	const id = folder.split(/[\\/]/).filter(Boolean).at(-1) ?? folder;
	const where = (file: string) => relative(root, join(folder, file)) || file;
	if (!ExerciseIdSchema.safeParse(id).success) {
		throw new ExerciseError(where(''), null, `"${id}" is not a valid exercise id (lowercase words joined by dashes)`);
	}
	for (const file of REQUIRED_FILES) {
		if (!existsSync(join(folder, file))) {
			throw new ExerciseError(where(file), null, 'this file is missing; every exercise folder needs exercise.md, starter.py, solution.py and checks.py');
		}
	}
	const read = (file: string) => readFileSync(join(folder, file), 'utf8');
	const markdown = read('exercise.md');
	const match = FRONT_MATTER.exec(markdown);
	if (!match) {
		throw new ExerciseError(where('exercise.md'), null, 'it must start with front matter between two "---" lines');
	}
	let frontMatter: unknown;
	try {
		frontMatter = yaml.load(match[1]);
	} catch (error) {
		throw new ExerciseError(where('exercise.md'), null, `the front matter is not valid YAML: ${(error as Error).message}`);
	}
	const meta = ExerciseMetaSchema.safeParse(frontMatter ?? {});
	if (!meta.success) {
		const issue = meta.error.issues[0];
		throw new ExerciseError(where('exercise.md'), issue.path.join('.') || null, issue.message);
	}
	const instructions = match[2].trim();
	if (!instructions) {
		throw new ExerciseError(where('exercise.md'), 'instructions', 'the text after the front matter (what the learner must do) is empty');
	}
	const checks = read('checks.py');
	if (!/@check\(/.test(checks)) {
		throw new ExerciseError(where('checks.py'), null, 'it defines no check; decorate at least one function with @check("what it establishes")');
	}
	return {
		...meta.data,
		id,
		instructions,
		starter: read('starter.py'),
		solution: read('solution.py'),
		checks,
		fixtures: existsSync(join(folder, 'fixtures.py')) ? read('fixtures.py') : null,
	};
}

/** Every exercise under `exercisesDir`, sorted by lesson order then id. */
export function loadExercises(exercisesDir: string, root = process.cwd()): Exercise[] {
	return readdirSync(exercisesDir, { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && !entry.name.startsWith('_') && !entry.name.startsWith('.'))
		.map((entry) => loadExercise(join(exercisesDir, entry.name), root))
		.sort((a, b) => a.lesson.localeCompare(b.lesson) || a.order - b.order || a.id.localeCompare(b.id));
}
