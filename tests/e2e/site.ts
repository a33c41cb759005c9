import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

/** The built site; AWAITABLE_DIST points elsewhere (a build of a snapshot, say). */
export const DIST = process.env.AWAITABLE_DIST ?? join(import.meta.dirname, '../../dist');

export interface Site {
	server: StaticServer;
	browser: Browser;
	/** Every URL any page of this site requested, for the same-origin test. */
	requests: string[];
	/** Requests the site answered with an error status (`404 /favicon.svg`). */
	failures: string[];
	close(): Promise<void>;
}

/** Serve the built site and start Chromium. */
export async function openSite(): Promise<Site> {
	if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ has no build: run `npm run build` first');
	const server = await serveStatic(DIST);
	const browser = await launchChromium();
	const requests: string[] = [];
	const failures: string[] = [];
	browser.on('disconnected', () => undefined);
	return {
		server,
		browser,
		requests,
		failures,
		close: async () => {
			await browser.close();
			await server.close();
		},
	};
}

/**
 * Open the site for a test file: served and with Chromium started before its
 * tests, closed after them. Returns a getter for the open site.
 */
export function useSite(): () => Site {
	let site: Site | undefined;
	beforeAll(async () => {
		site = await openSite();
	});
	afterAll(async () => {
		await site?.close();
	});
	return () => {
		if (!site) throw new Error('the site is not open yet');
		return site;
	};
}

/** A new page that records its own and its workers' requests. */
export async function newPage(site: Site): Promise<Page> {
	const context = await site.browser.newContext();
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	context.on('request', (request) => site.requests.push(request.url()));
	context.on('response', (response) => {
		if (response.status() >= 400) site.failures.push(`${response.status()} ${new URL(response.url()).pathname}`);
	});
	return context.newPage();
}

/**
 * Replace the code in an exercise's editor, waiting for Monaco to be there.
 * The code is pasted, as a learner would paste it: typed text would be
 * re-indented by the editor's auto-indent.
 */
export async function pasteIntoEditor(page: Page, code: string, box = '#exercise-warm-up') {
	const editor = page.locator(`${box} .monaco-editor`);
	await page.locator(`${box} .static-code, ${box} .monaco-editor`).first().click();
	await editor.waitFor();
	await editor.click();
	await page.evaluate((text) => navigator.clipboard.writeText(text), code);
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.press('ControlOrMeta+V');
}

/** The text of the editor line that carries an error squiggle. */
export async function markedLineText(page: Page, box = '#exercise-warm-up'): Promise<string> {
	const marked = page.locator(`${box} .view-overlays > div:has(.squiggly-error)`).first();
	await marked.waitFor();
	const top = await marked.evaluate((element) => (element as HTMLElement).style.top);
	return page
		.locator(`${box} .view-lines > .view-line`)
		.evaluateAll((lines, wanted) => lines.find((line) => (line as HTMLElement).style.top === wanted)?.textContent ?? '', top);
}

/** Wait until a code box's status line starts with `prefix` (e.g. "Ran", "Checked"). */
export async function waitForStatus(page: Page, prefix: string, box = '#exercise-warm-up') {
	await page.waitForFunction(
		([selector, start]) => document.querySelector(`${selector} .status`)?.textContent?.startsWith(start),
		[box, prefix] as const,
		{ timeout: 60_000 },
	);
}
