/**
 * Worksheet names as Excel accepts them: at most 31 characters, none of `[ ] : * ? / \`, not
 * starting or ending with an apostrophe, not blank, and unique regardless of case. A name that
 * repeats gets a number, `Kysymys (2)`, shortened so that the number still fits.
 */
export const maxSheetName = 31;

export function sheetNamer(): (wanted: string) => string {
	const used = new Set<string>();
	return (wanted) => {
		const clean = wanted.replace(/[[\]:*?/\\]+|\p{Cc}+/gu, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '').trim() || 'Sheet';
		for (let copy = 1; ; copy++) {
			const suffix = copy === 1 ? '' : ` (${copy})`;
			const name = cut(clean, maxSheetName - suffix.length) + suffix;
			if (!used.has(name.toLowerCase())) {
				used.add(name.toLowerCase());
				return name;
			}
		}
	};
}

/** The first `length` characters (code points, so no half emoji), without a trailing space or apostrophe. */
function cut(text: string, length: number): string {
	const chars = Array.from(text);
	return chars.length <= length ? text : chars.slice(0, length).join('').replace(/[\s']+$/, '');
}
