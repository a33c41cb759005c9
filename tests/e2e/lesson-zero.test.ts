import { describe, expect, test } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { markedLineText, newPage, pasteIntoEditor, useSite, waitForStatus } from './site.ts';

const SOLUTION = `import asyncio


async def main():
    await asyncio.sleep(1)
    print("Hello, asyncio!")


asyncio.run(main())
`;

const LESSON = '/lessons/how-this-course-works/';

const currentSite = useSite();

describe.skipIf(!hasChromium())('lesson 0 and its warm-up, as a learner uses them', () => {
	test('the lesson renders with the exercise and its starter code, before any editor loads', async () => {
		const page = await newPage(currentSite());
		await page.goto(currentSite().server.url + LESSON);
		await expect(page.locator('h1').first().textContent()).resolves.toBe('How this course works');
		const exercise = page.locator('#exercise-warm-up');
		await expect(page.locator('awaitable-exercise').count()).resolves.toBe(2);
		await expect(exercise.locator('h3').textContent()).resolves.toMatch(/Warm-up/);
		await expect(exercise.locator('.static-code, .monaco-editor').first().textContent()).resolves.toMatch(/asyncio\.run\(main\(\)\)/);
		await expect(page.locator('nav.sidebar a[href$="/lessons/how-this-course-works/"]').count()).resolves.toBe(1);
		await page.context().close();
	});

	test('a correct solution prints the greeting at t=1s on Run and passes every check', async () => {
		const page = await newPage(currentSite());
		await page.goto(currentSite().server.url + LESSON);
		await pasteIntoEditor(page, SOLUTION);
		await page.keyboard.press('ControlOrMeta+Enter');
		await waitForStatus(page, 'Ran');
		const output = page.locator('#exercise-warm-up .output-lines .line.stdout');
		await expect(output.count()).resolves.toBe(1);
		await expect(output.first().textContent()).resolves.toBe('1.000sHello, asyncio!\n');
		await page.keyboard.press('ControlOrMeta+Shift+Enter');
		await waitForStatus(page, 'Checked');
		const checks = page.locator('#exercise-warm-up .check-item');
		await expect(checks.count()).resolves.toBeGreaterThanOrEqual(4);
		await expect(page.locator('#exercise-warm-up .check-item.pass').count()).resolves.toBe(await checks.count());
		await expect(page.locator('#exercise-warm-up .verdict').textContent()).resolves.toMatch(/^Passed/);
		await page.context().close();
	});

	test('time.sleep instead of an awaited sleep fails a check that says why', async () => {
		const page = await newPage(currentSite());
		await page.goto(currentSite().server.url + LESSON);
		await pasteIntoEditor(page, SOLUTION.replace('import asyncio', 'import asyncio\nimport time').replace('await asyncio.sleep(1)', 'time.sleep(1)'));
		await page.locator('#exercise-warm-up button.check').click();
		await waitForStatus(page, 'Checked');
		const failed = page.locator('#exercise-warm-up .check-item.fail');
		await expect(failed.count()).resolves.toBeGreaterThanOrEqual(1);
		await expect(failed.first().textContent()).resolves.toMatch(/time\.sleep\(1\).*froze/s);
		await expect(page.locator('#exercise-warm-up .verdict').textContent()).resolves.toMatch(/^Not yet/);
		await page.context().close();
	});

	test('no sleep at all fails a check that says the greeting came at t=0s', async () => {
		const page = await newPage(currentSite());
		await page.goto(currentSite().server.url + LESSON);
		await page.locator('#exercise-warm-up button.check').click();
		await waitForStatus(page, 'Checked');
		const failed = page.locator('#exercise-warm-up .check-item.fail');
		await expect(failed.count()).resolves.toBe(1);
		await expect(failed.first().textContent()).resolves.toMatch(/Expected: the greeting printed at t=1s.*Saw: it was printed at t=0s/s);
		await page.context().close();
	});

	test('a SyntaxError marks its line in the editor and shows in the output', async () => {
		const page = await newPage(currentSite());
		await page.goto(currentSite().server.url + LESSON);
		await pasteIntoEditor(page, 'import asyncio\n\nasync def main(:\n    pass\n');
		await page.locator('#exercise-warm-up button.run').click();
		await waitForStatus(page, 'Ran');
		await expect(page.locator('#exercise-warm-up .output-lines .error').textContent()).resolves.toMatch(/SyntaxError/);
		// Monaco renders a non-breaking space for each space.
		await expect(markedLineText(page).then((text) => text.replace(/\u00a0/g, ' '))).resolves.toBe('async def main(:');
		await page.context().close();
	});

	test('a page without an exercise loads no editor script, stylesheet or font', async () => {
		const page = await newPage(currentSite());
		const requested: string[] = [];
		page.on('request', (request) => requested.push(request.url()));
		await page.goto(currentSite().server.url + '/');
		await page.waitForLoadState('networkidle');
		expect(requested.length).toBeGreaterThan(0);
		expect(requested.filter((url) => /_editor|monaco|codicon/.test(url))).toEqual([]);
		await page.context().close();
	});

	test('the site answered every request its pages made', async () => {
		expect(currentSite().requests.length).toBeGreaterThan(10);
		expect(currentSite().failures).toEqual([]);
	});

	test('no request, from any page or worker, left the site', async () => {
		expect(currentSite().requests.length).toBeGreaterThan(10);
		const foreign = currentSite().requests.filter((url) => !url.startsWith(currentSite().server.url) && !/^(data|blob):/.test(url));
		expect(foreign).toEqual([]);
	});
});
