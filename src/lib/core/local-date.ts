/**
 * Calendar dates as ISO text (`YYYY-MM-DD`), the form `date` columns travel in. Memberships and
 * rounds are dated in Finland, so "today" is the date in Europe/Helsinki, not in UTC: at 01:30 on
 * 1 March Helsinki time it is still 28 February in UTC.
 */
export const TIME_ZONE = 'Europe/Helsinki';

const isoDate = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The last minute asked for and its date: Helsinki's offset changes only on whole hours, so every
 * instant of a UTC minute has the same date, and a busy server formats once a minute, not per request.
 */
let last = { minute: NaN, date: '' };

/** The calendar date of an instant in Helsinki, e.g. `2026-06-01`. */
export function localDate(instant: Date): string {
	const minute = Math.floor(instant.getTime() / 60_000);
	if (minute !== last.minute) last = { minute, date: isoDate.format(instant) };
	return last.date;
}

/** Whether `text` is a real calendar date in ISO form (rejects `2026-02-30`). */
export function isIsoDate(text: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
	const date = new Date(`${text}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
