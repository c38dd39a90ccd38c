import type { Resource } from '#lib/core/permissions.ts';
import type { ReportScopeType } from '#lib/core/report/model.ts';
import type { ScopeDirectory } from '#lib/core/scope-directory.ts';
import type { StudyAccess } from '../collection/study-access.ts';

/**
 * The units a study has reports for, with today's memberships for the permission check: its
 * libraries, their municipalities, and the networks it covers (its own networks and the networks
 * whose libraries all take part, as report-units.ts compares with). Networks first, then
 * municipalities, then libraries, each by Finnish name. Not a use case: the report lists share it.
 */
export interface StudyReportUnit {
	type: ReportScopeType;
	id: number;
	key: string;
	nameFi: string;
	nameSv: string | null;
	resource: Resource;
}

export function studyReportUnits(access: StudyAccess, directory: ScopeDirectory): StudyReportUnit[] {
	const libraryIds = new Set(access.libraries.map((library) => library.id));
	const libraries = directory.libraries.filter((unit) => libraryIds.has(unit.id));
	const municipalityIds = new Set(libraries.flatMap((unit) => unit.municipalityIds));
	const ownNetworks = new Set(access.scope.filter((unit) => unit.type === 'network').map((unit) => unit.id));
	const candidateNetworks = new Set(libraries.flatMap((unit) => unit.networkIds));
	const covered = (networkId: number) => {
		if (ownNetworks.has(networkId)) return true;
		const members = directory.libraries.filter((unit) => unit.networkIds.includes(networkId));
		return members.length > 0 && members.every((unit) => libraryIds.has(unit.id));
	};
	const byName = (a: StudyReportUnit, b: StudyReportUnit) => a.nameFi.localeCompare(b.nameFi, 'fi') || a.id - b.id;
	const pick = (unit: { id: number; key: string; nameFi: string; nameSv: string | null }) => ({ id: unit.id, key: unit.key, nameFi: unit.nameFi, nameSv: unit.nameSv });
	return [
		...directory.networks
			.filter((unit) => (candidateNetworks.has(unit.id) || ownNetworks.has(unit.id)) && covered(unit.id))
			.map((unit): StudyReportUnit => ({ type: 'network', ...pick(unit), resource: { type: 'network', id: unit.id } }))
			.sort(byName),
		...directory.municipalities
			.filter((unit) => municipalityIds.has(unit.id))
			.map((unit): StudyReportUnit => ({ type: 'municipality', ...pick(unit), resource: { type: 'municipality', id: unit.id, networkIds: unit.networkIds } }))
			.sort(byName),
		...libraries
			.map((unit): StudyReportUnit => ({ type: 'library', ...pick(unit), resource: { type: 'library', id: unit.id, municipalityIds: unit.municipalityIds, networkIds: unit.networkIds } }))
			.sort(byName)
	];
}
