// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { editorBundle } from './src/integrations/editor-bundle.ts';
import { pyodideAssets } from './src/integrations/pyodide-assets.ts';

// https://astro.build/config
export default defineConfig({
	// Self-hosting under a sub-path: set AWAITABLE_BASE=/course/ at build time.
	base: process.env.AWAITABLE_BASE ?? '/',
	trailingSlash: 'always',
	integrations: [
		starlight({
			title: 'Awaitable',
			description: 'Learn Python asyncio by writing it: graded exercises that run in your browser.',
			sidebar: [
				{ label: 'Course', link: '/' },
				{ label: 'Lessons', items: [{ autogenerate: { directory: 'lessons' } }] },
			],
			customCss: ['./src/styles/course.css'],
			lastUpdated: false,
			pagination: true,
		}),
		pyodideAssets(),
		editorBundle(),
	],
	vite: {
		worker: { format: 'es' },
	},
});
