/** Run `work` once the page is idle (or soon, where requestIdleCallback is missing). */
export function whenIdle(work: () => void) {
	if ('requestIdleCallback' in window) requestIdleCallback(work, { timeout: 2000 });
	else setTimeout(work, 200);
}
