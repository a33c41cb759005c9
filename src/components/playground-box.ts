import { CodeBox } from './code-box.ts';

/** `<awaitable-playground>`: a runnable, editable example in a lesson, not graded. */
class PlaygroundBox extends CodeBox {
	protected readOriginal(): string {
		return this.query<HTMLTextAreaElement>('.original').value;
	}

	connectedCallback() {
		super.connectedCallback();
		this.query('.run').addEventListener('click', () => this.run());
		this.query('.restore').addEventListener('click', () => this.restore());
	}

	private async restore() {
		if (this.code() === this.original) return;
		await this.restoreOriginal();
		this.setStatus('Restored the example.');
	}
}

customElements.define('awaitable-playground', PlaygroundBox);
