/**
 * JSON as the command prints it: indented, with every array of plain values
 * on one line. A task's events are arrays (`[t, kind, detail, line]`), and
 * a long run has thousands: one line each keeps the output readable.
 */
export function formatJson(value: unknown): string {
	// JSON text has no raw newline inside a string, so an array whose lines
	// hold no bracket or brace of their own holds plain values only.
	return JSON.stringify(value, null, 2).replace(
		/\[\n[ ]+([^[\]{}\n]+(?:,\n[ ]+[^[\]{}\n]+)*)\n[ ]*\]/g,
		(_, items: string) => `[${items.split(/,\n[ ]+/).join(', ')}]`,
	);
}
