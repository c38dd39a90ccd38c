import type { CubeGroupMember } from './cube.ts';
import type { ReportGroup, ReportUnit } from './model.ts';
import type { DerivedGroup } from './settings.ts';
import type { Slice } from './slices.ts';
import { suppressGroups, type Decision, type Relation } from './suppression.ts';
import type { Analyser, ColumnStats } from './analysers.ts';

/**
 * The groups a report shows side by side, and how they add up (for complementary suppression,
 * ADR 0018). Two kinds of column sets:
 *
 * - units: the report's scope, the units it is compared with (a library's municipality and
 *   networks) and the units inside it (a municipality's libraries, a network's municipalities).
 *   Children add up to the scope; a unit whose libraries all lie in another unit is contained in
 *   it (the remainder being the other libraries), with memberships as they stood in each round;
 * - segments of one unit: its total, the plain segment values and the derived groups; the values
 *   add up to the total (with the respondents who gave no value as an unshown remainder), each
 *   derived group to its values, and the total to a derived group and the values outside it.
 */
export interface UnitInput extends ReportUnit {
	/** The group's name in the cube query (`CubeGroupMember.group`). */
	group: string;
}

export interface Column {
	group: ReportGroup;
	slice: (roundId: number) => Slice;
	/** In a filtered report: the same group without the filter (shown in the unfiltered report). */
	unfiltered?: (roundId: number) => Slice;
}

export interface ColumnSet {
	columns: Column[];
	relations: (roundId: number) => Relation[];
}

export function unitGroup(unit: ReportUnit): ReportGroup {
	return { key: `unit:${unit.type}:${unit.key}`, kind: 'unit', label: unit.name, unit };
}

/** Caches a slice function per round (slices are sums over cube rows, made once). */
export function cached(slice: (roundId: number) => Slice): (roundId: number) => Slice {
	const cache = new Map<number, Slice>();
	return (roundId) => {
		let value = cache.get(roundId);
		if (!value) cache.set(roundId, (value = slice(roundId)));
		return value;
	};
}

/**
 * Unit columns: scope first, then comparisons, then children. `libraries(group, round)` gives the
 * libraries of a group in a round (from the cube query's members).
 */
export function unitColumnSet(units: { scope: UnitInput; comparisons: readonly UnitInput[]; children: readonly UnitInput[] }, columns: Column[], members: readonly CubeGroupMember[]): ColumnSet {
	const all = [units.scope, ...units.comparisons, ...units.children];
	const childIndices = units.children.map((_, index) => 1 + units.comparisons.length + index);
	const librariesOf = (group: string, roundId: number) => new Set(members.filter((member) => member.group === group && member.roundId === roundId).map((member) => member.libraryId));
	const cache = new Map<number, Relation[]>();
	return {
		columns,
		relations(roundId) {
			const known = cache.get(roundId);
			if (known) return known;
			const sets = all.map((unit) => librariesOf(unit.group, roundId));
			const relations: Relation[] = childIndices.length > 0 ? [{ total: 0, parts: childIndices, hide: 'parts' }] : [];
			sets.forEach((inner, i) => {
				sets.forEach((outer, j) => {
					if (i === j || (childIndices.includes(i) && childIndices.includes(j)) || inner.size === 0) return;
					if ([...inner].every((library) => outer.has(library))) relations.push({ total: j, parts: [i], hide: j === 0 ? 'parts' : 'total' });
				});
			});
			cache.set(roundId, relations);
			return relations;
		}
	};
}

export interface SegmentValue {
	code: string;
	label: string;
}

/** Columns of one unit split by a segment: the unit's total, the plain values, the derived groups. */
export function segmentColumnSet(
	total: Column,
	segment: string,
	values: readonly SegmentValue[],
	derived: readonly (DerivedGroup & { labelText: string })[],
	sliceOf: (roundId: number, codes: readonly string[]) => Slice
): ColumnSet {
	const plain: Column[] = values.map((value) => ({
		group: { key: `segment:${segment}:${value.code}`, kind: 'segment', label: value.label },
		slice: cached((roundId) => sliceOf(roundId, [value.code]))
	}));
	const groups: Column[] = derived.map((group) => ({
		group: { key: `derived:${segment}:${group.key}`, kind: 'derived', label: group.labelText },
		slice: cached((roundId) => sliceOf(roundId, group.values))
	}));
	const plainIndices = plain.map((_, index) => 1 + index);
	const relations: Relation[] = [{ total: 0, parts: plainIndices, hide: 'parts' }];
	derived.forEach((group, index) => {
		const column = 1 + plain.length + index;
		const inside = plainIndices.filter((i) => group.values.includes(values[i - 1]!.code));
		const outside = plainIndices.filter((i) => !inside.includes(i));
		relations.push({ total: column, parts: inside, hide: 'parts' }, { total: 0, parts: [column, ...outside], hide: 'parts' });
	});
	return { columns: [total, ...plain, ...groups], relations: () => relations };
}

/**
 * Several units' segment sets side by side (the same columns in each), with the units' containment
 * carried over to every column: when a library lies inside its municipality, the municipality's
 * 45+ holds the library's 45+, so showing both would give the rest away. `links` relate set
 * positions (a total containing a part) as unit relations do.
 */
export function combineSets(sets: readonly ColumnSet[], links: (roundId: number) => Relation[]): ColumnSet {
	const width = sets[0]?.columns.length ?? 0;
	const shift = (relation: Relation, offset: number): Relation => ({
		total: typeof relation.total === 'number' ? relation.total + offset : relation.total,
		parts: relation.parts.map((part) => part + offset),
		...(relation.hide ? { hide: relation.hide } : {})
	});
	return {
		columns: sets.flatMap((set) => set.columns),
		relations: (roundId) => [
			...sets.flatMap((set, index) => set.relations(roundId).map((relation) => shift(relation, index * width))),
			...links(roundId).flatMap((link) =>
				typeof link.total === 'number'
					? Array.from({ length: width }, (_, column) => ({
							total: (link.total as number) * width + column,
							parts: link.parts.map((part) => part * width + column),
							...(link.hide ? { hide: link.hide } : {})
						}))
					: []
			)
		]
	};
}

export interface Decided {
	stats: ColumnStats[];
	decisions: Decision[];
}

/** Computes a question's figures for every column of a set in a round, and what may be shown. */
export function decide(set: ColumnSet, roundId: number, analyser: Analyser, minGroupSize: number): Decided {
	const stats = set.columns.map((column) => analyser.compute(column.slice(roundId)));
	const externals: Relation[] = set.columns.flatMap((column, index) =>
		column.unfiltered ? [{ total: analyser.compute(column.unfiltered(roundId)).sizes, parts: [index] }] : []
	);
	const decisions = suppressGroups(
		stats.map((stat) => stat.sizes),
		[...set.relations(roundId), ...externals],
		minGroupSize
	);
	return { stats, decisions };
}
