import { AppError } from '#lib/core/errors.ts';
import type { Instrument } from '#lib/core/instrument/instrument.ts';
import { localize } from '#lib/core/instrument/localized-text.ts';
import { localDate } from '#lib/core/local-date.ts';
import type { Locale } from '#lib/core/org-types.ts';
import { can, type Actor } from '#lib/core/permissions.ts';
import { buildReport } from '#lib/core/report/build-report.ts';
import type { CubeGroupMember } from '#lib/core/report/cube.ts';
import type { ReportModel, ReportRound, ReportScopeType } from '#lib/core/report/model.ts';
import { segmentGroupCodes, segmentItems } from '#lib/core/report/report-inputs.ts';
import { resolveReportFilter, type ReportQueryInput } from '#lib/core/report/report-request.ts';
import { readReportSettings } from '#lib/core/report/settings.ts';
import { foldPending, queryCube } from '#lib/server/db/answer-cube.ts';
import { resolveScope } from '#lib/server/db/org-resources.ts';
import { countRespondentsByChannel } from '#lib/server/db/report-scope.ts';
import { countTokens } from '#lib/server/db/response-tokens.ts';
import { listRounds } from '#lib/server/db/rounds.ts';
import { findStudyByKey, listStudyLibraryOptions, listStudyScope } from '#lib/server/db/studies.ts';
import { publishedInstrument } from '../collection/published-instruments.ts';
import type { Deps } from '../deps.ts';
import { loadOpenText } from './open-text.ts';
import { resolveReportUnits } from './report-units.ts';

/**
 * The report of one unit in a study (issue 4): checks `report.view` on the unit, resolves the
 * filter, folds pending responses into the cube, queries it for the unit, the units it is
 * compared with and the units inside it (as they stood in each round), and builds the model in
 * core, where every figure passes the suppression rule (ADR 0018).
 *
 * Who may open what (permissions.ts): a director or staff member of a library opens that
 * library's report, which carries its municipality and networks as comparison lines; opening a
 * municipality's or a network's own report needs `report.view` there (a director of one library
 * is refused); a coordinator opens the units of their networks.
 *
 * A public link (report-links.ts resolves its token) opens the report without an actor: the
 * check is skipped, never the suppression.
 */
export interface PublicLinkViewer {
	kind: 'public-link';
	linkId: number;
}
export type ReportViewer = Actor | PublicLinkViewer;

export interface ReportRequest {
	studyKey: string;
	scope: { type: string; key: string };
	/** The filter as asked: round and compare round keys, channel, language, segment `key:group`, breakdown. */
	filter: ReportQueryInput;
	locale: Locale;
}

export { listReportScopes } from './list-report-scopes.ts';
export { listReportableStudies } from './list-reportable-studies.ts';

const scopeTypes: readonly ReportScopeType[] = ['library', 'municipality', 'network'];

export async function buildStudyReport(deps: Deps, viewer: ReportViewer, request: ReportRequest): Promise<ReportModel> {
	const { db } = deps;
	const now = deps.now();
	const today = localDate(now);
	const study = await findStudyByKey(db, request.studyKey);
	if (!study) throw new AppError('not_found', 'study_not_found', `No study ${request.studyKey}.`);
	const scopeType = scopeTypes.find((type) => type === request.scope.type);
	const unit = scopeType && (await resolveScope(db, { type: scopeType, ref: request.scope.key }, today));
	if (!scopeType || !unit) throw new AppError('not_found', 'report_scope_not_found', `No ${request.scope.type} ${request.scope.key}.`);
	if (!isPublic(viewer) && !can(viewer, 'report.view', unit.resource)) {
		throw new AppError('forbidden', 'forbidden', `User ${viewer.id} may not view the report of ${scopeType} ${unit.id}.`);
	}

	const rounds = (await listRounds(db, study.id)).filter((round) => round.opensAt <= now);
	if (rounds.length === 0) throw new AppError('not_found', 'report_no_rounds', `Study ${study.id} has no round that has opened.`);
	const settings = readReportSettings(study.reportSettings);
	const libraries = await listStudyLibraryOptions(db, study.id, today);
	const optionLabels = Object.fromEntries(libraries.map((library) => [library.key, request.locale === 'sv' && library.nameSv ? library.nameSv : library.nameFi]));
	const instrumentOf = (versionId: number) => publishedInstrument(db, versionId);

	// The filter is checked against the latest round's instrument first, then the chosen round's.
	const latest = await instrumentOf(rounds.at(-1)!.instrumentVersionId);
	const labelsFor = (instrument: Instrument) => libraryLabels(instrument, optionLabels);
	const localizer = (instrument: Instrument) => (text: Parameters<typeof localize>[0]) => localize(text, request.locale, instrument.baseLanguage);
	const resolved = resolveReportFilter(request.filter, rounds, segmentItems(latest, settings, localizer(latest), labelsFor(latest)));
	if (!resolved.ok) {
		const list = Object.entries(resolved.fields).map(([field, problem]) => `${field} (${problem})`).join(', ');
		throw new AppError('invalid', 'invalid_input', `Invalid report filter: ${list}.`, { details: { fields: resolved.fields } });
	}
	const filter = resolved.filter;
	const round = rounds.find((candidate) => candidate.id === filter.roundId)!;
	const compareRound = rounds.find((candidate) => candidate.id === filter.compareRoundId) ?? null;
	const instrument = await instrumentOf(round.instrumentVersionId);
	const compareInstrument = compareRound ? await instrumentOf(compareRound.instrumentVersionId) : null;
	const segments = segmentItems(instrument, settings, localizer(instrument), labelsFor(instrument));

	const studyScope = await listStudyScope(db, study.id);
	const units = await resolveReportUnits(db, {
		scope: { type: scopeType, id: unit.id, key: unit.key, nameFi: unit.nameFi, nameSv: unit.nameSv },
		rounds,
		roundId: round.id,
		studyLibraryIds: new Set(libraries.map((library) => library.id)),
		studyNetworkIds: new Set(studyScope.filter((entry) => entry.type === 'network').map((entry) => entry.id)),
		locale: request.locale
	});
	const ownLibraries = units.scopeLibraries.get(round.id) ?? [];
	if (!ownLibraries.some((library) => libraries.some((candidate) => candidate.id === library))) {
		throw new AppError('not_found', 'report_scope_not_in_study', `${scopeType} ${unit.key} is not part of study ${study.key}.`);
	}

	await foldPending(db, study.id);
	const base = { studyId: study.id, itemIds: null };
	const unitGroups = new Set([units.scope, ...units.comparisons].map((entry) => entry.group));
	const only = (keep: (member: CubeGroupMember) => boolean) => units.members.filter(keep);
	const segmentKeys = new Map<string, CubeGroupMember[]>();
	const want = (key: string, members: CubeGroupMember[]) => segmentKeys.set(key, [...(segmentKeys.get(key) ?? []), ...members]);
	if (filter.segment) want(filter.segment.key, units.members);
	if (filter.breakdown) want(filter.breakdown, only((member) => member.group === units.scope.group));
	if (!filter.channel && !filter.language && !filter.segment) {
		for (const comparison of settings.comparisons) {
			if (segments.some((segment) => segment.key === comparison.segment)) want(comparison.segment, only((member) => unitGroups.has(member.group) && member.roundId === round.id));
		}
	}
	const filtered = filter.channel !== null || filter.language !== null;
	const [main, unfiltered, segmented, byChannel, tokens, openText] = await Promise.all([
		queryCube(db, { ...base, members: units.members, channel: filter.channel, language: filter.language, segmentKey: null }),
		filtered ? queryCube(db, { ...base, members: units.members, channel: null, language: null, segmentKey: null }) : Promise.resolve(undefined),
		Promise.all([...segmentKeys].map(async ([key, members]) => ({ key, rows: await queryCube(db, { ...base, members, channel: null, language: null, segmentKey: key }) }))),
		filtered || filter.segment ? Promise.resolve([]) : countRespondentsByChannel(db, study.id, only((member) => member.roundId === round.id)),
		study.usesTokens ? countTokens(db, study.id) : Promise.resolve([]),
		loadOpenText(deps, {
			studyId: study.id,
			roundId: round.id,
			libraryIds: ownLibraries,
			channel: filter.channel,
			language: filter.language,
			segment: filter.segment ? { key: filter.segment.key, values: segmentGroupCodes(segments, filter.segment.key, filter.segment.group) } : null,
			itemIds: null,
			locale: request.locale,
			minGroupSize: settings.minGroupSize
		})
	]);

	return buildReport({
		generatedAt: now.toISOString(),
		locale: request.locale,
		study: { id: study.id, key: study.key, name: localize(study.name, request.locale, 'fi'), confidential: study.confidential, usesTokens: study.usesTokens },
		instrument,
		compareInstrument,
		optionLabels: labelsFor(instrument),
		scope: units.scope,
		comparisons: units.comparisons,
		children: units.children,
		members: units.members,
		rounds: rounds.map((entry): ReportRound => ({
			id: entry.id,
			key: entry.key,
			name: localize(entry.name, request.locale, 'fi'),
			opensAt: entry.opensAt.toISOString(),
			closesAt: entry.closesAt.toISOString()
		})),
		filter,
		settings,
		cube: { main, ...(unfiltered ? { unfiltered } : {}), segmented },
		respondentsBy: byChannel.flatMap((row) => [
			{ dimension: 'channel' as const, group: row.group, roundId: row.roundId, value: row.channel, n: row.n },
			{ dimension: 'language' as const, group: row.group, roundId: row.roundId, value: row.language, n: row.n }
		]),
		tokens: tokens.map((row) => ({ roundId: row.roundId, issued: row.issued, used: row.used })),
		openText
	});
}

function isPublic(viewer: ReportViewer): viewer is PublicLinkViewer {
	return 'kind' in viewer && viewer.kind === 'public-link';
}

/** Labels of items whose options are the study's libraries (library key → name). */
function libraryLabels(instrument: Instrument, labels: Record<string, string>): Record<string, Record<string, string>> {
	const result: Record<string, Record<string, string>> = {};
	for (const section of instrument.sections) {
		for (const item of section.items) {
			if ((item.kind === 'single_choice' || item.kind === 'multiple_choice') && item.optionsFrom === 'libraries') result[item.id] = labels;
		}
	}
	return result;
}
