import { createHash, randomBytes } from 'node:crypto';
import { channels } from '#lib/core/collection/collectors.ts';
import { AppError } from '#lib/core/errors.ts';
import { helsinkiToInstant } from '#lib/core/helsinki-time.ts';
import { localize, type LocalizedText } from '#lib/core/instrument/localized-text.ts';
import { isIsoDate, localDate } from '#lib/core/local-date.ts';
import type { Locale } from '#lib/core/org-types.ts';
import { can, type Actor, type Resource } from '#lib/core/permissions.ts';
import type { ReportModel } from '#lib/core/report/model.ts';
import { segmentItems, type SegmentInfo } from '#lib/core/report/report-inputs.ts';
import { resolveReportFilter } from '#lib/core/report/report-request.ts';
import { readReportSettings } from '#lib/core/report/settings.ts';
import { findScopeUnit, resourceOf, type ScopeDirectory, type ScopeUnit } from '#lib/core/scope-directory.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import { findLiveReportLinkByHash, findReportLink, insertReportLink, listReportLinks, revokeReportLink as markRevoked, type ReportLinkListRow } from '#lib/server/db/report-links.ts';
import { listRounds, type RoundRow } from '#lib/server/db/rounds.ts';
import { findStudy } from '#lib/server/db/studies.ts';
import { currentScopeDirectory } from '../account-directory.ts';
import { buildStudyReport } from './build-report.ts';
import { loadStudyAccess, type StudyAccess } from '../collection/study-access.ts';
import { publishedInstrument } from '../collection/published-instruments.ts';
import { inTransaction } from '../collection/transaction.ts';
import type { Deps } from '../deps.ts';

/**
 * Read-only public links to one report (ADR 0021): a coordinator (`report.manage` on the unit)
 * fixes a study, a unit and a filter, optionally an expiry day, and gets `/r/<token>`. Only the
 * token's SHA-256 is stored, so the address is shown once, when it is made. A revoked or expired
 * link, an unknown token and a malformed one all answer the same `report_link_not_found`, so the
 * page cannot tell anyone whether a link ever existed. Creating and revoking are audited.
 */

export type ReportLinkScopeType = 'library' | 'municipality' | 'network';
/** The report's query parameters a link fixes (the DESIGN URL scheme's filter names). */
export const reportLinkFilterKeys = ['round', 'compare', 'channel', 'language', 'segment', 'breakdown'] as const;
export type ReportLinkFilter = Partial<Record<(typeof reportLinkFilterKeys)[number], string>>;

export interface ReportLinkSummary {
	id: number;
	label: string;
	scope: { type: ReportLinkScopeType; key: string; name: string };
	filter: ReportLinkFilter;
	createdAt: Date;
	createdBy: string | null;
	/** The last moment the link works; null: until revoked. */
	expiresAt: Date | null;
	revokedAt: Date | null;
	status: 'live' | 'expired' | 'revoked';
}

export interface CreateReportLinkInput {
	studyKey: string;
	scope: { type: string; key: string };
	filter: ReportLinkFilter;
	/** The coordinator's note on what the link is for (never shown on the public page). */
	label?: string;
	/** The last day (Helsinki, `YYYY-MM-DD`) on which the link works; blank: until revoked. */
	expiresOn?: string | null;
}

const tokenPattern = /^[A-Za-z0-9_-]{43}$/;
const labelMax = 200;

/** The stored form of a link token. */
export function hashReportLinkToken(token: string): string {
	return createHash('sha256').update(`report-link:${token}`).digest('hex');
}

/** The public address of a token. */
export function reportLinkPath(token: string): string {
	return `/r/${token}`;
}

/**
 * Creates a link and returns it with its token, which is never stored and cannot be shown again.
 * Refuses (`invalid_input` with `details.fields`) a unit outside the study, a round the study does
 * not have, an unknown channel or language, a filter the report cannot combine, an expiry day in
 * the past; refuses (`forbidden`) a unit where the actor lacks `report.manage`.
 */
export async function createReportLink(deps: Deps, actor: Actor, input: CreateReportLinkInput): Promise<{ link: ReportLinkSummary; token: string; path: string }> {
	const now = deps.now();
	return inTransaction(deps.db, async (db) => {
		const context = await loadLinkContext({ ...deps, db }, input.studyKey, now);
		const errors: Record<string, string> = {};
		const unit = findStudyUnit(context, input.scope.type, input.scope.key);
		if (!unit) errors.scope = 'not_in_study';
		else if (!can(actor, 'report.manage', unit.resource)) {
			throw new AppError('forbidden', 'forbidden', `User ${actor.id} may not share reports of ${input.scope.type} ${input.scope.key}.`);
		}
		const filter = checkFilter(input.filter, context.rounds, await studySegments({ ...deps, db }, context, actor.locale), errors);
		const label = (input.label ?? '').trim();
		if (label.length > labelMax) errors.label = 'too_long';
		const expiresAt = readExpiry(input.expiresOn, now, errors);
		if (Object.keys(errors).length > 0 || !unit) throw invalidLink(errors);

		const token = randomBytes(32).toString('base64url');
		const row = await insertReportLink(db, {
			tokenHash: hashReportLinkToken(token),
			studyId: context.access.study.id,
			scopeType: unit.type,
			scopeId: unit.unit.id,
			filter,
			label,
			expiresAt,
			createdBy: actor.id,
			createdAt: now
		});
		await insertAuditEvent(db, {
			actorUserId: actor.id,
			action: 'report_link.create',
			targetType: 'report_link',
			targetId: row.id,
			details: { studyId: row.studyId, scopeType: row.scopeType, scopeId: row.scopeId, filter, expiresAt: expiresAt?.toISOString() ?? null }
		});
		const link = summarise({ ...row, scopeKey: unit.unit.key, scopeNameFi: unit.unit.nameFi, createdByName: actor.displayName }, now);
		return { link, token, path: reportLinkPath(token) };
	});
}

export interface ReportLinkChoices {
	units: { type: ReportLinkScopeType; key: string; name: string }[];
	/** Latest first. */
	rounds: { key: string; name: LocalizedText }[];
	channels: readonly string[];
	/** Segments of the latest round's instrument with their values and derived groups (e.g. 45+), in the reader's language. */
	segments: { key: string; label: string; groups: { key: string; label: string; derived: boolean }[] }[];
}

/**
 * The study's links on units where the actor may share reports, newest first, and what a new link
 * may point at. Forbidden when the actor may share no report of the study at all.
 */
export async function viewReportLinks(deps: Deps, actor: Actor, studyKey: string, locale: Locale): Promise<{ studyId: number; links: ReportLinkSummary[]; choices: ReportLinkChoices }> {
	const now = deps.now();
	const context = await loadLinkContext(deps, studyKey, now);
	const units = studyUnits(context).filter((unit) => can(actor, 'report.manage', unit.resource));
	if (units.length === 0) throw new AppError('forbidden', 'forbidden', `User ${actor.id} may not share reports of study ${context.access.study.id}.`);
	const allowed = new Set(units.map((unit) => `${unit.type}:${unit.unit.id}`));
	const rows = await listReportLinks(deps.db, context.access.study.id);
	const segments = await studySegments(deps, context, locale);
	return {
		studyId: context.access.study.id,
		links: rows.filter((row) => allowed.has(`${row.scopeType}:${row.scopeId}`)).map((row) => summarise(row, now)),
		choices: {
			units: units.map((unit) => ({ type: unit.type, key: unit.unit.key, name: unit.unit.nameFi })),
			rounds: [...context.rounds].reverse().map((round) => ({ key: round.key, name: round.name })),
			channels,
			segments: segments
				.filter((segment) => segment.values.length > 0)
				.map((segment) => ({
					key: segment.key,
					label: segment.label,
					groups: [
						...segment.values.map((value) => ({ key: value.code, label: value.label, derived: false })),
						...segment.derived.map((group) => ({ key: group.key, label: group.labelText, derived: true }))
					]
				}))
		}
	};
}

/** Revokes a link of the study (audited); revoking one that is revoked already changes nothing. */
export async function revokeReportLink(deps: Deps, actor: Actor, studyKey: string, linkId: number): Promise<void> {
	const now = deps.now();
	await inTransaction(deps.db, async (db) => {
		const context = await loadLinkContext({ ...deps, db }, studyKey, now);
		const row = await findReportLink(db, linkId);
		if (!row || row.studyId !== context.access.study.id) throw new AppError('not_found', 'report_link_not_found', `No report link ${linkId} in study ${studyKey}.`);
		// The unit with today's memberships (it may have left the study since the link was made).
		const resource = resourceOf(context.directory, { scopeType: row.scopeType, scopeId: row.scopeId });
		if (!resource || !can(actor, 'report.manage', resource)) throw new AppError('forbidden', 'forbidden', `User ${actor.id} may not revoke report link ${linkId}.`);
		if (!(await markRevoked(db, linkId, actor.id, now))) return;
		await insertAuditEvent(db, { actorUserId: actor.id, action: 'report_link.revoke', targetType: 'report_link', targetId: linkId, details: { studyId: row.studyId } });
	});
}

export interface ResolvedReportLink {
	linkId: number;
	study: { id: number; key: string; confidential: boolean };
	scope: { type: ReportLinkScopeType; key: string };
	filter: ReportLinkFilter;
}

/**
 * What a public token opens, for anyone, without signing in: the live link's study, unit and
 * fixed filter. Unknown, malformed, revoked and expired tokens all throw the same not_found.
 */
export async function resolveReportLink(deps: Deps, token: string): Promise<ResolvedReportLink> {
	const missing = () => new AppError('not_found', 'report_link_not_found', 'No live report link for this token.');
	if (!tokenPattern.test(token)) throw missing();
	const now = deps.now();
	const row = await findLiveReportLinkByHash(deps.db, hashReportLinkToken(token), now);
	if (!row) throw missing();
	const study = await findStudy(deps.db, row.studyId);
	if (!study || study.archivedAt !== null) throw missing();
	const directory = await currentScopeDirectory(deps.db, now);
	const unit = findScopeUnit(directory, { scopeType: row.scopeType, scopeId: row.scopeId });
	if (!unit) throw missing();
	return { linkId: row.id, study: { id: study.id, key: study.key, confidential: study.confidential }, scope: { type: row.scopeType, key: unit.key }, filter: row.filter };
}

/**
 * The report a public token opens, built as `/reports/...` builds it but without a role check
 * (the link is the permission); suppression applies as everywhere. A confidential study's open
 * answers keep their theme counts but lose their quotes. A link whose fixed filter no longer fits
 * the study (a round deleted since) is not found either.
 */
export async function publicReport(deps: Deps, token: string, locale: Locale): Promise<ReportModel> {
	const link = await resolveReportLink(deps, token);
	let model: ReportModel;
	try {
		model = await buildStudyReport(deps, { kind: 'public-link', linkId: link.linkId }, { studyKey: link.study.key, scope: link.scope, filter: link.filter, locale });
	} catch (caught) {
		if (caught instanceof AppError && (caught.kind === 'invalid' || caught.kind === 'not_found')) {
			throw new AppError('not_found', 'report_link_not_found', `Report link ${link.linkId} no longer opens a report: ${caught.message}`, { cause: caught });
		}
		throw caught;
	}
	if (!link.study.confidential) return model;
	return { ...model, openText: model.openText.map((section) => ({ ...section, themes: section.themes.map((theme) => ({ ...theme, quotes: [] })) })) };
}

interface LinkContext {
	access: StudyAccess;
	rounds: RoundRow[];
	directory: ScopeDirectory;
}

interface StudyUnit {
	type: ReportLinkScopeType;
	unit: ScopeUnit;
	resource: Resource;
}

async function loadLinkContext(deps: Deps, studyKey: string, now: Date): Promise<LinkContext> {
	const access = await loadStudyAccess(deps.db, studyKey, now);
	const [rounds, directory] = await Promise.all([listRounds(deps.db, access.study.id), currentScopeDirectory(deps.db, now)]);
	// A report shows rounds that have opened (build-report.ts); so does a link.
	const opened = rounds.filter((round) => round.opensAt <= now).sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime());
	return { access, rounds: opened, directory };
}

/**
 * The units a link of the study may show: its libraries, their municipalities, and the networks
 * that hold its libraries (the study's own networks and consortia inside them), each with today's
 * memberships for the permission check.
 */
function studyUnits(context: LinkContext): StudyUnit[] {
	const libraryIds = new Set(context.access.libraries.map((library) => library.id));
	const libraries = context.directory.libraries.filter((unit) => libraryIds.has(unit.id));
	const municipalityIds = new Set(libraries.flatMap((unit) => unit.municipalityIds));
	const networkIds = new Set([...libraries.flatMap((unit) => unit.networkIds), ...context.access.scope.filter((unit) => unit.type === 'network').map((unit) => unit.id)]);
	const byName = (a: StudyUnit, b: StudyUnit) => a.unit.nameFi.localeCompare(b.unit.nameFi, 'fi');
	return [
		...context.directory.networks.filter((unit) => networkIds.has(unit.id)).map((unit): StudyUnit => ({ type: 'network', unit, resource: { type: 'network', id: unit.id } })).sort(byName),
		...context.directory.municipalities
			.filter((unit) => municipalityIds.has(unit.id))
			.map((unit): StudyUnit => ({ type: 'municipality', unit, resource: { type: 'municipality', id: unit.id, networkIds: unit.networkIds } }))
			.sort(byName),
		...libraries
			.map((unit): StudyUnit => ({ type: 'library', unit, resource: { type: 'library', id: unit.id, municipalityIds: unit.municipalityIds, networkIds: unit.networkIds } }))
			.sort(byName)
	];
}

function findStudyUnit(context: LinkContext, type: string, key: string): StudyUnit | undefined {
	return studyUnits(context).find((unit) => unit.type === type && unit.unit.key === key);
}

/** The segments a filter may name: those of the latest round's instrument, with the study's derived groups. */
async function studySegments(deps: Deps, context: LinkContext, locale: Locale): Promise<SegmentInfo[]> {
	const latest = context.rounds.at(-1);
	if (!latest) return [];
	const instrument = await publishedInstrument(deps.db, latest.instrumentVersionId);
	const settings = readReportSettings(context.access.study.reportSettings);
	return segmentItems(instrument, settings, (text) => localize(text, locale, instrument.baseLanguage), {});
}

/**
 * The filter as stored: known keys only, blanks dropped. A link fixes its round; the rest is
 * checked as the report checks it (`resolveReportFilter`), with the same problem codes.
 */
function checkFilter(input: ReportLinkFilter, rounds: readonly RoundRow[], segments: readonly SegmentInfo[], errors: Record<string, string>): Record<string, string> {
	const filter: Record<string, string> = {};
	for (const key of reportLinkFilterKeys) {
		const value = (input[key] ?? '').trim();
		if (value !== '') filter[key] = value;
	}
	if (!filter.round) errors.round = 'required';
	const resolved = resolveReportFilter(filter, rounds, segments);
	if (!resolved.ok) for (const [field, problem] of Object.entries(resolved.fields)) errors[field] ??= problem;
	return filter;
}

/** The expiry day as the instant it ends (midnight after it, Helsinki); blank: none. */
function readExpiry(text: string | null | undefined, now: Date, errors: Record<string, string>): Date | null {
	const day = (text ?? '').trim();
	if (day === '') return null;
	if (!isIsoDate(day)) {
		errors.expiresOn = 'invalid_date';
		return null;
	}
	if (day < localDate(now)) {
		errors.expiresOn = 'in_past';
		return null;
	}
	const next = new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
	return helsinkiToInstant(`${next}T00:00`)!;
}

/** Field → problem code (`messages/report-share`: `report_share_problem_<code>`). */
function invalidLink(fields: Record<string, string>): AppError {
	const list = Object.entries(fields).map(([field, problem]) => `${field} (${problem})`).join(', ');
	return new AppError('invalid', 'invalid_input', `Invalid report link: ${list}.`, { details: { fields } });
}

function summarise(row: ReportLinkListRow, now: Date): ReportLinkSummary {
	const status = row.revokedAt !== null ? 'revoked' : row.expiresAt !== null && row.expiresAt <= now ? 'expired' : 'live';
	return {
		id: row.id,
		label: row.label,
		scope: { type: row.scopeType, key: row.scopeKey ?? '', name: row.scopeNameFi ?? '' },
		filter: row.filter,
		createdAt: row.createdAt,
		createdBy: row.createdByName,
		expiresAt: row.expiresAt,
		revokedAt: row.revokedAt,
		status
	};
}
