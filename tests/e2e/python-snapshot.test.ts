import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { LAZY_IMPORTS_PROGRAM } from '../support/programs.ts';
import { DIST, newPage, pasteIntoEditor, useSite, waitForStatus } from './site.ts';

const LESSON = '/lessons/how-this-course-works/';
const SNAPSHOT = /\/pyodide\/python-snapshot-[0-9a-f]+\.bin$/;
const FALLBACK = 'Starting Python without a snapshot';

const currentSite = useSite();

/** Open the lesson, noting the worker's warnings and the snapshot's responses. */
async function openLesson(page: Page) {
	const warnings: string[] = [];
	const snapshotStatuses: number[] = [];
	page.on('console', (message) => {
		if (message.type() === 'warning') warnings.push(message.text());
	});
	page.on('response', (response) => {
		if (SNAPSHOT.test(new URL(response.url()).pathname)) snapshotStatuses.push(response.status());
	});
	await page.goto(currentSite().server.url + LESSON);
	return { warnings, snapshotStatuses };
}

async function runLazyProgram(page: Page) {
	await pasteIntoEditor(page, LAZY_IMPORTS_PROGRAM);
	await page.locator('#exercise-warm-up button.run').click();
	await waitForStatus(page, 'Ran');
	return page.locator('#exercise-warm-up .output-lines .line.stdout').allTextContents();
}

describe.skipIf(!hasChromium())('the Python worker starts from the build\'s memory snapshot', () => {
	test('the build holds one snapshot, next to Pyodide', () => {
		const snapshots = readdirSync(join(DIST, 'pyodide')).filter((name) => SNAPSHOT.test(`/pyodide/${name}`));
		expect(snapshots).toHaveLength(1);
	});

	test('a page boots from it, runs programs, and imports the subpackages loaded lazily', async () => {
		const page = await newPage(currentSite());
		const { warnings, snapshotStatuses } = await openLesson(page);
		const lines = await runLazyProgram(page);
		expect(lines.map((line) => line.replace(/^[\d.]+s/, '').trim())).toEqual(['from a process', 'network: ClientConnectorDNSError']);
		expect(snapshotStatuses).toEqual([200]);
		expect(warnings.filter((warning) => warning.includes(FALLBACK))).toEqual([]);
		await page.context().close();
	});

	// A damaged file: a snapshot file's header, then no gzip.
	const header = Buffer.alloc(8);
	header.write('AWPS');
	header.writeUInt32LE(31_457_408, 4);
	for (const [label, body, status] of [
		['missing', Buffer.from('not found'), 404],
		['damaged', Buffer.concat([header, Buffer.from('not gzip at all')]), 200],
	] as const) {
		test(`a ${label} snapshot costs a normal start, not a failure`, async () => {
			const page = await newPage(currentSite());
			await page.context().route(SNAPSHOT, (route) => route.fulfill({ status, body, contentType: 'application/octet-stream' }));
			const { warnings } = await openLesson(page);
			const lines = await runLazyProgram(page);
			expect(lines.map((line) => line.replace(/^[\d.]+s/, '').trim())).toEqual(['from a process', 'network: ClientConnectorDNSError']);
			expect(warnings.filter((warning) => warning.includes(FALLBACK))).toHaveLength(1);
			await page.context().close();
		});
	}
});
