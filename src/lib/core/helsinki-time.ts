import { TIME_ZONE } from './local-date.ts';

/**
 * Wall-clock times in Finland for `<input type="datetime-local">` (`2026-03-01T08:00`): rounds open
 * and close at a time people read on a Finnish clock, stored as an instant (UTC). Daylight saving
 * is handled by Intl: a time skipped in spring moves forward an hour; a repeated one in autumn
 * takes its first (summer-time) occurrence.
 */
const parts = new Intl.DateTimeFormat('en-GB', {
	timeZone: TIME_ZONE,
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit'
});

function wallClock(instant: Date): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
	const values = Object.fromEntries(parts.formatToParts(instant).map((part) => [part.type, Number(part.value)]));
	return { year: values.year!, month: values.month!, day: values.day!, hour: values.hour!, minute: values.minute!, second: values.second! };
}

/** Minutes Helsinki is ahead of UTC at an instant (120 in winter, 180 in summer). */
function offsetMinutes(instant: Date): number {
	const wall = wallClock(instant);
	const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
	return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/** `2026-03-01T08:00` (Helsinki) → the instant, or undefined for text that is no such time. */
export function helsinkiToInstant(text: string): Date | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
	if (!match) return undefined;
	const [year, month, day, hour, minute, second] = match.slice(1).map((value) => Number(value ?? 0)) as [number, number, number, number, number, number];
	const guess = Date.UTC(year, month - 1, day, hour, minute, second);
	const check = new Date(guess);
	if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return undefined;
	// Two passes: the offset at the guessed instant, then at the corrected one (across a DST change).
	let instant = new Date(guess - offsetMinutes(new Date(guess)) * 60000);
	instant = new Date(guess - offsetMinutes(instant) * 60000);
	return instant;
}

/** An instant as `2026-03-01T08:00` on a Helsinki clock, for a datetime-local input. */
export function instantToHelsinki(instant: Date): string {
	const wall = wallClock(instant);
	const pad = (value: number) => String(value).padStart(2, '0');
	return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}`;
}
