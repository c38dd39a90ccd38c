/**
 * Whether a round takes answers. A round is open from `opensAt` (inclusive) to `closesAt`
 * (exclusive). Paper forms filled in during the round may be typed in by staff until
 * `paperEntryGraceDays` after it closes (ADR 0011): the forms come back from the desks in batches.
 */
export type RoundStatus = 'not_yet_open' | 'open' | 'closed';

export const paperEntryGraceDays = 30;
const dayMs = 24 * 60 * 60 * 1000;

export interface RoundTimes {
	opensAt: Date;
	closesAt: Date;
}

export function roundStatus(round: RoundTimes, now: Date): RoundStatus {
	if (now.getTime() < round.opensAt.getTime()) return 'not_yet_open';
	return now.getTime() < round.closesAt.getTime() ? 'open' : 'closed';
}

/** Whether staff may still type in a paper form for the round: open, or closed less than the grace period ago. */
export function acceptsPaperEntry(round: RoundTimes, now: Date): boolean {
	const status = roundStatus(round, now);
	if (status !== 'closed') return status === 'open';
	return now.getTime() < round.closesAt.getTime() + paperEntryGraceDays * dayMs;
}

/**
 * The round a respondent page shows: the open one (the latest opened when several overlap), else
 * the next to open, else the last to close. Undefined when the study has no rounds.
 */
export function currentRound<R extends RoundTimes>(rounds: readonly R[], now: Date): R | undefined {
	const t = now.getTime();
	const open = rounds.filter((round) => roundStatus(round, now) === 'open');
	if (open.length > 0) return open.reduce((a, b) => (b.opensAt.getTime() > a.opensAt.getTime() ? b : a));
	const upcoming = rounds.filter((round) => round.opensAt.getTime() > t);
	if (upcoming.length > 0) return upcoming.reduce((a, b) => (b.opensAt.getTime() < a.opensAt.getTime() ? b : a));
	if (rounds.length === 0) return undefined;
	return rounds.reduce((a, b) => (b.closesAt.getTime() > a.closesAt.getTime() ? b : a));
}
