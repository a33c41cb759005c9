import type { CheckResult } from '../schemas/check-result.ts';
import { CodeBox, loadRuntime } from './code-box.ts';

/**
 * `<awaitable-exercise>`: a code box with Check, Reset and hints. The
 * server-rendered markup reads without JavaScript (instructions and starter
 * code); this element brings it to life.
 */
class ExerciseBox extends CodeBox {
	protected readOriginal(): string {
		return this.query<HTMLTextAreaElement>('.starter').value;
	}

	connectedCallback() {
		super.connectedCallback();
		this.query('.run').addEventListener('click', () => this.run());
		this.query('.check').addEventListener('click', () => this.check());
		this.query('.reset').addEventListener('click', () => this.reset());
		this.query('.hint').addEventListener('click', () => this.revealHint());
	}

	protected shiftEnter() {
		this.check();
	}

	private check() {
		return this.perform('Checking…', async (runner, onOutput) => {
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
		if (this.code() === this.original) return;
		if (!window.confirm('Reset this exercise to its starter code? Your changes will be lost.')) return;
		await this.restoreOriginal();
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
