/**
 * Paths into a definition as `instrumentTexts` and validation issues write them
 * (`sections[0].items[2].options[1].label`), read back into keys and indexes.
 */
export type PathPart = string | number;

export function parsePath(path: string): PathPart[] | undefined {
	const parts: PathPart[] = [];
	const pattern = /([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|(\.)/g;
	let consumed = 0;
	for (const match of path.matchAll(pattern)) {
		if (match.index !== consumed) return undefined;
		consumed += match[0].length;
		if (match[1] !== undefined) parts.push(match[1]);
		else if (match[2] !== undefined) parts.push(Number(match[2]));
	}
	return consumed === path.length && parts.length > 0 ? parts : undefined;
}

/** The value at a path, or undefined when any step is missing. */
export function valueAt(root: unknown, parts: readonly PathPart[]): unknown {
	let value: unknown = root;
	for (const part of parts) {
		if (typeof value !== 'object' || value === null) return undefined;
		value = (value as Record<PathPart, unknown>)[part];
	}
	return value;
}
