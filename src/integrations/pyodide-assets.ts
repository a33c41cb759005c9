import { copyFileSync, createReadStream, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { makePythonSnapshot } from './python-snapshot.ts';

/** The Pyodide files a worker needs; everything else in the package stays out of the site. */
export const PYODIDE_FILES = [
	'pyodide.mjs',
	'pyodide.asm.mjs',
	'pyodide.asm.wasm',
	'python_stdlib.zip',
	'pyodide-lock.json',
] as const;

const CONTENT_TYPES: Record<string, string> = {
	'.mjs': 'text/javascript',
	'.wasm': 'application/wasm',
	'.zip': 'application/zip',
	'.json': 'application/json',
};

/** Folder of the installed `pyodide` package (its version is pinned in package.json). */
export function pyodideDir(): string {
	const require = createRequire(import.meta.url);
	return dirname(require.resolve('pyodide/package.json'));
}

/**
 * Serves Pyodide from the site's own origin under `<base>pyodide/`: from
 * node_modules in development, copied into the build output at build time.
 * Nothing of Pyodide is committed, and no request leaves the origin.
 *
 * The build also writes a memory snapshot of Pyodide with the sandbox
 * imported (`python-snapshot-<hash>.bin`, see `src/workers/python-snapshot.ts`),
 * which the worker boots from. Development has none: its worker boots normally.
 */
export function pyodideAssets(): AstroIntegration {
	let base = '/';
	return {
		name: 'awaitable:pyodide-assets',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
			},
			'astro:server:setup': ({ server }) => {
				const source = pyodideDir();
				server.middlewares.use((request, response, next) => {
					const path = (request.url ?? '').split('?')[0];
					const prefix = `${base}pyodide/`;
					const name = path.startsWith(prefix) ? path.slice(prefix.length) : '';
					if (!(PYODIDE_FILES as readonly string[]).includes(name)) return next();
					const file = join(source, name);
					response.setHeader('Content-Type', CONTENT_TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream');
					response.setHeader('Content-Length', statSync(file).size);
					createReadStream(file).pipe(response);
				});
			},
			'astro:build:done': async ({ dir, logger }) => {
				const target = join(fileURLToPath(dir), 'pyodide');
				mkdirSync(target, { recursive: true });
				for (const name of PYODIDE_FILES) copyFileSync(join(pyodideDir(), name), join(target, name));
				logger.info(`copied ${PYODIDE_FILES.length} Pyodide files to ${base}pyodide/`);
				const snapshot = await makePythonSnapshot();
				writeFileSync(join(target, snapshot.name), snapshot.file);
				const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
				logger.info(`wrote ${base}pyodide/${snapshot.name} (${mb(snapshot.rawSize)} of memory, ${mb(snapshot.file.length)} gzipped)`);
			},
		},
	};
}
