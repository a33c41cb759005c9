import { loadEditor as loadEditorModule } from '../editor/load-editor.ts';
import type { Editor } from '../editor/monaco-editor.ts';
import type { PythonRunner } from '../runner/python-runner.ts';
import type { CheckResult } from '../schemas/check-result.ts';
import type { OutputLine, ProgramError, RunResult } from '../schemas/run-result.ts';
import { whenIdle } from './when-idle.ts';

/**
 * The runner and the result schemas (zod) are not needed to read a page:
 * they load when the page is idle or on the first Run, whichever is first.
 */
type Runtime = typeof import('../runner/index.ts');
let runtime: Promise<Runtime> | null = null;
const loadRuntime = () => (runtime ??= import('../runner/index.ts'));

const formatTime = (t: number) => `${t.toFixed(3)}s`;

/**
 * `<awaitable-exercise>`: an editor with Run, Check and Reset, its output
 * and verdicts. Server-rendered markup works without JavaScript (the
 * starter code is readable); this element brings it to life.
 */
class ExerciseBox extends HTMLElement {
	private editor: Editor | null = null;
	private editorLoading: Promise<Editor> | null = null;
	private busy = false;
	private starter = '';

	connectedCallback() {
		this.starter = this.query<HTMLTextAreaElement>('.starter').value;
		this.query('.run').addEventListener('click', () => this.run());
		this.query('.check').addEventListener('click', () => this.check());
		this.query('.reset').addEventListener('click', () => this.reset());
		this.query('.hint').addEventListener('click', () => this.revealHint());
		this.addEventListener('keydown', (event) => this.onKey(event));
		const staticCode = this.query('.static-code');
		staticCode.addEventListener('focus', () => this.loadEditor(true), { once: true });
		staticCode.addEventListener('pointerdown', () => this.loadEditor(true), { once: true });
		new IntersectionObserver(
			(entries, observer) => {
				if (entries.some((entry) => entry.isIntersecting)) {
					observer.disconnect();
					this.loadEditor(false);
				}
			},
			{ rootMargin: '300px 0px' },
		).observe(this);
		whenIdle(() =>
			loadRuntime().then(({ pageRunner }) => {
				return pageRunner().warmUp();
			}).catch(() => undefined),
		);
	}

	private query<T extends HTMLElement = HTMLElement>(selector: string): T {
		const element = this.querySelector<T>(selector);
		if (!element) throw new Error(`exercise markup lacks ${selector}`);
		return element;
	}

	private loadEditor(focus: boolean): Promise<Editor> {
		this.editorLoading ??= loadEditorModule().then((module) => {
			const frame = this.query('.editor-frame');
			const code = this.query('.static-code');
			const title = this.query('h3').textContent ?? 'exercise';
			const host = document.createElement('div');
			host.className = 'editor-host';
			frame.append(host);
			const editor = module.createEditor(host, this.starter, `${title}: Python editor. Press Escape then Tab to leave it.`);
			module.addShortcuts(editor, () => this.run(), () => this.check());
			code.remove();
			this.editor = editor;
			return editor;
		});
		return this.editorLoading.then((editor) => {
			if (focus) editor.focus();
			return editor;
		});
	}

	private code(): string {
		return this.editor ? this.editor.getValue() : this.starter;
	}

	private onKey(event: KeyboardEvent) {
		if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
		// Inside Monaco its own command handles the shortcut.
		if ((event.target as HTMLElement).closest('.editor-host')) return;
		event.preventDefault();
		if (event.shiftKey) this.check();
		else this.run();
	}

	private setStatus(text: string) {
		this.query('.status').textContent = text;
	}

	private async run() {
		await this.perform('Running…', async (runner, onOutput) => {
			const result = await runner.run(this.code(), onOutput);
			this.showRun(result);
			return `Ran in {ms} ms; the program ended at virtual t=${result.virtual_time.toFixed(3)}s.`;
		});
	}

	private async check() {
		await this.perform('Checking…', async (runner, onOutput) => {
			const { fetchGradingBundle } = await loadRuntime();
			const bundle = await fetchGradingBundle(this.dataset.bundleUrl!);
			const result = await runner.check(bundle, this.code(), onOutput);
			this.showRun(result.run);
			this.showChecks(result);
			const failed = result.checks.filter((check) => !check.passed).length;
			return result.passed
				? `Checked in {ms} ms: all ${result.checks.length} checks passed.`
				: `Checked in {ms} ms: ${failed} of ${result.checks.length} checks did not pass.`;
		});
	}

	/** Common frame of Run and Check: one action at a time, timing, errors of the runner itself. */
	private async perform(
		label: string,
		action: (runner: PythonRunner, onOutput: (line: OutputLine) => void) => Promise<string>,
	) {
		if (this.busy) return;
		this.busy = true;
		this.toggleAttribute('data-busy', true);
		this.clearResults();
		if (this.editor) (await loadEditorModule()).setMarkers(this.editor, []);
		try {
			const { pageRunner } = await loadRuntime();
			const runner = pageRunner();
			if (runner.state !== 'ready') this.setStatus('Loading Python…');
			await runner.warmUp();
			this.setStatus(label);
			const lines = this.query('.output-lines');
			this.query('.output').hidden = false;
			const started = performance.now();
			const summary = await action(runner, (line) => this.appendLine(lines, line));
			this.setStatus(summary.replace('{ms}', String(Math.round(performance.now() - started))));
		} catch (error) {
			// The runner's own errors (a timeout, a crashed worker) are written for people.
			const message = error instanceof Error && error.name === 'RunnerError' ? error.message : `Something went wrong: ${String(error)}`;
			this.setStatus(message);
		} finally {
			this.busy = false;
			this.toggleAttribute('data-busy', false);
		}
	}

	private clearResults() {
		this.query('.output-lines').replaceChildren();
		this.query('.output-time').textContent = '';
		this.query('.check-list').replaceChildren();
		this.query('.check-list').hidden = true;
		this.query('.verdict').hidden = true;
	}

	private appendLine(container: HTMLElement, line: OutputLine) {
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

	private showRun(result: RunResult) {
		const lines = this.query('.output-lines');
		// Output streamed during the run; redraw from the result so both paths show the same.
		lines.replaceChildren();
		for (const line of result.output) this.appendLine(lines, line);
		if (result.output_dropped) this.appendNote(lines, `… ${result.output_dropped} more lines were not shown (output limit).`);
		if (result.error) this.showError(lines, result.error);
		if (result.stopped) {
			this.appendNote(lines, `Stopped: ${result.stopped.message}`, 'stopped');
			for (const waiting of result.stopped.waiting) {
				const where = waiting.line ? ` (line ${waiting.line})` : '';
				this.appendNote(lines, `  task ${waiting.name} waits on ${waiting.waits_on ?? 'something'}${where}`, 'stopped');
			}
			if (result.stopped.hint) this.appendNote(lines, result.stopped.hint, 'stopped');
		}
		for (const explanation of result.explanations ?? []) {
			if (explanation.id !== result.error?.explanation?.id) this.appendNote(lines, `${explanation.title}\n${explanation.text}`, 'explanation');
		}
		if (!result.output.length && !result.error && !result.stopped) this.appendNote(lines, '(no output)');
		this.query('.output-time').textContent = `ended at virtual t=${formatTime(result.virtual_time)}`;
	}

	private appendNote(container: HTMLElement, text: string, kind = 'note') {
		const note = document.createElement('span');
		note.className = `line ${kind}`;
		note.textContent = `${text}\n`;
		container.append(note);
	}

	private showError(container: HTMLElement, error: ProgramError) {
		this.appendNote(container, error.traceback, 'error');
		if (error.explanation) this.appendNote(container, `${error.explanation.title}\n${error.explanation.text}`, 'explanation');
		if (error.line && this.editor) {
			const editor = this.editor;
			loadEditorModule().then((module) =>
				module.setMarkers(editor, [
					{
						line: error.line!,
						column: error.column,
						endLine: error.end_line,
						endColumn: error.end_column,
						message: `${error.type}: ${error.message}`,
					},
				]),
			);
		}
	}

	private showChecks(result: CheckResult) {
		const list = this.query('.check-list');
		for (const check of result.checks) {
			const item = document.createElement('li');
			item.className = `check-item ${check.status}`;
			const mark = document.createElement('span');
			mark.className = 'check-mark';
			mark.textContent = check.status === 'pass' ? '✓' : check.status === 'fail' ? '✗' : '!';
			mark.setAttribute('aria-label', check.status === 'pass' ? 'passed' : check.status === 'fail' ? 'failed' : 'could not run');
			const title = document.createElement('span');
			title.className = 'check-title';
			title.textContent = check.title;
			item.append(mark, title);
			if (check.message) {
				const message = document.createElement('p');
				message.className = 'check-message';
				message.textContent = check.message;
				item.append(message);
			}
			list.append(item);
		}
		list.hidden = false;
		const verdict = this.query('.verdict');
		const passed = result.checks.filter((check) => check.passed).length;
		verdict.className = `verdict ${result.passed ? 'passed' : 'failed'}`;
		verdict.textContent = result.passed
			? `Passed: all ${result.checks.length} checks pass. Well done!`
			: `Not yet: ${passed} of ${result.checks.length} checks pass. Read the first failing one below.`;
		verdict.hidden = false;
	}

	private async reset() {
		if (this.code() === this.starter) return;
		if (!window.confirm('Reset this exercise to its starter code? Your changes will be lost.')) return;
		const editor = await this.loadEditor(true);
		editor.setValue(this.starter);
		this.clearResults();
		this.query('.output').hidden = true;
		this.setStatus('Reset to the starter code.');
	}

	private revealHint() {
		const hidden = [...this.querySelectorAll<HTMLLIElement>('.hints li[hidden]')];
		const next = hidden[0];
		if (!next) return;
		next.hidden = false;
		const button = this.query<HTMLButtonElement>('.hint');
		const total = Number(button.dataset.total);
		const shown = total - hidden.length + 1;
		button.textContent = shown < total ? `Show hint ${shown + 1} of ${total}` : 'No more hints';
		button.disabled = shown >= total;
		this.setStatus(`Hint ${shown} of ${total}: ${next.textContent}`);
	}
}

customElements.define('awaitable-exercise', ExerciseBox);
