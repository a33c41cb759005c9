import { exportProgressFile, importProgressFile } from '../progress/progress-file.ts';
import { onProgressChange, resetAllProgress, stateOf } from '../progress/progress-store.ts';

const LABELS = { 'not-started': 'Not started', attempted: 'Attempted', passed: '✓ Passed' } as const;

/** `<awaitable-progress>`: the course overview with saved states, export, import and reset. */
class ProgressOverview extends HTMLElement {
	connectedCallback() {
		this.refresh();
		onProgressChange(() => this.refresh());
		this.querySelector('.export')!.addEventListener('click', () => this.export());
		this.querySelector<HTMLInputElement>('.import')!.addEventListener('change', (event) => this.import(event));
		this.querySelector('.reset-all')!.addEventListener('click', () => this.resetAll());
	}

	private refresh() {
		let passed = 0;
		for (const item of this.querySelectorAll<HTMLElement>('[data-exercise]')) {
			const state = stateOf(item.dataset.exercise!);
			if (state === 'passed') passed++;
			const label = item.querySelector<HTMLElement>('.exercise-state')!;
			label.dataset.state = state;
			label.textContent = LABELS[state];
		}
		const total = Number(this.dataset.total);
		this.querySelector<HTMLProgressElement>('.progress-bar')!.value = passed;
		this.querySelector('.progress-summary')!.textContent = `You have passed ${passed} of ${total} exercises.`;
	}

	private say(message: string) {
		this.querySelector('.progress-message')!.textContent = message;
	}

	private export() {
		const file = exportProgressFile();
		const blob = new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' });
		const link = document.createElement('a');
		link.href = URL.createObjectURL(blob);
		link.download = `awaitable-progress-${file.exportedAt.slice(0, 10)}.json`;
		link.click();
		URL.revokeObjectURL(link.href);
		this.say(`Exported ${Object.keys(file.exercises).length} exercises.`);
	}

	private async import(event: Event) {
		const input = event.target as HTMLInputElement;
		const file = input.files?.[0];
		if (!file) return;
		try {
			const count = importProgressFile(await file.text());
			this.say(`Imported ${count} exercises from ${file.name}.`);
		} catch (error) {
			this.say((error as Error).message);
		} finally {
			input.value = '';
		}
	}

	private resetAll() {
		if (!window.confirm('Forget all your code and results for every exercise? This cannot be undone (unless you exported them).')) return;
		resetAllProgress();
		this.say('All progress was reset.');
	}
}

customElements.define('awaitable-progress', ProgressOverview);
