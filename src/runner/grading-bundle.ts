import type { GradingBundle } from '../schemas/exercise.ts';
import { loadSchemas } from './result-schemas.ts';

const bundles = new Map<string, Promise<GradingBundle>>();

/** Fetch and validate an exercise's grading bundle (`<base>exercises/<id>.json`), once per page. */
export function fetchGradingBundle(url: string): Promise<GradingBundle> {
	let bundle = bundles.get(url);
	if (!bundle) {
		bundle = fetch(url)
			.then((response) => {
				if (!response.ok) throw new Error(`could not load the exercise's checks (HTTP ${response.status})`);
				return response.json();
			})
			.then(async (data) => (await loadSchemas()).GradingBundleSchema.parse(data));
		bundle.catch(() => bundles.delete(url));
		bundles.set(url, bundle);
	}
	return bundle;
}
