import { ProgressExportSchema, type ProgressExport } from '../schemas/progress.ts';
import { allProgress, importProgress } from './progress-store.ts';

/** All progress as the JSON file Export downloads. */
export function exportProgressFile(): ProgressExport {
	return { format: 'awaitable-progress', version: 1, exportedAt: new Date().toISOString(), exercises: allProgress() };
}

/**
 * Read an exported file and restore it. Throws an Error with a message for
 * people when the file is not an Awaitable progress file.
 */
export function importProgressFile(text: string): number {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		throw new Error('That file is not JSON; choose a file that Export saved.');
	}
	const parsed = ProgressExportSchema.safeParse(data);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new Error(`That is not an Awaitable progress file (${issue.path.join('.') || 'file'}: ${issue.message}).`);
	}
	importProgress(parsed.data.exercises);
	return Object.keys(parsed.data.exercises).length;
}
