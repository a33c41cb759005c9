import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { ExerciseSchema } from './schemas/exercise.ts';
import { loadExercises } from './exercises/load-exercises.ts';

/** Exercises are folders in the top-level `exercises/`, validated on load. */
function exercisesLoader(): Loader {
	return {
		name: 'awaitable-exercises',
		async load({ store, renderMarkdown, watcher, logger }) {
			const sync = async () => {
				store.clear();
				for (const exercise of loadExercises('exercises')) {
					store.set({
						id: exercise.id,
						data: exercise,
						rendered: await renderMarkdown(exercise.instructions),
					});
				}
				logger.info(`${store.keys().length} exercises loaded`);
			};
			await sync();
			watcher?.add('exercises');
			watcher?.on('all', (_event, path) => {
				if (path.includes('/exercises/')) sync().catch((error) => logger.error(String(error)));
			});
		},
	};
}

export const collections = {
	docs: defineCollection({
		loader: glob({ base: './content', pattern: ['index.mdx', 'lessons/**/[^_]*.{md,mdx}'] }),
		schema: docsSchema(),
	}),
	exercises: defineCollection({ loader: exercisesLoader(), schema: ExerciseSchema }),
};
