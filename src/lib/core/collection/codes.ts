/**
 * Codes people type: resume codes and one-time tokens. Twelve characters shown as three groups of
 * four (`K7QM-3WXT-9HCF`) from an alphabet without look-alikes (no 0/O, 1/I/L, U/V), which gives
 * 29^12 ≈ 2^58 possibilities: unguessable online, short enough to copy from a slip. Input is
 * forgiving: case, spaces and dashes are ignored.
 */
export const codeAlphabet = 'ABCDEFGHJKMNPQRSTWXYZ23456789';
export const codeLength = 12;
const groupLength = 4;

/** Raw characters (any case, spaces, dashes) → the canonical 12 characters, or undefined when it cannot be a code. */
export function normaliseCode(input: string): string | undefined {
	const compact = input.toUpperCase().replace(/[\s-]/g, '');
	if (compact.length !== codeLength) return undefined;
	for (const char of compact) if (!codeAlphabet.includes(char)) return undefined;
	return compact;
}

/** `K7QM3WXT9HCF` → `K7QM-3WXT-9HCF`. */
export function formatCode(code: string): string {
	const groups: string[] = [];
	for (let i = 0; i < code.length; i += groupLength) groups.push(code.slice(i, i + groupLength));
	return groups.join('-');
}

/**
 * A code from random integers (each in `[0, codeAlphabet.length)`), so the caller chooses the
 * randomness (node:crypto on the server) and this module stays pure.
 */
export function codeFromIndexes(indexes: readonly number[]): string {
	if (indexes.length !== codeLength) throw new Error(`A code needs ${codeLength} characters, got ${indexes.length}.`);
	return indexes.map((index) => codeAlphabet[index]!).join('');
}

/** The form of a submission id: a UUID in its usual text form (any version). */
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isSubmissionId(value: unknown): value is string {
	return typeof value === 'string' && uuidPattern.test(value);
}
