/** A malformed exercise folder: names the file and the field that is wrong. */
export class ExerciseError extends Error {
	readonly file: string;
	readonly field: string | null;

	constructor(file: string, field: string | null, problem: string) {
		super(`${file}${field ? `: field "${field}"` : ''}: ${problem}`);
		this.name = 'ExerciseError';
		this.file = file;
		this.field = field;
	}
}
