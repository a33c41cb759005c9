/** `1 task`, `3 tasks`; `many` for plurals that are not `one` + s. */
export const plural = (count: number, one: string, many = `${one}s`) =>
	`${count.toLocaleString('en')} ${count === 1 ? one : many}`;

/** Cut text to `length` characters, the last one an ellipsis. */
export const clip = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

export const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
