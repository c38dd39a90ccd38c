import { AppError } from '#lib/core/errors.ts';
import { localDate } from '#lib/core/local-date.ts';
import { can, isAdmin, type Action, type Actor, type Resource } from '#lib/core/permissions.ts';
import type { Db } from '#lib/server/db/client.ts';
import { libraryMembershipsOn } from '#lib/server/db/memberships.ts';
import {
	findStudy,
	findStudyByKey,
	listStudyLibraries,
	listStudyScope,
	networksOfMunicipalities,
	type ScopeUnitType,
	type StudyLibrary,
	type StudyRow,
	type StudyScopeUnit
} from '#lib/server/db/studies.ts';

/**
 * Who may see and change a study. Not a use case: the collection services share it.
 *
 * A study reaches its scope units and the libraries inside them. Seeing it (`study.view`) needs the
 * action on any of those; changing it (`study.manage`) needs the action on every scope unit, so a
 * coordinator of one network cannot change a study that also covers another network.
 */
export interface StudyAccess {
	study: StudyRow;
	scope: StudyScopeUnit[];
	libraries: StudyLibrary[];
	scopeResources: Resource[];
	libraryResources: Map<number, Resource>;
}

export async function loadStudyAccess(db: Db, ref: number | string, now: Date): Promise<StudyAccess> {
	const study = typeof ref === 'number' ? await findStudy(db, ref) : await findStudyByKey(db, ref);
	if (!study) throw new AppError('not_found', 'study_not_found', `No study ${ref}.`);
	const date = localDate(now);
	const [scope, libraries] = await Promise.all([listStudyScope(db, study.id), listStudyLibraries(db, study.id, date)]);
	const libraryResources = new Map<number, Resource>(
		libraries.map((library) => [library.id, { type: 'library', id: library.id, municipalityIds: library.municipalityIds, networkIds: library.networkIds }])
	);
	return { study, scope, libraries, scopeResources: await unitResources(db, scope, date, libraryResources), libraryResources };
}

/** Permission resources of scope units on `date`. */
export async function unitResources(
	db: Db,
	units: readonly { type: ScopeUnitType; id: number }[],
	date: string,
	known: Map<number, Resource> = new Map()
): Promise<Resource[]> {
	const municipalityIds = units.filter((unit) => unit.type === 'municipality').map((unit) => unit.id);
	const networksByMunicipality = await networksOfMunicipalities(db, municipalityIds, date);
	const resources: Resource[] = [];
	for (const unit of units) {
		if (unit.type === 'network') resources.push({ type: 'network', id: unit.id });
		else if (unit.type === 'municipality') resources.push({ type: 'municipality', id: unit.id, networkIds: networksByMunicipality.get(unit.id) ?? [] });
		else resources.push(known.get(unit.id) ?? (await libraryResourceOf(db, unit.id, date)));
	}
	return resources;
}

async function libraryResourceOf(db: Db, libraryId: number, date: string): Promise<Resource> {
	const { municipalityIds, networkIds } = await libraryMembershipsOn(db, libraryId, date);
	return { type: 'library', id: libraryId, municipalityIds, networkIds };
}

export function canViewStudy(actor: Actor | null, access: StudyAccess): boolean {
	return (
		access.scopeResources.some((resource) => can(actor, 'study.view', resource)) ||
		[...access.libraryResources.values()].some((resource) => can(actor, 'study.view', resource))
	);
}

export function canManageStudy(actor: Actor | null, access: StudyAccess): boolean {
	if (isAdmin(actor)) return true;
	return access.scopeResources.length > 0 && access.scopeResources.every((resource) => can(actor, 'study.manage', resource));
}

export function requireViewStudy(actor: Actor | null, access: StudyAccess): void {
	if (!canViewStudy(actor, access)) throw forbidden(actor, 'study.view', access);
}

export function requireManageStudy(actor: Actor | null, access: StudyAccess): void {
	if (!canManageStudy(actor, access)) throw forbidden(actor, 'study.manage', access);
}

/**
 * The study's libraries on which the actor may do `action`; null means every library (admins,
 * who also see responses without a library).
 */
export function librariesAllowed(actor: Actor | null, action: Action, access: StudyAccess): number[] | null {
	if (isAdmin(actor)) return null;
	return [...access.libraryResources.entries()].filter(([, resource]) => can(actor, action, resource)).map(([id]) => id);
}

function forbidden(actor: Actor | null, action: Action, access: StudyAccess): AppError {
	return new AppError('forbidden', 'forbidden', `User ${actor?.id ?? '(anonymous)'} may not ${action} on study ${access.study.id}.`);
}

/** A confidential study offers aggregates only: nobody reads, lists or deletes its raw responses. */
export function refuseIfConfidential(study: StudyRow, what: string): void {
	if (study.confidential) {
		throw new AppError('conflict', 'study_confidential', `Study ${study.id} is confidential: ${what} is not available, only aggregates.`);
	}
}

/**
 * What a collector's responses belong to, for permission checks: its library, or the study's scope
 * units when the collector has no library.
 */
export async function collectorResources(db: Db, libraryId: number | null, studyId: number, date: string): Promise<Resource[]> {
	if (libraryId !== null) return [await libraryResourceOf(db, libraryId, date)];
	return unitResources(db, await listStudyScope(db, studyId), date);
}
