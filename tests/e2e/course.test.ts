import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadExercises } from '../../src/exercises/load-exercises.ts';
import { hasChromium } from '../support/browser.ts';
import { newPage, pasteIntoEditor, useSite, waitForStatus } from './site.ts';

/**
 * The whole course as a learner meets it: every lesson page renders, every
 * playground runs without the runner failing, and every exercise is solved
 * once in the browser (the reference solution passes; a typical mistake does
 * not).
 */
const ROOT = join(import.meta.dirname, '../..');
const lessons = readdirSync(join(ROOT, 'content/lessons'))
	.filter((name) => name.endsWith('.mdx'))
	.map((name) => name.replace(/\.mdx$/, ''))
	.sort();
const exercises = loadExercises(join(ROOT, 'exercises'), ROOT);

const currentSite = useSite();

describe.skipIf(!hasChromium())('every lesson', () => {
	test.each(lessons)('%s: renders, and its playgrounds run', async (slug) => {
		const page = await newPage(currentSite());
		const errors: string[] = [];
		page.on('pageerror', (error) => errors.push(error.message));
		await page.goto(`${currentSite().server.url}/lessons/${slug}/`);
		await expect(page.locator('h1').first().textContent()).resolves.toBeTruthy();
		const playgrounds = page.locator('awaitable-playground');
		const count = await playgrounds.count();
		for (let i = 0; i < count; i++) {
			const playground = playgrounds.nth(i);
			await playground.scrollIntoViewIfNeeded();
			await playground.locator('button.run').click();
			await page.waitForFunction(
				(index) => /^(Ran|Something|Python did not)/.test(document.querySelectorAll('awaitable-playground .status')[index]?.textContent ?? ''),
				i,
				{ timeout: 60_000 },
			);
			await expect(playground.locator('.status').textContent(), `playground ${i + 1} of ${slug}`).resolves.toMatch(/^Ran/);
		}
		expect(errors).toEqual([]);
		await page.context().close();
	});
});

describe.skipIf(!hasChromium())('every exercise, solved once in the browser', () => {
	test.each(exercises.map((exercise) => [exercise.id, exercise] as const))('%s', async (id, exercise) => {
		const page = await newPage(currentSite());
		await page.goto(`${currentSite().server.url}/lessons/${exercise.lesson}/`);
		const box = `#exercise-${id}`;
		await page.locator(box).scrollIntoViewIfNeeded();
		await pasteIntoEditor(page, exercise.solution, box);
		await page.locator(`${box} button.check`).click();
		await waitForStatus(page, 'Checked', box);
		await expect(page.locator(`${box} .verdict`).textContent()).resolves.toMatch(/^Passed/);
		const wrong = readdirSync(join(ROOT, 'exercises', id, 'variants')).find((name) => name.startsWith('wrong-'));
		if (wrong) {
			await pasteIntoEditor(page, readFileSync(join(ROOT, 'exercises', id, 'variants', wrong), 'utf8'), box);
			await page.locator(`${box} button.check`).click();
			await waitForStatus(page, 'Checked', box);
			await expect(page.locator(`${box} .verdict`).textContent()).resolves.toMatch(/^Not yet/);
		}
		await page.context().close();
	});
});
