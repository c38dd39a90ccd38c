import { z } from 'zod';

/**
 * Collectors: where answers come from (a library × channel) and which respondent page opens them.
 * The channel is what reports break down by; the mode is the page: `/s/<slug>` the survey page,
 * `/k/<slug>` kiosk mode on a desk tablet, `/p/<slug>` the one-tap pulse. A slug is unique within
 * its mode, so `/s/demo`, `/k/demo` and `/p/demo` are three collectors (ADR 0011).
 */
export const channels = ['web', 'qr', 'kiosk', 'link', 'phone', 'paper'] as const;
export type Channel = (typeof channels)[number];

export const collectorModes = ['survey', 'kiosk', 'pulse'] as const;
export type CollectorMode = (typeof collectorModes)[number];

/** The first path segment of each mode's respondent page. */
export const modePathPrefix = { survey: 's', kiosk: 'k', pulse: 'p' } as const satisfies Record<CollectorMode, string>;

/** `/s/demo`, `/k/demo`, `/p/demo`. */
export function respondentPath(mode: CollectorMode, slug: string): string {
	return `/${modePathPrefix[mode]}/${slug}`;
}

/**
 * The modes that make sense for a channel: a kiosk tablet shows kiosk mode or the pulse; staff
 * typing in paper forms or phone answers use the plain survey page (or paper entry); public links
 * show the survey page or the pulse.
 */
export const modesOfChannel: Record<Channel, readonly CollectorMode[]> = {
	web: ['survey', 'pulse'],
	qr: ['survey', 'pulse'],
	link: ['survey', 'pulse'],
	kiosk: ['kiosk', 'pulse'],
	phone: ['survey'],
	paper: ['survey']
};

/** The mode a new collector gets unless told otherwise: pulse for pulse instruments, kiosk for kiosks. */
export function defaultMode(channel: Channel, instrumentKind: string): CollectorMode {
	if (instrumentKind === 'pulse' && modesOfChannel[channel].includes('pulse')) return 'pulse';
	return channel === 'kiosk' ? 'kiosk' : 'survey';
}

/** Slugs: short, lower case, URL-safe; the same rule as the database check. */
export const collectorSlugPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * Kiosk behaviour, in seconds. Defaults: the thank-you shows for 5 s, an abandoned form resets
 * after 90 s without a touch, and taps are ignored for 3 s after a submit (a customer tapping a
 * smiley twice stores one answer, the next customer's first tap counts). Limits keep a mistyped
 * value from locking the tablet (a 0 s idle reset) or leaving a form up for hours.
 */
export const kioskSettingsSchema = z.strictObject({
	thankYouSeconds: z.int().min(1).max(60).default(5),
	idleResetSeconds: z.int().min(15).max(900).default(90),
	tapGuardSeconds: z.int().min(0).max(30).default(3)
});
export type KioskSettings = z.infer<typeof kioskSettingsSchema>;
export const defaultKioskSettings: KioskSettings = kioskSettingsSchema.parse({});

/** Settings as stored (jsonb, possibly from an older release) → complete settings; bad values fall back to defaults. */
export function readKioskSettings(stored: unknown): KioskSettings {
	const object = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
	const settings = { ...defaultKioskSettings };
	for (const key of Object.keys(settings) as (keyof KioskSettings)[]) {
		const parsed = kioskSettingsSchema.shape[key].safeParse(object[key]);
		if (parsed.success && object[key] !== undefined) settings[key] = parsed.data;
	}
	return settings;
}

export type FrameOriginResult = { ok: true; origin: string } | { ok: false; reason: 'not_https' | 'not_an_origin' };

/**
 * An origin allowed to embed a respondent page in an iframe (`frame-ancestors`): `https://` with a
 * host and optional port, nothing else. Paths, wildcards, credentials, `http:` and IP-less junk are
 * refused; the result is normalised (`https://Example.fi/` → `https://example.fi`).
 */
export function parseFrameOrigin(text: string): FrameOriginResult {
	const trimmed = text.trim();
	if (trimmed.includes('*')) return { ok: false, reason: 'not_an_origin' };
	let url: URL;
	try {
		url = new URL(trimmed);
	} catch {
		return { ok: false, reason: 'not_an_origin' };
	}
	if (url.protocol !== 'https:') return { ok: false, reason: 'not_https' };
	const bare = url.pathname === '/' && url.search === '' && url.hash === '' && url.username === '' && url.password === '';
	if (!bare || url.hostname === '' || !/^https:\/\/[^/]+\/?$/i.test(trimmed)) return { ok: false, reason: 'not_an_origin' };
	return { ok: true, origin: url.origin };
}
