import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/golden/**/*.test.ts', 'tests/python/**/*.test.ts', 'tests/build/**/*.test.ts'],
		testTimeout: 120_000,
		hookTimeout: 120_000,
	},
});
