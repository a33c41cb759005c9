import type { OutputLine, ProgramError, RunResult } from '../schemas/run-result.ts';

/** Virtual seconds as the output gutter shows them. */
export const formatTime = (t: number) => `${t.toFixed(3)}s`;

/** Append one output line: its virtual time, then its text, always as text, never as HTML. */
export function appendLine(container: HTMLElement, line: OutputLine) {
	const row = document.createElement('span');
	row.className = `line ${line.stream}`;
	const time = document.createElement('span');
	time.className = 'line-time';
	time.textContent = formatTime(line.t);
	const text = document.createElement('span');
	text.className = 'line-text';
	text.textContent = line.text;
	row.append(time, text, '\n');
	container.append(row);
}

/** Append a note of the sandbox's own (an error, a stop, an explanation). */
export function appendNote(container: HTMLElement, text: string, kind = 'note') {
	const note = document.createElement('span');
	note.className = `line ${kind}`;
	note.textContent = `${text}\n`;
	container.append(note);
}

/** Show a whole run: its output, then how it ended and what to make of it. */
export function renderRun(container: HTMLElement, result: RunResult) {
	container.replaceChildren();
	for (const line of result.output) appendLine(container, line);
	if (result.output_dropped) appendNote(container, `… ${result.output_dropped} more lines were not shown (output limit).`);
	if (result.error) {
		appendNote(container, result.error.traceback, 'error');
		if (result.error.explanation) appendNote(container, `${result.error.explanation.title}\n${result.error.explanation.text}`, 'explanation');
	}
	if (result.stopped) {
		appendNote(container, `Stopped: ${result.stopped.message}`, 'stopped');
		for (const waiting of result.stopped.waiting) {
			const where = waiting.line ? ` (line ${waiting.line})` : '';
			appendNote(container, `  task ${waiting.name} waits on ${waiting.waits_on ?? 'something'}${where}`, 'stopped');
		}
		if (result.stopped.hint) appendNote(container, result.stopped.hint, 'stopped');
	}
	for (const explanation of result.explanations ?? []) {
		if (explanation.id !== result.error?.explanation?.id) appendNote(container, `${explanation.title}\n${explanation.text}`, 'explanation');
	}
	if (!result.output.length && !result.error && !result.stopped) appendNote(container, '(no output)');
}

/** Where the editor should mark the run's error, if anywhere. */
export function errorMarkers(error: ProgramError | null) {
	if (!error?.line) return [];
	return [
		{
			line: error.line,
			column: error.column,
			endLine: error.end_line,
			endColumn: error.end_column,
			message: `${error.type}: ${error.message}`,
		},
	];
}
