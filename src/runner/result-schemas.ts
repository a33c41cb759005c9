/**
 * The result schemas (zod) are needed only when the first result arrives,
 * not to read a page: they load then, in parallel with Python itself.
 */
let schemas: Promise<typeof import('./schema-bundle.ts')> | null = null;

export function loadSchemas() {
	schemas ??= import('./schema-bundle.ts');
	return schemas;
}
