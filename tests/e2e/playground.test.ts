import { describe, expect, test } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { newPage, useSite } from './site.ts';

const currentSite = useSite();

describe.skipIf(!hasChromium())('a playground in a lesson', () => {
	test('runs its example in place with virtual timestamps', async () => {
		const page = await newPage(currentSite());
		await page.goto(currentSite().server.url + '/lessons/how-this-course-works/');
		const playground = page.locator('awaitable-playground').first();
		await playground.locator('button.run').click();
		await page.waitForFunction(() => document.querySelector('awaitable-playground .status')?.textContent?.startsWith('Ran'), null, {
			timeout: 60_000,
		});
		const lines = await playground.locator('.output-lines .line.stdout').allTextContents();
		expect(lines).toEqual(['0.000sstarting; the clock reads 0.0\n', '5.000sfive seconds later it reads 5.0\n']);
		await expect(playground.locator('.output-time').textContent()).resolves.toBe('ended at virtual t=5.000s');
		await page.context().close();
	});
});
