import { onProgressChange, stateOf } from '../progress/progress-store.ts';
import type { ExerciseState } from '../schemas/progress.ts';

/** The lesson's state from its exercises': passed when all passed, attempted when any was touched. */
function lessonState(ids: string[]): ExerciseState {
	const states = ids.map(stateOf);
	if (states.length && states.every((state) => state === 'passed')) return 'passed';
	return states.some((state) => state !== 'not-started') ? 'attempted' : 'not-started';
}

const LABELS: Record<ExerciseState, string> = {
	passed: 'all exercises passed',
	attempted: 'started',
	'not-started': '',
};

function decorate() {
	const data = document.getElementById('awaitable-lesson-exercises')?.textContent;
	if (!data) return;
	const byLesson = JSON.parse(data) as Record<string, string[]>;
	for (const link of document.querySelectorAll<HTMLAnchorElement>('nav.sidebar a[href*="/lessons/"]')) {
		const slug = /\/lessons\/([^/]+)\/?$/.exec(link.pathname)?.[1];
		const ids = slug ? byLesson[slug] : undefined;
		if (!ids) continue;
		const state = lessonState(ids);
		let mark = link.querySelector<HTMLElement>('.lesson-progress');
		if (!mark) {
			mark = document.createElement('span');
			mark.className = 'lesson-progress';
			link.append(mark);
		}
		mark.dataset.state = state;
		mark.textContent = state === 'passed' ? '✓' : state === 'attempted' ? '•' : '';
		mark.title = LABELS[state];
		mark.setAttribute('aria-label', LABELS[state]);
		mark.hidden = state === 'not-started';
	}
}

decorate();
onProgressChange(decorate);
