/** Where the editor bundle lives; defined at build time by the editor-bundle integration. */
declare const __EDITOR_FOLDER__: string;

export type EditorModule = typeof import('./monaco-editor.ts');

let loading: Promise<EditorModule> | null = null;

function loadStylesheet(href: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const link = document.createElement('link');
		link.rel = 'stylesheet';
		link.href = href;
		link.onload = () => resolve();
		link.onerror = () => reject(new Error(`could not load ${href}`));
		document.head.append(link);
	});
}

/** Load Monaco's script and stylesheet (once per page) and resolve when both are in. */
export function loadEditor(): Promise<EditorModule> {
	loading ??= Promise.all([
		import(/* @vite-ignore */ `${__EDITOR_FOLDER__}monaco.js`) as Promise<EditorModule>,
		loadStylesheet(`${__EDITOR_FOLDER__}monaco.css`),
	])
		.then(([module]) => module)
		.catch((error) => {
			loading = null;
			throw error;
		});
	return loading;
}
