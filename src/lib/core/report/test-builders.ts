import { answeredFacet, answeredValue, naValueCode, respondentsItem, type CubeGroupMember, type CubeRow } from './cube.ts';

/**
 * Builders for report tests: respondents written as plain records and folded into cube rows the
 * way the answer cube sums them (cube.ts), so a test states its data once and splits by segment
 * come out consistent. Only single-facet answers: a scale or NPS value (number), N/A ('na') or an
 * option code (string).
 */
export interface TestRespondent {
	libraryId: number;
	roundId: number;
	segments: Record<string, string>;
	answers: Record<string, number | string>;
}

/** Zips columns of answers into respondents: `respondents(1, 2, { age_band: ['15-29', …] }, { friendly: [5, …] })`. */
export function respondents(libraryId: number, roundId: number, segments: Record<string, readonly string[]>, answers: Record<string, readonly (number | string)[]>): TestRespondent[] {
	const count = Math.max(...Object.values(segments).map((values) => values.length), ...Object.values(answers).map((values) => values.length));
	return Array.from({ length: count }, (_, index) => ({
		libraryId,
		roundId,
		segments: Object.fromEntries(Object.entries(segments).flatMap(([key, values]) => (values[index] === undefined ? [] : [[key, values[index]!]]))),
		answers: Object.fromEntries(Object.entries(answers).flatMap(([key, values]) => (values[index] === undefined ? [] : [[key, values[index]!]])))
	}));
}

/** `count` copies of a value, for writing distributions: [...times(8, 5), ...times(6, 4)]. */
export function times<T>(count: number, value: T): T[] {
	return Array.from({ length: count }, () => value);
}

/** Cube rows of the respondents for the groups of `members`, split by `segmentKey` when given. */
export function foldCube(people: readonly TestRespondent[], members: readonly CubeGroupMember[], segmentKey: string | null = null, filter: (person: TestRespondent) => boolean = () => true): CubeRow[] {
	const rows = new Map<string, CubeRow>();
	const add = (group: string, roundId: number, segmentValue: string, itemId: string, facet: string, valueCode: string, value: number | null) => {
		const key = [group, roundId, segmentValue, itemId, facet, valueCode].join('\u0000');
		const row = rows.get(key) ?? { group, roundId, segmentValue, itemId, facet, valueCode, n: 0, sum: 0, sumSq: 0 };
		row.n += 1;
		row.sum += value ?? 0;
		row.sumSq += (value ?? 0) ** 2;
		rows.set(key, row);
	};
	for (const person of people.filter(filter)) {
		const segmentValue = segmentKey === null ? '' : (person.segments[segmentKey] ?? '');
		// Split by a segment, the cube has no row for respondents without a value.
		if (segmentKey !== null && segmentValue === '') continue;
		for (const member of members.filter((candidate) => candidate.libraryId === person.libraryId && candidate.roundId === person.roundId)) {
			add(member.group, member.roundId, segmentValue, respondentsItem, '', '', null);
			for (const [itemId, answer] of Object.entries(person.answers)) {
				add(member.group, member.roundId, segmentValue, itemId, answeredFacet, answeredValue, null);
				if (typeof answer === 'number') add(member.group, member.roundId, segmentValue, itemId, '', String(answer), answer);
				else add(member.group, member.roundId, segmentValue, itemId, '', answer === 'na' ? naValueCode : answer, null);
			}
		}
	}
	return [...rows.values()];
}

/** Members of groups in rounds: `membersOf({ 'library:a': [1] }, [1, 2])`. */
export function membersOf(groups: Record<string, readonly number[]>, roundIds: readonly number[]): CubeGroupMember[] {
	return roundIds.flatMap((roundId) => Object.entries(groups).flatMap(([group, libraries]) => libraries.map((libraryId) => ({ group, roundId, libraryId }))));
}
