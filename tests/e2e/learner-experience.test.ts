import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { newPage, pasteIntoEditor, useSite, waitForStatus } from './site.ts';

const LESSON = '/lessons/how-this-course-works/';
const MINE = `import asyncio


async def main():
    await asyncio.sleep(1)
    print("Hello, asyncio!")  # mine


asyncio.run(main())
`;

const currentSite = useSite();

describe.skipIf(!hasChromium())('progress, hints and solutions', () => {
	test('code and a passed state survive a reload', async () => {
		const page = await newPage(currentSite());
		await page.goto(currentSite().server.url + LESSON);
		await pasteIntoEditor(page, MINE);
		await page.locator('#exercise-warm-up button.check').click();
		await waitForStatus(page, 'Checked');
		await expect(page.locator('#exercise-warm-up .state').textContent()).resolves.toMatch(/Passed/);
		await page.reload();
		await expect(page.locator('#exercise-warm-up .state').textContent()).resolves.toMatch(/Passed/);
		await expect(page.locator('#exercise-warm-up .static-code, #exercise-warm-up .monaco-editor').first().textContent()).resolves.toMatch(/# mine/);
		await expect(page.locator('nav.sidebar a[href$="/lessons/how-this-course-works/"] .lesson-progress').getAttribute('data-state')).resolves.toBe('attempted');
		await page.context().close();
	});

	test('a worker that dies is replaced, the code is kept, and the next Run works', async () => {
		const page = await newPage(currentSite());
		await page.goto(currentSite().server.url + LESSON);
		// A program that closes the worker: the run itself answers, the next request never
		// will, and only the main thread's watchdog can notice and start a new worker.
		await pasteIntoEditor(page, 'import js\njs.close()\n');
		await page.locator('#exercise-warm-up button.run').click();
		await waitForStatus(page, 'Ran');
		await page.locator('#exercise-warm-up button.run').click();
		await page.waitForFunction(() => /restarted/.test(document.querySelector('#exercise-warm-up .status')?.textContent ?? ''), null, {
			timeout: 45_000,
		});
		await expect(page.locator('#exercise-warm-up .monaco-editor').textContent()).resolves.toMatch(/js\.close\(\)/);
		await pasteIntoEditor(page, MINE);
		await page.locator('#exercise-warm-up button.run').click();
		await waitForStatus(page, 'Ran');
		await expect(page.locator('#exercise-warm-up .output-lines .line.stdout').first().textContent()).resolves.toBe('1.000sHello, asyncio!\n');
		await page.reload();
		await expect(page.locator('#exercise-warm-up .static-code, #exercise-warm-up .monaco-editor').first().textContent()).resolves.toMatch(/# mine/);
		await page.context().close();
	}, 90_000);

	test('export, then import in a fresh browser profile, restores code and states', async () => {
		const first = await newPage(currentSite());
		await first.goto(currentSite().server.url + LESSON);
		await pasteIntoEditor(first, MINE);
		await first.locator('#exercise-warm-up button.check').click();
		await waitForStatus(first, 'Checked');
		await first.goto(currentSite().server.url + '/progress/');
		await expect(first.locator('.progress-summary').textContent()).resolves.toMatch(/passed 1 of \d+/);
		const [download] = await Promise.all([first.waitForEvent('download'), first.locator('button.export').click()]);
		const file = join(mkdtempSync(join(tmpdir(), 'export-')), download.suggestedFilename());
		await download.saveAs(file);
		const exported = JSON.parse(readFileSync(file, 'utf8'));
		expect(exported.format).toBe('awaitable-progress');
		expect(exported.exercises['warm-up'].state).toBe('passed');
		await first.context().close();

		const second = await newPage(currentSite());
		await second.goto(currentSite().server.url + '/progress/');
		await expect(second.locator('.progress-summary').textContent()).resolves.toMatch(/passed 0 of/);
		await second.locator('input.import').setInputFiles(file);
		await expect.poll(() => second.locator('.progress-message').textContent()).toMatch(/Imported 1 exercise/);
		await expect.poll(() => second.locator('.progress-summary').textContent()).toMatch(/passed 1 of/);
		await second.goto(currentSite().server.url + LESSON);
		await expect(second.locator('#exercise-warm-up .state').textContent()).resolves.toMatch(/Passed/);
		await expect(second.locator('#exercise-warm-up .static-code, #exercise-warm-up .monaco-editor').first().textContent()).resolves.toMatch(/# mine/);
		await second.context().close();
	});

	test('a file that is not a progress file is refused with a message, and nothing is lost', async () => {
		const page = await newPage(currentSite());
		await page.goto(currentSite().server.url + '/progress/');
		await page.locator('input.import').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
		await expect.poll(() => page.locator('.progress-message').textContent()).toMatch(/not an Awaitable progress file/);
		await page.context().close();
	});

	test('hints appear one at a time', async () => {
		const page = await newPage(currentSite());
		await page.goto(currentSite().server.url + LESSON);
		const hints = page.locator('#exercise-warm-up .hints li');
		const visible = () => hints.evaluateAll((items) => items.filter((item) => !(item as HTMLElement).hidden).length);
		await expect(visible()).resolves.toBe(0);
		await page.locator('#exercise-warm-up button.hint').click();
		await expect(visible()).resolves.toBe(1);
		await page.locator('#exercise-warm-up button.hint').click();
		await expect(visible()).resolves.toBe(2);
		await page.context().close();
	});

	test('the solution opens, after a confirmation, as a diff against the learner code', async () => {
		const page = await newPage(currentSite());
		await page.goto(currentSite().server.url + LESSON);
		page.once('dialog', (dialog) => dialog.accept());
		await page.locator('#exercise-warm-up button.solution').click();
		const diff = page.locator('#exercise-warm-up .solution-view .monaco-diff-editor');
		await diff.waitFor();
		// Monaco renders spaces as non-breaking spaces.
		await expect(diff.textContent()).resolves.toMatch(/await\u00a0asyncio\.sleep\(1\)/);
		page.once('dialog', (dialog) => dialog.accept());
		await page.locator('#exercise-warm-up button.use-solution').click();
		await page.waitForFunction(() => document.querySelector('#exercise-warm-up .solution-view')?.hasAttribute('hidden'));
		await expect(page.locator('#exercise-warm-up .monaco-editor').first().textContent()).resolves.toMatch(/await\u00a0asyncio\.sleep\(1\)/);
		await page.context().close();
	});
});

describe.skipIf(!hasChromium())('a course update and the editor comforts', () => {
	test('a changed starter keeps the learner code and offers the new starter', async () => {
		const page = await newPage(currentSite());
		await page.goto(currentSite().server.url + LESSON);
		await page.evaluate(() =>
			localStorage.setItem(
				'awaitable.v1.exercise.warm-up',
				JSON.stringify({ code: 'print("my older attempt")\n', starterHash: 'an-old-starter', state: 'attempted', updatedAt: 1, passedAt: null }),
			),
		);
		await page.reload();
		const notice = page.locator('#exercise-warm-up .notice');
		await notice.waitFor({ state: 'visible' });
		await expect(notice.textContent()).resolves.toMatch(/changed since you started it/);
		await expect(page.locator('#exercise-warm-up .static-code, #exercise-warm-up .monaco-editor').first().textContent()).resolves.toMatch(/my older attempt/);
		await notice.locator('button', { hasText: 'Load the new starter' }).click();
		// It goes once your code is on the clipboard, a moment after the click.
		await notice.waitFor({ state: 'hidden' });
		await expect.poll(() => page.locator('#exercise-warm-up .static-code, #exercise-warm-up .monaco-editor').first().textContent()).toMatch(/Wait.one.second.here/);
		const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('awaitable.v1.exercise.warm-up')!));
		expect(saved.starterHash).not.toBe('an-old-starter');
		await page.context().close();
	});

	test('the editor completes asyncio names and explains them on hover', async () => {
		const page = await newPage(currentSite());
		await page.goto(currentSite().server.url + LESSON);
		await pasteIntoEditor(page, 'import asyncio\n\n');
		await page.keyboard.type('asyncio.ga');
		// Overflowing widgets (suggestions, hovers) live outside the editor's own box.
		const suggestions = page.locator('.suggest-widget .monaco-list-row');
		await suggestions.first().waitFor();
		await expect(suggestions.allTextContents()).resolves.toContainEqual(expect.stringMatching(/^gather/));
		await page.keyboard.press('Tab');
		// Monaco shows a hover after the pointer rests on a word: move onto it, then a little within it.
		const word = (await page.locator('#exercise-warm-up .view-line span', { hasText: 'gather' }).first().boundingBox())!;
		await page.mouse.move(word.x + word.width - 10, word.y + word.height / 2);
		await page.mouse.move(word.x + word.width - 8, word.y + word.height / 2);
		const hover = page.locator('.monaco-hover:visible');
		await hover.first().waitFor();
		await expect(hover.first().textContent()).resolves.toMatch(/results as a list in argument order/);
		await page.context().close();
	});

	test('Stop ends a long run, keeps the code, and the next run works', async () => {
		const page = await newPage(currentSite());
		await page.goto(currentSite().server.url + LESSON);
		// Catastrophic backtracking inside the regular expression engine: one C
		// call that runs for minutes, which nothing but Stop can end.
		await pasteIntoEditor(page, 'import re\n\nprint(re.match(r"(a+)+$", "a" * 32 + "b"))\n');
		await page.locator('#exercise-warm-up button.run').click();
		const stop = page.locator('#exercise-warm-up button.stop');
		await stop.waitFor({ state: 'visible', timeout: 60_000 });
		await stop.click();
		await page.waitForFunction(() => /^Stopped/.test(document.querySelector('#exercise-warm-up .status')?.textContent ?? ''));
		await expect(page.locator('#exercise-warm-up .monaco-editor').textContent()).resolves.toMatch(/re\.match/);
		await pasteIntoEditor(page, MINE);
		await page.locator('#exercise-warm-up button.run').click();
		await waitForStatus(page, 'Ran');
		await expect(page.locator('#exercise-warm-up .output-lines .line.stdout').first().textContent()).resolves.toBe('1.000sHello, asyncio!\n');
		await page.context().close();
	});
});
