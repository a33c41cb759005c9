import { loadEditor } from '../editor/load-editor.ts';
import {
	adoptStarter,
	onProgressChange,
	readProgress,
	recordResult,
	resetProgress,
	saveCode,
	stateOf,
} from '../progress/progress-store.ts';
import type { CheckResult } from '../schemas/check-result.ts';
import type { ExerciseState } from '../schemas/progress.ts';
import { CodeBox, loadRuntime } from './code-box.ts';

const STATE_LABELS: Record<ExerciseState, string> = {
	'not-started': 'Not started',
	attempted: 'Attempted',
	passed: 'Passed',
};

/** Saving on every keystroke is wasteful; a pause in typing is soon enough. */
const SAVE_DELAY_MS = 300;

/**
 * `<awaitable-exercise>`: a code box with Check, Reset, hints, the solution
 * and saved progress. The server-rendered markup reads without JavaScript
 * (instructions and starter code); this element brings it to life.
 */
class ExerciseBox extends CodeBox {
	private saveTimer: ReturnType<typeof setTimeout> | undefined;
	private diff: { dispose(): void } | null = null;

	private get exerciseId() {
		return this.dataset.id!;
	}

	private get starterHash() {
		return this.dataset.starterHash!;
	}

	protected readOriginal(): string {
		return this.query<HTMLTextAreaElement>('.starter').value;
	}

	protected initialCode(): string {
		return readProgress(this.exerciseId)?.code ?? this.original;
	}

	connectedCallback() {
		super.connectedCallback();
		this.query('.run').addEventListener('click', () => this.run());
		this.query('.check').addEventListener('click', () => this.check());
		this.query('.reset').addEventListener('click', () => this.reset());
		this.query('.hint').addEventListener('click', () => this.revealHint());
		this.query('.solution').addEventListener('click', () => this.toggleSolution());
		this.query('.use-solution').addEventListener('click', () => this.useSolution());
		this.showState();
		onProgressChange(() => this.showState());
		this.offerNewStarter();
	}

	protected codeChanged(code: string) {
		clearTimeout(this.saveTimer);
		this.saveTimer = setTimeout(() => {
			// Unchanged starter code is not progress: nothing to remember yet.
			if (code !== this.original || readProgress(this.exerciseId)) saveCode(this.exerciseId, code, this.starterHash);
		}, SAVE_DELAY_MS);
	}

	protected shiftEnter() {
		this.check();
	}

	protected async bundle() {
		const { fetchGradingBundle } = await loadRuntime();
		return fetchGradingBundle(this.dataset.bundleUrl!);
	}

	protected loadEditor(focus: boolean) {
		// The box is in view or in use: fetch what Run and Check send with the
		// code now, not on the first press (a failed fetch is tried again then).
		this.bundle().catch(() => undefined);
		return super.loadEditor(focus);
	}

	protected async run() {
		const code = this.code();
		await super.run();
		recordResult(this.exerciseId, code, this.starterHash, null);
	}

	private check() {
		const code = this.code();
		return this.perform('Checking…', async (runner, onOutput) => {
			const result = await runner.check(await this.bundle(), code, onOutput);
			recordResult(this.exerciseId, code, this.starterHash, result.passed);
			this.showRun(result.run);
			this.showChecks(result);
			const failed = result.checks.filter((check) => !check.passed).length;
			return result.passed
				? `Checked in {ms} ms: all ${result.checks.length} checks passed.`
				: `Checked in {ms} ms: ${failed} of ${result.checks.length} checks did not pass.`;
		});
	}

	private showState() {
		const state = stateOf(this.exerciseId);
		const badge = this.query('.state');
		badge.dataset.state = state;
		badge.textContent = state === 'passed' ? `✓ ${STATE_LABELS[state]}` : STATE_LABELS[state];
	}

	/**
	 * The course was updated and this exercise's starter changed since the
	 * learner began: keep their code, and offer the new starter.
	 */
	private offerNewStarter() {
		const saved = readProgress(this.exerciseId);
		if (!saved || saved.starterHash === this.starterHash) return;
		if (saved.code === this.original) {
			adoptStarter(this.exerciseId, saved.code, this.starterHash);
			return;
		}
		const notice = this.query('.notice');
		notice.replaceChildren();
		const text = document.createElement('span');
		text.textContent = 'This exercise changed since you started it. Your code is kept as it was. ';
		const load = document.createElement('button');
		load.type = 'button';
		load.textContent = 'Load the new starter (copies your code to the clipboard)';
		load.addEventListener('click', async () => {
			const mine = this.code();
			await navigator.clipboard?.writeText(mine).catch(() => undefined);
			adoptStarter(this.exerciseId, this.original, this.starterHash);
			this.showCode(this.original);
			notice.hidden = true;
			this.setStatus('Loaded the new starter; your previous code is on the clipboard.');
		});
		const keep = document.createElement('button');
		keep.type = 'button';
		keep.textContent = 'Keep my code';
		keep.addEventListener('click', () => {
			adoptStarter(this.exerciseId, this.code(), this.starterHash);
			notice.hidden = true;
		});
		notice.append(text, load, ' ', keep);
		notice.hidden = false;
	}

	protected clearResults() {
		super.clearResults();
		this.query('.check-list').replaceChildren();
		this.query('.check-list').hidden = true;
		this.query('.verdict').hidden = true;
	}

	private showChecks(result: CheckResult) {
		const list = this.query('.check-list');
		for (const check of result.checks) {
			const item = document.createElement('li');
			item.className = `check-item ${check.status}`;
			const mark = document.createElement('span');
			mark.className = 'check-mark';
			mark.setAttribute('aria-hidden', 'true');
			mark.textContent = check.status === 'pass' ? '✓' : check.status === 'fail' ? '✗' : '!';
			const verdict = document.createElement('span');
			verdict.className = 'sr-only';
			verdict.textContent = check.status === 'pass' ? 'Passed: ' : check.status === 'fail' ? 'Failed: ' : 'Could not run: ';
			const title = document.createElement('span');
			title.className = 'check-title';
			title.textContent = check.title;
			item.append(mark, verdict, title);
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
		if (this.code() === this.original && !readProgress(this.exerciseId)) return;
		if (!window.confirm('Reset this exercise? Your code goes back to the starter and its progress is forgotten.')) return;
		clearTimeout(this.saveTimer);
		await this.restoreOriginal();
		resetProgress(this.exerciseId);
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

	private async toggleSolution() {
		const view = this.query('.solution-view');
		const button = this.query('.solution');
		if (!view.hidden) {
			this.diff?.dispose();
			this.diff = null;
			view.hidden = true;
			button.textContent = 'Solution';
			return;
		}
		if (!window.confirm('Show the reference solution? Trying the hints first teaches more.')) return;
		const [{ fetchGradingBundle }, editor] = await Promise.all([loadRuntime(), loadEditor()]);
		const bundle = await fetchGradingBundle(this.dataset.bundleUrl!);
		view.hidden = false;
		this.diff = editor.createDiffView(this.query('.diff-host'), this.code(), bundle.solution);
		button.textContent = 'Hide solution';
		this.setStatus('Showing the solution beside your code.');
	}

	private async useSolution() {
		if (!window.confirm('Replace your code with the solution? You can Reset to get the starter back.')) return;
		const { fetchGradingBundle } = await loadRuntime();
		const bundle = await fetchGradingBundle(this.dataset.bundleUrl!);
		const editor = await this.loadEditor(true);
		editor.setValue(bundle.solution);
		await this.toggleSolution();
		this.setStatus('The solution is in the editor.');
	}
}

customElements.define('awaitable-exercise', ExerciseBox);
