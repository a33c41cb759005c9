import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { newPage, useSite, waitForStatus } from './site.ts';

/**
 * axe-core's checks (contrast among them) on a lesson with an exercise whose
 * output, verdicts and timeline are showing, in both themes and at 360 px.
 */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const currentSite = useSite();

async function violations(page: Page) {
	await page.addScriptTag({ content: AXE });
	return page.evaluate(async () => {
		// Monaco's widgets and Starlight's search button are others' markup; the course's own is what is checked.
		const result = await (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run(
			{ exclude: [['.monaco-editor'], ['.monaco-diff-editor'], ['site-search']] },
			{ resultTypes: ['violations'] },
		);
		return result.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`);
	});
}

describe.skipIf(!hasChromium())('accessibility', () => {
	test.each([
		['light', 1280],
		['dark', 1280],
		['dark', 360],
	] as const)('lesson 0 after a Check, %s theme, %i px wide', async (theme, width) => {
		const page = await newPage(currentSite());
		await page.setViewportSize({ width, height: 900 });
		await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
		await page.goto(currentSite().server.url + '/lessons/how-this-course-works/');
		await page.locator('#exercise-warm-up button.check').click();
		await waitForStatus(page, 'Checked');
		await page.locator('#exercise-warm-up .timeline-host figure, #exercise-warm-up .timeline-host .tl-bar').first().waitFor();
		expect(await violations(page)).toEqual([]);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
		await page.context().close();
	});
});

describe.skipIf(!hasChromium())('accessibility of the course overview', () => {
	test.each(['light', 'dark'] as const)('the progress page, %s theme', async (theme) => {
		const page = await newPage(currentSite());
		await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
		await page.goto(currentSite().server.url + '/progress/');
		expect(await violations(page)).toEqual([]);
		await page.context().close();
	});
});
