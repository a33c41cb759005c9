import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { newPage, pasteIntoEditor, useSite, waitForStatus } from './site.ts';

const BREW = `import asyncio


async def brew(name, seconds):
    await asyncio.sleep(seconds)
    print(name, "ready")

`;
const GATHER = `${BREW}
async def main():
    await asyncio.gather(brew("a", 1), brew("b", 2), brew("c", 3))


asyncio.run(main())
`;
const SEQUENTIAL = `${BREW}
async def main():
    await brew("a", 1)
    await brew("b", 2)
    await brew("c", 3)


asyncio.run(main())
`;

const currentSite = useSite();

/** Horizontal extents of the timeline's waiting bars, with the row (track) each is in. */
async function waitingBars(page: Page) {
	await page.locator('#exercise-warm-up .timeline-host .tl-bar').first().waitFor();
	return page.locator('#exercise-warm-up .timeline-host .tl-track').evaluateAll((tracks) =>
		tracks.flatMap((track, row) =>
			[...track.querySelectorAll('.tl-bar.tl-waiting')].map((bar) => {
				const box = bar.getBoundingClientRect();
				return { row, left: box.left, right: box.right };
			}),
		),
	);
}

function overlapping(bars: { row: number; left: number; right: number }[]) {
	return bars.some((a, i) => bars.some((b, j) => i < j && a.row !== b.row && a.left < b.right - 1 && b.left < a.right - 1));
}

describe.skipIf(!hasChromium())('the run timeline', () => {
	test('gather shows overlapping waits in parallel rows; sequential awaits do not overlap', async () => {
		const page = await newPage(currentSite());
		await page.goto(currentSite().server.url + '/lessons/how-this-course-works/');
		await pasteIntoEditor(page, GATHER);
		await page.locator('#exercise-warm-up button.run').click();
		await waitForStatus(page, 'Ran');
		const gathered = await waitingBars(page);
		expect(gathered.length).toBeGreaterThanOrEqual(3);
		expect(overlapping(gathered)).toBe(true);
		await expect(page.locator('#exercise-warm-up .timeline-host').textContent()).resolves.toMatch(/asyncio\.sleep\(3\)/);

		await pasteIntoEditor(page, SEQUENTIAL);
		await page.locator('#exercise-warm-up button.run').click();
		await waitForStatus(page, 'Ran');
		const sequential = await waitingBars(page);
		expect(sequential.length).toBeGreaterThanOrEqual(3);
		expect(overlapping(sequential)).toBe(false);
		await page.context().close();
	});
});
