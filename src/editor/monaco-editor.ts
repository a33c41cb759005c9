/**
 * Monaco, with only what the course needs: the core editor, Python
 * highlighting and a handful of editing features. Bundled separately from
 * the site (editor-bundle.ts) and loaded by `load-editor.ts` only when an
 * exercise needs it, so pages without one never load any of it.
 */
import * as monaco from 'monaco-editor/editor/editor.api.js';
import { ASYNCIO_API, entriesOf, lookUp, type ApiEntry } from './asyncio-reference.ts';
import { EDITOR_PADDING_PX, FONT_SIZE_PX, LINE_HEIGHT_PX } from './metrics.ts';
import 'monaco-editor/editor/contrib/find/browser/findController.js';
import 'monaco-editor/editor/contrib/comment/browser/comment.js';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching.js';
import 'monaco-editor/editor/contrib/folding/browser/folding.js';
import 'monaco-editor/editor/contrib/multicursor/browser/multicursor.js';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations.js';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations.js';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard.js';
import 'monaco-editor/editor/contrib/indentation/browser/indentation.js';
import 'monaco-editor/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode.js';
import 'monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter.js';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution.js';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController.js';
import 'monaco-editor/languages/definitions/python/register.js';

// The editor's own worker is bundled beside this module (see editor-bundle.ts).
self.MonacoEnvironment = {
	getWorker: () => new Worker(new URL('./editor.worker.js', import.meta.url), { type: 'module', name: 'monaco-editor' }),
};

export type Editor = monaco.editor.IStandaloneCodeEditor;

const DOCS = 'https://docs.python.org/3/library/';

function documentation(entry: ApiEntry): monaco.IMarkdownString {
	return { value: `\`\`\`python\n${entry.signature}\n\`\`\`\n\n${entry.summary}\n\n[Python documentation](${DOCS}${entry.doc})` };
}

const COMPLETION_KIND = {
	function: monaco.languages.CompletionItemKind.Function,
	class: monaco.languages.CompletionItemKind.Class,
	method: monaco.languages.CompletionItemKind.Method,
	exception: monaco.languages.CompletionItemKind.Class,
	constant: monaco.languages.CompletionItemKind.Constant,
} as const;

/**
 * Completions after `asyncio.` and after a `.` on anything else (task and
 * queue methods), and hovers with the signature and a one-line summary.
 */
function registerAsyncioHelp() {
	monaco.languages.registerCompletionItemProvider('python', {
		triggerCharacters: ['.'],
		provideCompletionItems(model, position) {
			const before = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
			const match = /(\w+)\.(\w*)$/.exec(before);
			if (!match) return { suggestions: [] };
			const word = model.getWordUntilPosition(position);
			const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
			const entries = match[1] === 'asyncio' ? entriesOf('asyncio') : ASYNCIO_API.filter((entry) => entry.kind === 'method');
			return {
				suggestions: entries.map((entry) => ({
					label: entry.name,
					kind: COMPLETION_KIND[entry.kind],
					detail: entry.signature,
					documentation: documentation(entry),
					insertText: entry.name,
					range,
				})),
			};
		},
	});
	monaco.languages.registerHoverProvider('python', {
		provideHover(model, position) {
			const word = model.getWordAtPosition(position);
			if (!word) return null;
			const before = model.getLineContent(position.lineNumber).slice(0, word.startColumn - 1);
			const qualifier = /(\w+)\.$/.exec(before)?.[1] ?? null;
			const entry = lookUp(word.word, qualifier);
			if (!entry) return null;
			return {
				range: new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn),
				contents: [documentation(entry)],
			};
		},
	});
}

registerAsyncioHelp();


function themeName(): string {
	return document.documentElement.dataset.theme === 'light' ? 'vs' : 'vs-dark';
}

/** Create a Python editor in `container`, following the site's light/dark theme. */
export function createEditor(container: HTMLElement, value: string, label: string): Editor {
	const editor = monaco.editor.create(container, {
		value,
		language: 'python',
		theme: themeName(),
		fontSize: FONT_SIZE_PX,
		lineHeight: LINE_HEIGHT_PX,
		fontFamily: 'var(--sl-font-mono, ui-monospace, monospace)',
		tabSize: 4,
		insertSpaces: true,
		detectIndentation: false,
		minimap: { enabled: false },
		scrollBeyondLastLine: false,
		automaticLayout: true,
		padding: { top: EDITOR_PADDING_PX, bottom: EDITOR_PADDING_PX },
		renderLineHighlightOnlyWhenFocus: true,
		ariaLabel: label,
		accessibilitySupport: 'auto',
		fixedOverflowWidgets: true,
		// Enter always starts a new line; Tab takes a suggestion. A learner
		// typing a line should never have Enter complete a word instead.
		acceptSuggestionOnEnter: 'off',
	});
	new MutationObserver(() => monaco.editor.setTheme(themeName())).observe(document.documentElement, {
		attributes: true,
		attributeFilter: ['data-theme'],
	});
	return editor;
}

export interface Marker {
	line: number;
	column?: number | null;
	endLine?: number | null;
	endColumn?: number | null;
	message: string;
}

/** Show errors on their lines (or clear them with an empty list). */
export function setMarkers(editor: Editor, markers: Marker[]) {
	const model = editor.getModel();
	if (!model) return;
	monaco.editor.setModelMarkers(
		model,
		'awaitable',
		markers.map((marker) => {
			const line = Math.min(Math.max(marker.line, 1), model.getLineCount());
			const startColumn = marker.column ?? model.getLineFirstNonWhitespaceColumn(line) ?? 1;
			const endLine = marker.endLine && marker.endLine >= line ? marker.endLine : line;
			const endColumn =
				marker.endColumn && marker.endColumn > startColumn ? marker.endColumn : model.getLineMaxColumn(endLine);
			return {
				severity: monaco.MarkerSeverity.Error,
				message: marker.message,
				startLineNumber: line,
				startColumn: Math.max(startColumn, 1),
				endLineNumber: endLine,
				endColumn: Math.max(endColumn, startColumn + 1),
			};
		}),
	);
}

/**
 * Inside the editor Tab indents, which traps keyboard users. Escape arms an
 * exit: the next Tab (or Shift+Tab) leaves the editor instead, and `announce`
 * says so to screen readers. Any other key disarms it.
 */
export function addEscapeHatch(editor: Editor, leave: (forward: boolean) => void, announce: (text: string) => void) {
	let armed = false;
	editor.onKeyDown((event) => {
		if (event.keyCode === monaco.KeyCode.Escape) {
			armed = true;
			announce('Press Tab to leave the editor, or Shift+Tab to go back.');
			return;
		}
		if (armed && event.keyCode === monaco.KeyCode.Tab) {
			event.preventDefault();
			event.stopPropagation();
			leave(!event.shiftKey);
		}
		armed = false;
	});
	editor.onDidBlurEditorText(() => (armed = false));
}

/**
 * Bind Ctrl/Cmd+Enter and Ctrl/Cmd+Shift+Enter inside the editor. Actions,
 * not `addCommand`: a command's keybinding is global to the page, so with
 * two editors the last one created would answer for both.
 */
export function addShortcuts(editor: Editor, run: () => void, check: () => void) {
	editor.addAction({
		id: 'awaitable.run',
		label: 'Run',
		keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
		run,
	});
	editor.addAction({
		id: 'awaitable.check',
		label: 'Check',
		keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter],
		run: check,
	});
}

/**
 * A read-only diff of the learner's code against the solution, side by side
 * where there is room and inline where there is not.
 */
export function createDiffView(container: HTMLElement, learner: string, solution: string) {
	const diff = monaco.editor.createDiffEditor(container, {
		readOnly: true,
		originalEditable: false,
		renderSideBySide: container.clientWidth >= 640,
		useInlineViewWhenSpaceIsLimited: true,
		automaticLayout: true,
		fontSize: FONT_SIZE_PX,
		lineHeight: LINE_HEIGHT_PX,
		fontFamily: 'var(--sl-font-mono, ui-monospace, monospace)',
		minimap: { enabled: false },
		scrollBeyondLastLine: false,
		theme: themeName(),
		ariaLabel: 'Your code compared with the reference solution',
	});
	diff.setModel({
		original: monaco.editor.createModel(learner, 'python'),
		modified: monaco.editor.createModel(solution, 'python'),
	});
	return {
		dispose() {
			const model = diff.getModel();
			diff.dispose();
			model?.original.dispose();
			model?.modified.dispose();
		},
	};
}
