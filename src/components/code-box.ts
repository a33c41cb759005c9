import { loadEditor } from '../editor/load-editor.ts';
import type { Editor } from '../editor/monaco-editor.ts';
import type { PythonRunner } from '../runner/python-runner.ts';
import type { GradingBundle } from '../schemas/exercise.ts';
import type { OutputLine, RunResult } from '../schemas/run-result.ts';
import { appendLine, errorMarkers, formatTime, renderRun } from './run-output.ts';
import { whenIdle } from './when-idle.ts';

/**
 * The runner and the result schemas (zod) are not needed to read a page:
 * they load when the page is idle or on the first Run, whichever is first.
 */
type Runtime = typeof import('../runner/index.ts');
let runtime: Promise<Runtime> | null = null;
export const loadRuntime = () => (runtime ??= import('../runner/index.ts'));

/**
 * What exercises and playgrounds share: static code that turns into an
 * editor when it nears the viewport or is focused, Run with streamed output,
 * a status line, and Ctrl/Cmd+Enter. Subclasses add their own actions.
 *
 * Expected markup inside the element: `.editor-frame` holding `.static-code`,
 * `.status`, `.output` holding `.output-lines` and `.output-time`.
 */
export abstract class CodeBox extends HTMLElement {
	protected editor: Editor | null = null;
	private editorLoading: Promise<Editor> | null = null;
	private busy = false;
	private timeline: { destroy(): void } | null = null;
	private shownRun: RunResult | null = null;
	/** The code the box started with (the starter, or the example). */
	protected original = '';
	/** The code shown until the editor arrives: the original, or saved work. */
	private shownCode = '';
	/** The server-highlighted original, kept to put back after showing other code. */
	private highlighted: ChildNode[] | null = null;

	/** The code shown before any edit. */
	protected abstract readOriginal(): string;

	/** What to show at first; an exercise shows the learner's saved work. */
	protected initialCode(): string {
		return this.original;
	}

	/** Called as the learner edits (after the editor loaded). */
	protected codeChanged(_code: string) {}

	connectedCallback() {
		this.original = this.readOriginal();
		this.showCode(this.initialCode());
		this.query('.stop').addEventListener('click', () => loadRuntime().then(({ pageRunner }) => pageRunner().stop()));
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
		// The runner's code is small: fetch it now, and start Python (a worker
		// fetching and compiling megabytes) once the page is idle.
		const runtime = loadRuntime();
		whenIdle(() => runtime.then(({ pageRunner }) => pageRunner().warmUp()).catch(() => undefined));
	}

	protected query<T extends HTMLElement = HTMLElement>(selector: string): T {
		const element = this.querySelector<T>(selector);
		if (!element) throw new Error(`${this.localName} markup lacks ${selector}`);
		return element;
	}

	protected loadEditor(focus: boolean): Promise<Editor> {
		this.editorLoading ??= loadEditor().then((module) => {
			const frame = this.query('.editor-frame');
			const host = document.createElement('div');
			host.className = 'editor-host';
			frame.append(host);
			const label = this.getAttribute('aria-label') ?? 'Python code';
			const editor = module.createEditor(host, this.code(), `${label}: Python editor. Press Escape then Tab to leave it.`);
			module.addShortcuts(editor, () => this.run(), () => this.shiftEnter());
			module.addEscapeHatch(editor, (forward) => this.leaveEditor(forward), (text) => this.setStatus(text));
			editor.onDidChangeModelContent(() => this.codeChanged(editor.getValue()));
			this.query('.static-code').remove();
			this.editor = editor;
			return editor;
		});
		return this.editorLoading.then((editor) => {
			if (focus) editor.focus();
			return editor;
		});
	}

	/** Tab after Escape leaves the editor: to the toolbar, or back to what precedes the box. */
	private leaveEditor(forward: boolean) {
		if (forward) {
			this.query('.toolbar button').focus();
			return;
		}
		const focusable = [...document.querySelectorAll<HTMLElement>('a[href], button, input, [tabindex="0"]')].filter(
			(element) => !this.contains(element) && element.compareDocumentPosition(this) & Node.DOCUMENT_POSITION_FOLLOWING,
		);
		focusable.at(-1)?.focus();
	}

	protected code(): string {
		return this.editor ? this.editor.getValue() : this.shownCode;
	}

	/**
	 * Show `code`: in the editor if it is there, otherwise as the static
	 * code (plain text when it differs from the highlighted original).
	 */
	protected showCode(code: string) {
		this.shownCode = code;
		if (this.editor) {
			if (this.editor.getValue() !== code) this.editor.setValue(code);
			return;
		}
		const pre = this.querySelector<HTMLElement>('.static-code pre');
		if (!pre) return;
		// The server highlighted the original; other code shows as plain text.
		this.highlighted ??= [...pre.childNodes];
		if (code === this.original) {
			pre.replaceChildren(...this.highlighted);
			return;
		}
		const text = document.createElement('code');
		text.textContent = code.replace(/\n$/, '');
		pre.replaceChildren(text);
	}

	/** Ctrl/Cmd+Shift+Enter: Check in an exercise, Run in a playground. */
	protected shiftEnter() {
		this.run();
	}

	private onKey(event: KeyboardEvent) {
		if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
		// Inside Monaco its own command handles the shortcut.
		if ((event.target as HTMLElement).closest('.editor-host')) return;
		event.preventDefault();
		if (event.shiftKey) this.shiftEnter();
		else this.run();
	}

	protected setStatus(text: string) {
		this.query('.status').textContent = text;
	}

	/** An exercise's fixtures and limits apply to Run as to Check; a playground has none. */
	protected bundle(): Promise<GradingBundle | null> {
		return Promise.resolve(null);
	}

	protected run() {
		return this.perform('Running…', async (runner, onOutput) => {
			const result = await runner.run(this.code(), onOutput, await this.bundle());
			this.showRun(result);
			return `Ran in {ms} ms; the program ended at virtual t=${formatTime(result.virtual_time)}.`;
		});
	}

	/** Clear what the last action showed. */
	protected clearResults() {
		this.shownRun = null;
		this.timeline?.destroy();
		this.timeline = null;
		this.query('.output-lines').replaceChildren();
		this.query('.output-time').textContent = '';
	}

	/**
	 * The frame of every action: one at a time, Python loaded first, output
	 * streamed, the time taken in the status line, and the runner's own
	 * failures (a timeout, a crashed worker) reported there.
	 */
	protected async perform(
		label: string,
		action: (runner: PythonRunner, onOutput: (line: OutputLine) => void) => Promise<string>,
	) {
		if (this.busy) return;
		this.busy = true;
		this.toggleAttribute('data-busy', true);
		let offerStop: ReturnType<typeof setTimeout> | undefined;
		this.clearResults();
		if (this.editor) (await loadEditor()).setMarkers(this.editor, []);
		try {
			const { pageRunner } = await loadRuntime();
			const runner = pageRunner();
			if (runner.state !== 'ready') this.setStatus('Loading Python…');
			await runner.warmUp();
			this.setStatus(label);
			// Most runs take milliseconds: offer Stop only to runs that linger.
			offerStop = setTimeout(() => (this.query('.stop').hidden = false), 300);
			const lines = this.query('.output-lines');
			this.query('.output').hidden = false;
			const started = performance.now();
			const summary = await action(runner, (line) => appendLine(lines, line));
			this.setStatus(summary.replace('{ms}', String(Math.round(performance.now() - started))));
		} catch (error) {
			const message =
				error instanceof Error && error.name === 'RunnerError' ? error.message : `Something went wrong: ${String(error)}`;
			this.setStatus(message);
		} finally {
			this.busy = false;
			this.toggleAttribute('data-busy', false);
			clearTimeout(offerStop);
			this.query('.stop').hidden = true;
		}
	}

	protected showRun(result: RunResult) {
		// Output streamed during the run; redraw from the result so both paths show the same.
		renderRun(this.query('.output-lines'), result);
		this.query('.output-time').textContent = `ended at virtual t=${formatTime(result.virtual_time)}`;
		this.showTimeline(result);
		const markers = errorMarkers(result.error);
		if (markers.length && this.editor) {
			const editor = this.editor;
			loadEditor().then((module) => module.setMarkers(editor, markers));
		}
	}

	/** The chart of the run's tasks, loaded with the first run that needs one. */
	private async showTimeline(result: RunResult) {
		this.shownRun = result;
		const { renderTimeline } = await import('./timeline/index.ts');
		// A newer run, or a cleared box, has taken this one's place meanwhile.
		if (this.shownRun !== result) return;
		this.timeline?.destroy();
		// The whole output shows at once; Replay plays it back at its own pace on request.
		this.timeline = renderTimeline(this.query('.timeline-host'), result, {
			outputContainer: this.query('.output-lines'),
			autoplay: false,
		});
	}

	/** Put the original code back (after the caller confirmed). */
	protected async restoreOriginal() {
		const editor = await this.loadEditor(true);
		editor.setValue(this.original);
		this.clearResults();
		this.query('.output').hidden = true;
	}

	/** Hide the output area (nothing to show). */
	protected hideOutput() {
		this.clearResults();
		this.query('.output').hidden = true;
	}
}
