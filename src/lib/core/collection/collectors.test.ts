import { describe, expect, it } from 'vitest';
import { defaultKioskSettings, defaultMode, parseFrameOrigin, readKioskSettings, respondentPath } from './collectors.ts';

describe('parseFrameOrigin', () => {
	it('accepts https origins and normalises them', () => {
		expect(parseFrameOrigin('https://Kirjasto.Example.fi/')).toEqual({ ok: true, origin: 'https://kirjasto.example.fi' });
		expect(parseFrameOrigin(' https://example.fi:8443 ')).toEqual({ ok: true, origin: 'https://example.fi:8443' });
	});

	it('refuses http, paths, queries, wildcards, credentials and junk', () => {
		expect(parseFrameOrigin('http://example.fi')).toEqual({ ok: false, reason: 'not_https' });
		for (const text of ['https://example.fi/survey', 'https://example.fi/?a=1', 'https://*.example.fi', 'https://user:pw@example.fi', 'example.fi', '', "'self'"]) {
			expect(parseFrameOrigin(text), text).toEqual({ ok: false, reason: 'not_an_origin' });
		}
	});
});

describe('readKioskSettings', () => {
	it('fills missing and out-of-range values with the defaults', () => {
		expect(readKioskSettings(undefined)).toEqual(defaultKioskSettings);
		expect(readKioskSettings({ thankYouSeconds: 8, idleResetSeconds: 2, tapGuardSeconds: 'x' })).toEqual({ ...defaultKioskSettings, thankYouSeconds: 8 });
	});
});

describe('modes', () => {
	it('opens pulse instruments as the pulse page, kiosks in kiosk mode and everything else as the survey page', () => {
		expect(defaultMode('kiosk', 'pulse')).toBe('pulse');
		expect(defaultMode('paper', 'pulse')).toBe('survey');
		expect(defaultMode('kiosk', 'survey')).toBe('kiosk');
		expect(defaultMode('qr', 'survey')).toBe('survey');
		expect([respondentPath('survey', 'demo'), respondentPath('kiosk', 'demo'), respondentPath('pulse', 'demo')]).toEqual(['/s/demo', '/k/demo', '/p/demo']);
	});
});
