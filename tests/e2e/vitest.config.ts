import { defineConfig } from 'vitest/config';

/** Browser tests: Debian's Chromium, driven by playwright-core, against the built site in dist/. */
export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.test.ts'],
		testTimeout: 90_000,
		hookTimeout: 90_000,
		fileParallelism: false,
	},
});
