import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import type { GradingBundle } from '../../schemas/exercise.ts';

/**
 * `/exercises/<id>.json`: what Check needs to grade an exercise (and the
 * reference solution), fetched on the first Check so lesson pages stay light.
 */
export const getStaticPaths = (async () => {
	const exercises = await getCollection('exercises');
	return exercises.map(({ data }) => {
		const bundle: GradingBundle = {
			id: data.id,
			checks: data.checks,
			fixtures: data.fixtures,
			limits: data.limits,
			solution: data.solution,
		};
		return { params: { id: data.id }, props: { bundle } };
	});
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
	new Response(JSON.stringify(props.bundle), { headers: { 'Content-Type': 'application/json' } });
