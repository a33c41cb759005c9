/**
 * The sandbox's Python sources, bundled into the worker's own chunk.
 * Keys are paths relative to `src/python/`, like `awaitable/loop.py`.
 */
const modules = import.meta.glob<string>('../python/awaitable/**/*.py', {
	query: '?raw',
	import: 'default',
	eager: true,
});

export const packageFiles: Record<string, string> = Object.fromEntries(
	Object.entries(modules).map(([path, text]) => [path.replace('../python/', ''), text]),
);
