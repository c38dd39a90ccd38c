import { describe, expect, it } from 'vitest';
import { invitationMail, passwordResetMail } from './account-mail.ts';
import { locales } from './org-types.ts';

const link = 'https://aspa.example.fi/invitation/abc';

describe('account mail', () => {
	it.each(locales)('puts the link on a line of its own in %s', (locale) => {
		for (const mail of [
			invitationMail(locale, { displayName: 'Maija', link, validDays: 7 }),
			passwordResetMail(locale, { displayName: 'Maija', link, validMinutes: 60 })
		]) {
			expect(mail.text.split('\n')).toContain(link);
			expect(mail.text).toContain('Maija');
		}
	});

	it('writes in the recipient language', () => {
		expect(invitationMail('fi', { displayName: 'M', link, validDays: 7 }).subject).toBe('Kutsu Aspaan');
		expect(invitationMail('sv', { displayName: 'M', link, validDays: 7 }).subject).toBe('Inbjudan till Aspa');
		expect(passwordResetMail('en', { displayName: 'M', link, validMinutes: 60 }).text).toContain('valid for 60 minutes');
	});
});
