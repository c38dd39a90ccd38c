import { describe, expect, it } from 'vitest';
import { acceptsPaperEntry, currentRound, roundStatus } from './rounds.ts';

const round = (opens: string, closes: string, key = 'r') => ({ key, opensAt: new Date(opens), closesAt: new Date(closes) });
const spring = round('2026-03-01T00:00:00Z', '2026-05-01T00:00:00Z', 'spring');

describe('roundStatus', () => {
	it('is open from the opening instant up to, not including, the closing instant', () => {
		expect(roundStatus(spring, new Date('2026-02-28T23:59:59Z'))).toBe('not_yet_open');
		expect(roundStatus(spring, new Date('2026-03-01T00:00:00Z'))).toBe('open');
		expect(roundStatus(spring, new Date('2026-04-30T23:59:59Z'))).toBe('open');
		expect(roundStatus(spring, new Date('2026-05-01T00:00:00Z'))).toBe('closed');
	});
});

describe('acceptsPaperEntry', () => {
	it('accepts paper forms while open and for 30 days after closing, never before opening', () => {
		expect(acceptsPaperEntry(spring, new Date('2026-02-15T00:00:00Z'))).toBe(false);
		expect(acceptsPaperEntry(spring, new Date('2026-05-30T23:59:59Z'))).toBe(true);
		expect(acceptsPaperEntry(spring, new Date('2026-05-31T00:00:00Z'))).toBe(false);
	});
});

describe('currentRound', () => {
	const autumn = round('2026-09-01T00:00:00Z', '2026-11-01T00:00:00Z', 'autumn');
	const rounds = [spring, autumn];
	it('picks the open round, else the next to open, else the last to close', () => {
		expect(currentRound(rounds, new Date('2026-04-01T00:00:00Z'))?.key).toBe('spring');
		expect(currentRound(rounds, new Date('2026-06-01T00:00:00Z'))?.key).toBe('autumn');
		expect(currentRound(rounds, new Date('2027-01-01T00:00:00Z'))?.key).toBe('autumn');
		expect(currentRound([], new Date())).toBeUndefined();
	});

	it('prefers the latest opened when open rounds overlap', () => {
		const overlap = round('2026-04-15T00:00:00Z', '2026-06-01T00:00:00Z', 'overlap');
		expect(currentRound([spring, overlap], new Date('2026-04-20T00:00:00Z'))?.key).toBe('overlap');
	});
});
