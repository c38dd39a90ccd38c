import { createHash, randomInt } from 'node:crypto';
import { codeAlphabet, codeFromIndexes, codeLength } from '#lib/core/collection/codes.ts';

/**
 * Random codes people type (resume codes, one-time tokens) and the hash stored in their place.
 * The codes carry ~58 bits from the system's CSPRNG, so a plain SHA-256 is enough: there is no
 * low-entropy secret for a slow hash to protect.
 */
export function randomCode(): string {
	return codeFromIndexes(Array.from({ length: codeLength }, () => randomInt(codeAlphabet.length)));
}

/** The stored form of a normalised code. `purpose` keeps a resume code and a token apart. */
export function hashCode(purpose: 'resume' | 'token', normalisedCode: string): string {
	return createHash('sha256').update(`${purpose}:${normalisedCode}`).digest('hex');
}
