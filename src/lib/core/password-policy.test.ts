import { describe, expect, it } from 'vitest';
import { checkPassword, looksLikeEmail, normaliseEmail } from './password-policy.ts';

describe('checkPassword', () => {
	it('refuses passwords shorter than 12 characters', () => {
		expect(checkPassword('elevenchars')).toBe('password_too_short');
	});

	it('accepts 12 characters with no composition rules', () => {
		expect(checkPassword('aaaaaaaaaaaa')).toBeNull();
	});

	it('counts characters, not UTF-16 units, so emoji and ä count once', () => {
		expect(checkPassword('😀'.repeat(11))).toBe('password_too_short');
		expect(checkPassword('ä'.repeat(12))).toBeNull();
	});

	it('refuses passwords longer than 200 characters', () => {
		expect(checkPassword('x'.repeat(200))).toBeNull();
		expect(checkPassword('x'.repeat(201))).toBe('password_too_long');
	});
});

describe('e-mail addresses', () => {
	it('normalise to lower case without blanks', () => {
		expect(normaliseEmail('  Maija.Meikalainen@Kirjasto.FI ')).toBe('maija.meikalainen@kirjasto.fi');
	});

	it('look like an address only with a local part, an @ and a dotted domain', () => {
		expect(looksLikeEmail('a@b.fi')).toBe(true);
		expect(looksLikeEmail('a@b')).toBe(false);
		expect(looksLikeEmail('a b@c.fi')).toBe(false);
		expect(looksLikeEmail('@c.fi')).toBe(false);
	});
});
