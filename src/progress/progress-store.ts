import type { ExerciseProgress, ExerciseState } from '../schemas/progress.ts';

/**
 * Progress lives in localStorage, one key per exercise, so it survives
 * reloads, browser restarts and a crashed or restarted worker. Keys carry a
 * format version: a new format gets new keys and a migration, never a silent
 * reinterpretation of old data.
 */
const PREFIX = 'awaitable.v1.exercise.';
export const PROGRESS_EVENT = 'awaitable:progress';

function storage(): Storage | null {
	try {
		return window.localStorage;
	} catch {
		// Storage can be disabled (privacy settings); the course still works, without memory.
		return null;
	}
}

function changed(id: string | null) {
	window.dispatchEvent(new CustomEvent(PROGRESS_EVENT, { detail: { id } }));
}

/** The saved progress of one exercise, or null if it was never touched (or the record is unreadable). */
export function readProgress(id: string): ExerciseProgress | null {
	const raw = storage()?.getItem(PREFIX + id);
	if (!raw) return null;
	try {
		const value = JSON.parse(raw) as ExerciseProgress;
		return typeof value.code === 'string' && typeof value.state === 'string' ? value : null;
	} catch {
		return null;
	}
}

function write(id: string, progress: ExerciseProgress) {
	try {
		storage()?.setItem(PREFIX + id, JSON.stringify(progress));
	} catch {
		// Quota exceeded: keep working; the next successful write catches up.
	}
	changed(id);
}

export function stateOf(id: string): ExerciseState {
	return readProgress(id)?.state ?? 'not-started';
}

/** Save the learner's code as they type. */
export function saveCode(id: string, code: string, starterHash: string) {
	const previous = readProgress(id);
	write(id, {
		code,
		starterHash: previous?.starterHash ?? starterHash,
		state: previous?.state === 'passed' ? 'passed' : 'attempted',
		updatedAt: Date.now(),
		passedAt: previous?.passedAt ?? null,
	});
}

/** Record a Run (attempted) or a Check's verdict; a pass is never taken back by a later failure. */
export function recordResult(id: string, code: string, starterHash: string, passed: boolean | null) {
	const previous = readProgress(id);
	const nowPassed = passed === true || previous?.state === 'passed';
	write(id, {
		code,
		starterHash: previous?.starterHash ?? starterHash,
		state: nowPassed ? 'passed' : 'attempted',
		updatedAt: Date.now(),
		passedAt: previous?.passedAt ?? (passed ? Date.now() : null),
	});
}

/** The learner took the new starter of a changed exercise: their record now follows it. */
export function adoptStarter(id: string, code: string, starterHash: string) {
	const previous = readProgress(id);
	if (!previous) return;
	write(id, { ...previous, code, starterHash, updatedAt: Date.now() });
}

export function resetProgress(id: string) {
	storage()?.removeItem(PREFIX + id);
	changed(id);
}

/** Every saved exercise record, by exercise id. */
export function allProgress(): Record<string, ExerciseProgress> {
	const store = storage();
	const result: Record<string, ExerciseProgress> = {};
	if (!store) return result;
	for (let i = 0; i < store.length; i++) {
		const key = store.key(i);
		if (!key?.startsWith(PREFIX)) continue;
		const id = key.slice(PREFIX.length);
		const progress = readProgress(id);
		if (progress) result[id] = progress;
	}
	return result;
}

export function resetAllProgress() {
	for (const id of Object.keys(allProgress())) storage()?.removeItem(PREFIX + id);
	changed(null);
}

/** Replace saved records with imported ones (others are kept). */
export function importProgress(records: Record<string, ExerciseProgress>) {
	for (const [id, progress] of Object.entries(records)) {
		try {
			storage()?.setItem(PREFIX + id, JSON.stringify(progress));
		} catch {
			// As in write(): a full storage loses nothing already there.
		}
	}
	changed(null);
}

/** Follow progress changes in this tab and in other tabs. Returns an unsubscribe function. */
export function onProgressChange(listener: () => void): () => void {
	const onStorage = (event: StorageEvent) => {
		if (event.key === null || event.key.startsWith(PREFIX)) listener();
	};
	window.addEventListener(PROGRESS_EVENT, listener);
	window.addEventListener('storage', onStorage);
	return () => {
		window.removeEventListener(PROGRESS_EVENT, listener);
		window.removeEventListener('storage', onStorage);
	};
}
