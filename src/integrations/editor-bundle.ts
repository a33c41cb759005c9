import { createHash } from 'node:crypto';
import { cpSync, createReadStream, existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { AstroIntegration } from 'astro';

const ENTRY = fileURLToPath(new URL('../editor/monaco-editor.ts', import.meta.url));
const EDITOR_WORKER = 'monaco-editor/editor/editor.worker.js';

const CONTENT_TYPES: Record<string, string> = {
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.ttf': 'font/ttf',
};

/**
 * Monaco is bundled on its own, outside the site's Vite graph, into
 * `<base>_editor/<hash>/`. Pages load it only when an exercise asks for it
 * (`monaco.js`, `monaco.css` and their font and chunks); a bundle inside the
 * site's graph would have its stylesheet linked from every page.
 */
async function bundleEditor(outdir: string) {
	await build({
		entryPoints: { monaco: ENTRY, 'editor.worker': EDITOR_WORKER },
		bundle: true,
		format: 'esm',
		splitting: true,
		minify: true,
		target: 'es2022',
		outdir,
		loader: { '.ttf': 'file' },
		chunkNames: 'chunk-[hash]',
		assetNames: '[name]-[hash]',
		logLevel: 'warning',
		legalComments: 'none',
	});
}

/** A hash of what the bundle is made from, so a new version gets a new URL. */
function bundleHash(): string {
	const monaco = JSON.parse(readFileSync(new URL('../../node_modules/monaco-editor/package.json', import.meta.url), 'utf8'));
	const editorFiles = ['monaco-editor.ts', 'metrics.ts'].map((name) =>
		readFileSync(new URL(`../editor/${name}`, import.meta.url), 'utf8'),
	);
	return createHash('sha256').update(monaco.version).update(editorFiles.join('\0')).digest('hex').slice(0, 10);
}

export function editorBundle(): AstroIntegration {
	const hash = bundleHash();
	const folder = `_editor/${hash}`;
	const outdir = mkdtempSync(join(tmpdir(), 'awaitable-editor-'));
	let bundled: Promise<void> | null = null;
	const ensureBundle = () => (bundled ??= bundleEditor(outdir));
	let base = '/';
	return {
		name: 'awaitable:editor-bundle',
		hooks: {
			'astro:config:setup': ({ config, updateConfig }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
				updateConfig({ vite: { define: { __EDITOR_FOLDER__: JSON.stringify(`${base}${folder}/`) } } });
			},
			'astro:server:setup': ({ server }) => {
				const prefix = `${base}${folder}/`;
				server.middlewares.use(async (request, response, next) => {
					const path = (request.url ?? '').split('?')[0];
					if (!path.startsWith(prefix)) return next();
					await ensureBundle();
					const file = normalize(join(outdir, path.slice(prefix.length)));
					if (!file.startsWith(outdir) || !existsSync(file)) return next();
					response.setHeader('Content-Type', CONTENT_TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream');
					response.setHeader('Content-Length', statSync(file).size);
					createReadStream(file).pipe(response);
				});
			},
			'astro:build:done': async ({ dir, logger }) => {
				await ensureBundle();
				cpSync(outdir, join(fileURLToPath(dir), folder), { recursive: true });
				logger.info(`bundled the editor into ${base}${folder}/`);
			},
		},
	};
}
