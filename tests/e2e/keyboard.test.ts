import { describe, expect, test } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { newPage, useSite, waitForStatus } from './site.ts';

const currentSite = useSite();

describe.skipIf(!hasChromium())('the keyboard alone', () => {
	test('reaches the editor, writes, runs, checks and leaves the editor', async () => {
		const page = await newPage(currentSite());
		await page.goto(currentSite().server.url + '/lessons/how-this-course-works/');
		// Tab through the page until the warm-up's code has focus.
		for (let i = 0; i < 200; i++) {
			await page.keyboard.press('Tab');
			const here = await page.evaluate(() => document.activeElement?.closest('#exercise-warm-up') !== null && document.activeElement?.closest('.editor-frame') !== null);
			if (here) break;
		}
		await page.locator('#exercise-warm-up .monaco-editor.focused').waitFor();
		await page.keyboard.press('ControlOrMeta+A');
		// One statement per line: typed text is auto-indented by the editor, so avoid blocks.
		await page.keyboard.type('import asyncio\nasync def main(): await asyncio.sleep(1); print("Hello, asyncio!")\nasyncio.run(main())\n');
		// Typing may leave the suggestion list open; Escape closes it, as a learner would.
		await page.keyboard.press('Escape');
		await expect
			.poll(() => page.locator('#exercise-warm-up .view-lines').innerText())
			.toMatch(/asyncio\.run\(main\(\)\)/);
		await page.keyboard.press('ControlOrMeta+Enter');
		await waitForStatus(page, 'Ran');
		await expect(page.locator('#exercise-warm-up .output-lines .line.stdout').first().textContent()).resolves.toBe('1.000sHello, asyncio!\n');
		await page.keyboard.press('ControlOrMeta+Shift+Enter');
		await waitForStatus(page, 'Checked');
		await expect(page.locator('#exercise-warm-up .verdict').textContent()).resolves.toMatch(/^Passed/);
		// Escape, then Tab, leaves the editor for the toolbar; the status line says how.
		await page.keyboard.press('Escape');
		await expect(page.locator('#exercise-warm-up .status').textContent()).resolves.toMatch(/Press Tab to leave the editor/);
		await page.keyboard.press('Tab');
		await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Run');
		await page.keyboard.press('Enter');
		await waitForStatus(page, 'Ran');
		await page.context().close();
	});
});
