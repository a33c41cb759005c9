import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

export const DIST = join(import.meta.dirname, '../../dist');

export interface Site {
	server: StaticServer;
	browser: Browser;
	/** Every URL any page of this site requested, for the same-origin test. */
	requests: string[];
	close(): Promise<void>;
}

/** Serve the built site and start Chromium. */
export async function openSite(): Promise<Site> {
	if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ has no build: run `npm run build` first');
	const server = await serveStatic(DIST);
	const browser = await launchChromium();
	const requests: string[] = [];
	browser.on('disconnected', () => undefined);
	return {
		server,
		browser,
		requests,
		close: async () => {
			await browser.close();
			await server.close();
		},
	};
}

/** A new page that records its own and its workers' requests. */
export async function newPage(site: Site): Promise<Page> {
	const context = await site.browser.newContext();
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	context.on('request', (request) => site.requests.push(request.url()));
	return context.newPage();
}

/**
 * Replace the code in an exercise's editor, waiting for Monaco to be there.
 * The code is pasted, as a learner would paste it: typed text would be
 * re-indented by the editor's auto-indent.
 */
export async function pasteIntoEditor(page: Page, code: string) {
	const editor = page.locator('awaitable-exercise .monaco-editor').first();
	await page.locator('awaitable-exercise .static-code, awaitable-exercise .monaco-editor').first().click();
	await editor.waitFor();
	await editor.click();
	await page.evaluate((text) => navigator.clipboard.writeText(text), code);
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.press('ControlOrMeta+V');
}

/** The text of the editor line that carries an error squiggle. */
export async function markedLineText(page: Page): Promise<string> {
	const marked = page.locator('awaitable-exercise .view-overlays > div:has(.squiggly-error)').first();
	await marked.waitFor();
	const top = await marked.evaluate((element) => (element as HTMLElement).style.top);
	return page
		.locator('awaitable-exercise .view-lines > .view-line')
		.evaluateAll((lines, wanted) => lines.find((line) => (line as HTMLElement).style.top === wanted)?.textContent ?? '', top);
}

/** Wait until the exercise's status line starts with `prefix` (e.g. "Ran", "Checked"). */
export async function waitForStatus(page: Page, prefix: string) {
	await page.waitForFunction(
		(start) => document.querySelector('awaitable-exercise .status')?.textContent?.startsWith(start),
		prefix,
		{ timeout: 60_000 },
	);
}
