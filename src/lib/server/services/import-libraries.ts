import { AppError, isAppError } from '#lib/core/errors.ts';
import { formatImportIssue, parseKirkanta, parseKirkantaText, type PlannedLibrary, type PlannedUnit } from '#lib/core/kirkanta.ts';
import { uniqueKey } from '#lib/core/organisations.ts';
import type { Actor } from '#lib/core/permissions.ts';
import type { Db } from '#lib/server/db/client.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import { findLibraryByIsil, findLibraryByKirkantaId, insertLibrary, listLibraryKeys, updateLibrary } from '#lib/server/db/libraries.ts';
import { listNetworkHistory } from '#lib/server/db/memberships.ts';
import { findMobileStopByKirkantaId, insertMobileStop, listMobileStops, updateMobileStop } from '#lib/server/db/mobile-stops.ts';
import { findMunicipalityByKey, findMunicipalityByKirkantaId, insertMunicipality, listMunicipalityKeys, updateMunicipality } from '#lib/server/db/municipalities.ts';
import { findNetworkByKey, findNetworkByKirkantaId, insertNetwork, listNetworkKeys, updateNetwork } from '#lib/server/db/networks.ts';
import type { Deps } from './deps.ts';
import { requireCan, today } from './org-access.ts';
import { joinNetwork, leaveNetwork, placeInMunicipality } from './org-memberships.ts';

/**
 * The person at the command line: they hold the database already, so no grant is asked; audit
 * events carry no user and say `via: cli` (as `user add` does).
 */
export const CLI_OPERATOR = 'cli' as const;

export interface ImportCounts {
	created: number;
	updated: number;
	unchanged: number;
}

export interface ImportSummary {
	/** The date new and changed memberships start from (today in Helsinki). */
	date: string;
	municipalities: ImportCounts;
	networks: ImportCounts;
	libraries: ImportCounts;
	mobileStops: ImportCounts;
	memberships: { started: number; ended: number };
}

/**
 * Imports a library list exported from the national library directory (Kirkanta v4; see
 * core/kirkanta.ts for the accepted shapes). All or nothing: a malformed file is refused with
 * every problem named (`org_import_invalid`, `details.issues`), and the import runs in one
 * transaction.
 *
 * Units are matched by Kirkanta id, so running the same file again changes nothing, and a unit's
 * key never changes once made. A unit not yet linked to the directory is adopted instead of
 * duplicated: a municipality or consortium with the key the directory's slug gives, a library with
 * the same ISIL. Memberships start on the import date; when a library has moved (another city or
 * consortium), the open period ends on that date and a new one starts. Memberships in networks
 * that are not directory consortia (development areas, projects) are left alone, and so are
 * units missing from the file: an export may cover one region only.
 *
 * Mobile stops follow the directory when the file lists departments: new stops are added, renamed
 * ones updated, and directory stops no longer listed are archived (stops added by hand are kept).
 */
export async function importLibraries(deps: Deps, actor: Actor | typeof CLI_OPERATOR, input: string | unknown): Promise<ImportSummary> {
	if (actor !== CLI_OPERATOR) requireCan(actor, 'org.manage');
	const parsed = typeof input === 'string' ? parseKirkantaText(input) : parseKirkanta(input);
	if (!parsed.ok) {
		const shown = parsed.issues.slice(0, 20).map(formatImportIssue);
		const more = parsed.issues.length > shown.length ? [`… and ${parsed.issues.length - shown.length} more problems`] : [];
		throw new AppError('invalid', 'org_import_invalid', `The file was not imported:\n${[...shown, ...more].join('\n')}`, {
			details: { issues: parsed.issues }
		});
	}
	const { plan } = parsed;
	const date = today(deps);
	const summary: ImportSummary = {
		date,
		municipalities: counts(),
		networks: counts(),
		libraries: counts(),
		mobileStops: counts(),
		memberships: { started: 0, ended: 0 }
	};
	const createdIds: Record<'municipalities' | 'networks' | 'libraries', number[]> = { municipalities: [], networks: [], libraries: [] };

	return deps.db.transaction().execute(async (trx) => {
		const now = deps.now();
		const municipalityKeys = await listMunicipalityKeys(trx);
		const municipalityIds = new Map<number, number>();
		for (const planned of plan.municipalities) {
			const existing =
				(await findMunicipalityByKirkantaId(trx, planned.kirkantaId)) ?? adoptable(await findMunicipalityByKey(trx, planned.key));
			if (existing) {
				const changed = differs(existing, planned);
				if (changed) await updateMunicipality(trx, existing.id, { ...names(planned), kirkantaId: planned.kirkantaId, updatedAt: now });
				summary.municipalities[changed ? 'updated' : 'unchanged']++;
				municipalityIds.set(planned.kirkantaId, existing.id);
			} else {
				const key = uniqueKey(planned.key, (k) => municipalityKeys.has(k));
				municipalityKeys.add(key);
				const created = await insertMunicipality(trx, { key, ...names(planned), kirkantaId: planned.kirkantaId });
				summary.municipalities.created++;
				createdIds.municipalities.push(created.id);
				municipalityIds.set(planned.kirkantaId, created.id);
			}
		}

		const networkKeys = await listNetworkKeys(trx);
		const consortiumIds = new Map<number, number>();
		for (const planned of plan.consortia) {
			const byKey = await findNetworkByKey(trx, planned.key);
			const existing =
				(await findNetworkByKirkantaId(trx, planned.kirkantaId)) ?? (byKey?.kind === 'consortium' ? adoptable(byKey) : undefined);
			if (existing) {
				const changed = differs(existing, planned);
				if (changed) await updateNetwork(trx, existing.id, { ...names(planned), kirkantaId: planned.kirkantaId, updatedAt: now });
				summary.networks[changed ? 'updated' : 'unchanged']++;
				consortiumIds.set(planned.kirkantaId, existing.id);
			} else {
				const key = uniqueKey(planned.key, (k) => networkKeys.has(k));
				networkKeys.add(key);
				const created = await insertNetwork(trx, { key, kind: 'consortium', ...names(planned), kirkantaId: planned.kirkantaId });
				summary.networks.created++;
				createdIds.networks.push(created.id);
				consortiumIds.set(planned.kirkantaId, created.id);
			}
		}

		const libraryKeys = await listLibraryKeys(trx);
		for (const [index, planned] of plan.libraries.entries()) {
			try {
				const libraryId = await importLibrary(trx, planned, libraryKeys, now, summary, createdIds.libraries);
				await syncMemberships(trx, libraryId, planned, municipalityIds, consortiumIds, date, summary);
				if (planned.stops) await syncStops(trx, libraryId, planned.stops, now, summary);
			} catch (error) {
				if (!isAppError(error)) throw error;
				throw new AppError(error.kind, error.code, `Record ${index + 1} (id ${planned.kirkantaId}, "${planned.nameFi}"): ${error.message}`, {
					cause: error,
					details: { ...error.details, index, recordId: planned.kirkantaId, recordName: planned.nameFi }
				});
			}
		}

		await insertAuditEvent(trx, {
			actorUserId: actor === CLI_OPERATOR ? null : actor.id,
			action: 'organisations.import',
			targetType: 'import',
			targetId: null,
			details: { source: 'kirkanta', via: actor === CLI_OPERATOR ? 'cli' : 'web', ...summary, createdIds }
		});
		deps.log.info({ summary }, 'library import done');
		return summary;
	});
}

function counts(): ImportCounts {
	return { created: 0, updated: 0, unchanged: 0 };
}

function names(unit: PlannedUnit) {
	return { nameFi: unit.nameFi, nameSv: unit.nameSv };
}

function differs(row: { nameFi: string; nameSv: string | null; kirkantaId: number | null }, unit: PlannedUnit): boolean {
	return row.nameFi !== unit.nameFi || row.nameSv !== unit.nameSv || row.kirkantaId !== unit.kirkantaId;
}

/** A unit found by key may be adopted only when no directory record claims it yet. */
function adoptable<T extends { kirkantaId: number | null }>(row: T | undefined): T | undefined {
	return row && row.kirkantaId === null ? row : undefined;
}

async function importLibrary(
	db: Db,
	planned: PlannedLibrary,
	keys: Set<string>,
	now: Date,
	summary: ImportSummary,
	createdIds: number[]
): Promise<number> {
	const byIsil = planned.isil ? await findLibraryByIsil(db, planned.isil) : undefined;
	const existing = (await findLibraryByKirkantaId(db, planned.kirkantaId)) ?? (byIsil?.kirkantaId === null ? byIsil : undefined);
	if (byIsil && existing && byIsil.id !== existing.id) {
		throw new AppError('conflict', 'org_isil_taken', `ISIL ${planned.isil} belongs to library ${byIsil.key} already.`);
	}
	if (byIsil && !existing) {
		throw new AppError('conflict', 'org_isil_taken', `ISIL ${planned.isil} belongs to library ${byIsil.key} (Kirkanta id ${byIsil.kirkantaId}) already.`);
	}
	const fields = { kind: planned.kind, ...names(planned), isil: planned.isil, kirkantaId: planned.kirkantaId };
	if (existing) {
		const changed = (Object.keys(fields) as (keyof typeof fields)[]).some((field) => existing[field] !== fields[field]);
		if (changed) await updateLibrary(db, existing.id, { ...fields, updatedAt: now });
		summary.libraries[changed ? 'updated' : 'unchanged']++;
		return existing.id;
	}
	const key = uniqueKey(planned.key, (k) => keys.has(k));
	keys.add(key);
	const created = await insertLibrary(db, { key, ...fields });
	summary.libraries.created++;
	createdIds.push(created.id);
	return created.id;
}

async function syncMemberships(
	db: Db,
	libraryId: number,
	planned: PlannedLibrary,
	municipalityIds: Map<number, number>,
	consortiumIds: Map<number, number>,
	date: string,
	summary: ImportSummary
): Promise<void> {
	if (planned.municipalityKirkantaId !== null) {
		const placement = await placeInMunicipality(db, libraryId, municipalityIds.get(planned.municipalityKirkantaId)!, date);
		if (placement.change !== 'unchanged') summary.memberships.started++;
		if (placement.change === 'moved') summary.memberships.ended++;
	}
	const target = planned.consortiumKirkantaId === null ? null : consortiumIds.get(planned.consortiumKirkantaId)!;
	const open = (await listNetworkHistory(db, libraryId)).filter((m) => m.validTo === null);
	// Only memberships in directory consortia follow the file; development areas and projects are Aspa's own.
	for (const membership of open) {
		if (membership.networkKind === 'consortium' && membership.networkKirkantaId !== null && membership.networkId !== target) {
			await leaveNetwork(db, membership.networkId, libraryId, date);
			summary.memberships.ended++;
		}
	}
	if (target !== null && !open.some((m) => m.networkId === target)) {
		await joinNetwork(db, target, libraryId, date);
		summary.memberships.started++;
	}
}

async function syncStops(db: Db, libraryId: number, planned: PlannedUnit[], now: Date, summary: ImportSummary): Promise<void> {
	const current = await listMobileStops(db, libraryId, { includeArchived: true });
	const keys = new Set(current.map((stop) => stop.key));
	const listed = new Set(planned.map((stop) => stop.kirkantaId));
	for (const stop of planned) {
		const existing = await findMobileStopByKirkantaId(db, stop.kirkantaId);
		if (existing) {
			const moved = existing.libraryId !== libraryId;
			const key = moved ? uniqueKey(existing.key, (k) => keys.has(k)) : existing.key;
			const changed = moved || existing.nameFi !== stop.nameFi || existing.nameSv !== stop.nameSv || existing.archivedAt !== null;
			if (changed) {
				await updateMobileStop(db, existing.id, { libraryId, key, ...names(stop), archivedAt: null, updatedAt: now });
				keys.add(key);
			}
			summary.mobileStops[changed ? 'updated' : 'unchanged']++;
		} else {
			const key = uniqueKey(stop.key, (k) => keys.has(k));
			keys.add(key);
			await insertMobileStop(db, { libraryId, key, ...names(stop), kirkantaId: stop.kirkantaId });
			summary.mobileStops.created++;
		}
	}
	for (const stop of current) {
		if (stop.kirkantaId !== null && !listed.has(stop.kirkantaId) && stop.archivedAt === null) {
			await updateMobileStop(db, stop.id, { archivedAt: now, updatedAt: now });
			summary.mobileStops.updated++;
		}
	}
}
