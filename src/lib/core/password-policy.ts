/**
 * The password rule, after NIST SP 800-63B §3.1.1.2: a minimum length and a generous maximum, no
 * composition rules (no "one digit, one capital"), no periodic changes. Length is counted in
 * Unicode code points, so a passphrase in any script counts what a person sees.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

export type PasswordProblem = 'password_too_short' | 'password_too_long';

export function checkPassword(password: string): PasswordProblem | null {
	const length = [...password].length;
	if (length < PASSWORD_MIN_LENGTH) return 'password_too_short';
	if (length > PASSWORD_MAX_LENGTH) return 'password_too_long';
	return null;
}

/**
 * E-mail addresses compare case-insensitively and without surrounding blanks (the unique index on
 * app_user is on lower(email) too).
 */
export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

/**
 * A deliberately loose shape check: something@something.tld, no blanks, at most 254 characters
 * (RFC 5321). Whether the address works is proven by the invitation mail, not by a regex.
 */
export function looksLikeEmail(email: string): boolean {
	return email.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
}
