import { localDate } from '#lib/core/local-date.ts';
import type { Locale } from '#lib/core/org-types.ts';
import type { UnitInput } from '#lib/core/report/columns.ts';
import type { CubeGroupMember } from '#lib/core/report/cube.ts';
import type { ReportScopeType } from '#lib/core/report/model.ts';
import type { Db } from '#lib/server/db/client.ts';
import { findUnitsByIds, structureOn, type ReportUnitRow, type StructureOn } from '#lib/server/db/report-scope.ts';
import type { RoundRow } from '#lib/server/db/rounds.ts';

/**
 * The units of a report and their libraries in every round, with memberships as they stood on
 * the day each round opened (Helsinki):
 *
 * - a library is compared with its municipality and with the networks the study covers that hold
 *   it (the study's own networks and the networks whose libraries all take part), smallest first;
 * - a municipality is compared with those networks too, and shows its libraries side by side;
 * - a network shows its municipalities side by side (each: the network's libraries in it).
 *
 * Comparisons and children are chosen by the structure of the report's round; their libraries in
 * the other rounds follow the structure of those rounds.
 */
export interface ReportUnits {
	scope: UnitInput;
	comparisons: UnitInput[];
	children: UnitInput[];
	members: CubeGroupMember[];
	/** The scope's libraries in each round. */
	scopeLibraries: Map<number, number[]>;
}

export interface ScopeUnit extends ReportUnitRow {
	type: ReportScopeType;
}

export async function resolveReportUnits(
	db: Db,
	input: { scope: ScopeUnit; rounds: readonly RoundRow[]; roundId: number; studyLibraryIds: ReadonlySet<number>; studyNetworkIds: ReadonlySet<number>; locale: Locale }
): Promise<ReportUnits> {
	const dates = new Map(input.rounds.map((round) => [round.id, localDate(round.opensAt)]));
	const structures = await structureOn(db, [...dates.values()]);
	const structure = (roundId: number) => structures.get(dates.get(roundId)!)!;
	const current = structure(input.roundId);
	const libraryIds = (s: StructureOn) => new Set([...s.municipalityOf.keys(), ...s.networksOf.keys()]);
	const librariesOf = (type: ReportScopeType, id: number, s: StructureOn): number[] => {
		if (type === 'library') return [id];
		if (type === 'municipality') return [...s.municipalityOf].filter(([, municipality]) => municipality === id).map(([library]) => library);
		return [...libraryIds(s)].filter((library) => s.networksOf.get(library)?.includes(id));
	};
	const covered = (networkId: number) => {
		if (input.studyNetworkIds.has(networkId)) return true;
		const libraries = librariesOf('network', networkId, current);
		return libraries.length > 0 && libraries.every((library) => input.studyLibraryIds.has(library));
	};
	const scopeLibraries = librariesOf(input.scope.type, input.scope.id, current);
	const networkIds = [...new Set(scopeLibraries.flatMap((library) => current.networksOf.get(library) ?? []))]
		.filter(covered)
		.sort((a, b) => librariesOf('network', a, current).length - librariesOf('network', b, current).length || a - b);

	const comparisonRefs: { type: ReportScopeType; id: number }[] = [];
	if (input.scope.type === 'library') {
		const municipality = current.municipalityOf.get(input.scope.id);
		if (municipality !== undefined) comparisonRefs.push({ type: 'municipality', id: municipality });
	}
	if (input.scope.type !== 'network') comparisonRefs.push(...networkIds.map((id) => ({ type: 'network' as const, id })));

	const childRefs: { type: ReportScopeType; id: number }[] =
		input.scope.type === 'municipality'
			? scopeLibraries.filter((library) => input.studyLibraryIds.has(library)).map((id) => ({ type: 'library', id }))
			: input.scope.type === 'network'
				? [...new Set(scopeLibraries.filter((library) => input.studyLibraryIds.has(library)).flatMap((library) => current.municipalityOf.get(library) ?? []))].map((id) => ({ type: 'municipality', id }))
				: [];

	const names = await unitNames(db, [...comparisonRefs, ...childRefs]);
	const unitOf = (ref: { type: ReportScopeType; id: number }): UnitInput => {
		const row = names.get(`${ref.type}:${ref.id}`)!;
		return { type: ref.type, id: ref.id, key: row.key, name: nameIn(row, input.locale), group: `${ref.type}:${row.key}` };
	};
	const scope: UnitInput = { type: input.scope.type, id: input.scope.id, key: input.scope.key, name: nameIn(input.scope, input.locale), group: `${input.scope.type}:${input.scope.key}` };
	const comparisons = comparisonRefs.map(unitOf);
	const children = childRefs.map(unitOf).sort((a, b) => a.name.localeCompare(b.name, 'fi') || a.id - b.id);

	const members: CubeGroupMember[] = [];
	const scopeByRound = new Map<number, number[]>();
	for (const round of input.rounds) {
		const s = structure(round.id);
		const own = librariesOf(scope.type, scope.id, s);
		scopeByRound.set(round.id, own);
		members.push(...own.map((libraryId) => ({ group: scope.group, roundId: round.id, libraryId })));
		for (const unit of comparisons) members.push(...librariesOf(unit.type, unit.id, s).map((libraryId) => ({ group: unit.group, roundId: round.id, libraryId })));
		for (const child of children) {
			// A child is the part of the scope it stands for in that round, so the children add up to the scope.
			const inside = child.type === 'library' ? own.filter((library) => library === child.id) : own.filter((library) => s.municipalityOf.get(library) === child.id);
			members.push(...inside.map((libraryId) => ({ group: child.group, roundId: round.id, libraryId })));
		}
	}
	return { scope, comparisons, children, members, scopeLibraries: scopeByRound };
}

async function unitNames(db: Db, refs: readonly { type: ReportScopeType; id: number }[]): Promise<Map<string, ReportUnitRow>> {
	const result = new Map<string, ReportUnitRow>();
	for (const type of ['library', 'municipality', 'network'] as const) {
		const rows = await findUnitsByIds(db, type, refs.filter((ref) => ref.type === type).map((ref) => ref.id));
		for (const row of rows) result.set(`${type}:${row.id}`, row);
	}
	return result;
}

/** A unit's name in the report's language: Swedish where it has one, otherwise Finnish. */
export function nameIn(unit: Pick<ReportUnitRow, 'nameFi' | 'nameSv'>, locale: Locale): string {
	return locale === 'sv' && unit.nameSv ? unit.nameSv : unit.nameFi;
}
