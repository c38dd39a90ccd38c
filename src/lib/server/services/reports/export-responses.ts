import { AppError } from '#lib/core/errors.ts';
import { unflattenFacets } from '#lib/core/instrument/facets.ts';
import type { Instrument } from '#lib/core/instrument/instrument.ts';
import { answerableItems } from '#lib/core/instrument/instrument.ts';
import type { LocalizedText } from '#lib/core/instrument/localized-text.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import { listExportAnswers, listExportPage } from '#lib/server/db/response-export.ts';
import { listRounds, type RoundRow } from '#lib/server/db/rounds.ts';
import { answerCells, answerColumns, metaColumns, segmentColumnPrefix, type AnswerColumn, type RawCell } from '#lib/server/report-export/raw-columns.ts';
import type { Deps } from '../deps.ts';
import { CLI_OPERATOR } from '../import-libraries.ts';
import { publishedInstrument } from '../collection/published-instruments.ts';
import { librariesAllowed, loadStudyAccess, refuseIfConfidential, type StudyAccess } from '../collection/study-access.ts';

export type RawExportFormat = 'csv' | 'xlsx' | 'json';
export const rawExportFormats: readonly RawExportFormat[] = ['csv', 'xlsx', 'json'];

/** The person at the command line holds the database already: an admin, audited as `via: cli`. */
export type ExportActor = Actor | typeof CLI_OPERATOR;

export interface RawColumn {
	name: string;
	/** How writers type the column: numbers stay numbers in XLSX and JSON. */
	type: 'text' | 'number' | 'datetime';
}

export interface ResponseExport {
	study: { id: number; key: string; name: LocalizedText };
	round: { id: number; key: string } | null;
	columns: RawColumn[];
	/** One array per response, aligned with `columns`, read a page at a time in response id order. */
	rows: AsyncIterable<RawCell[]>;
}

const pageSize = 500;

/**
 * A study's raw responses for coordinators and admins (ADR 0020): one row per response with its
 * submission id, round, library, channel, language and time, its segment values, then one column
 * per item and facet (raw-columns.ts). Open texts are included unmasked: the raw export is for the
 * people who run the study, as viewing one response is. Only the libraries where the actor has
 * `response.export`, never a confidential study; each export is audited.
 */
export async function exportResponses(
	deps: Deps,
	actor: ExportActor,
	input: { studyKey: string; roundKey?: string | null; format: RawExportFormat }
): Promise<ResponseExport> {
	const access = await loadStudyAccess(deps.db, input.studyKey, deps.now());
	const libraryIds = requireExport(actor, access);
	const rounds = await listRounds(deps.db, access.study.id);
	const round = input.roundKey ? rounds.find((candidate) => candidate.key === input.roundKey) : undefined;
	if (input.roundKey && !round) throw new AppError('not_found', 'round_not_found', `Study ${access.study.key} has no round ${input.roundKey}.`);
	const instruments = await roundInstruments(deps, round ? [round] : rounds);
	const items = answerColumns([...instruments.values()].reverse());
	const segmentKeys = segmentKeysOf([...instruments.values()].reverse());
	const columns: RawColumn[] = [
		...metaColumns.map((name): RawColumn => ({ name, type: name === '_submitted_at' ? 'datetime' : 'text' })),
		...segmentKeys.map((key): RawColumn => ({ name: `${segmentColumnPrefix}${key}`, type: 'text' })),
		...items.map((column): RawColumn => ({ name: column.name, type: numericColumn(column) ? 'number' : 'text' }))
	];
	await insertAuditEvent(deps.db, {
		actorUserId: actor === CLI_OPERATOR ? null : actor.id,
		action: 'response.export',
		targetType: 'study',
		targetId: access.study.id,
		details: { format: input.format, round: round?.key ?? null, libraries: libraryIds === null ? 'all' : libraryIds.length, via: actor === CLI_OPERATOR ? 'cli' : 'web' }
	});
	return {
		study: { id: access.study.id, key: access.study.key, name: access.study.name },
		round: round ? { id: round.id, key: round.key } : null,
		columns,
		rows: exportRows(deps, { studyId: access.study.id, roundId: round?.id ?? null, libraryIds, instruments, items, segmentKeys })
	};
}

/**
 * The libraries whose raw responses the actor may export and import (null: all, and responses
 * without a library); refuses a confidential study and an actor with `response.export` nowhere in it.
 */
export function requireExport(actor: ExportActor, access: StudyAccess): number[] | null {
	refuseIfConfidential(access.study, 'the raw response export');
	if (actor === CLI_OPERATOR) return null;
	const libraryIds = librariesAllowed(actor, 'response.export', access);
	if (libraryIds !== null && libraryIds.length === 0) {
		throw new AppError('forbidden', 'forbidden', `User ${actor.id} may not export responses of study ${access.study.id}.`);
	}
	return libraryIds;
}

/** The instrument version each round pins, by version id, in round order. */
export async function roundInstruments(deps: Deps, rounds: readonly RoundRow[]): Promise<Map<number, Instrument>> {
	const instruments = new Map<number, Instrument>();
	for (const round of [...rounds].sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime() || a.id - b.id)) {
		if (!instruments.has(round.instrumentVersionId)) instruments.set(round.instrumentVersionId, await publishedInstrument(deps.db, round.instrumentVersionId));
	}
	return instruments;
}

function segmentKeysOf(instruments: readonly Instrument[]): string[] {
	const keys: string[] = [];
	for (const instrument of instruments) {
		for (const item of answerableItems(instrument)) {
			if ((item.kind === 'single_choice' || item.kind === 'multiple_choice') && item.segment && !keys.includes(item.segment)) keys.push(item.segment);
		}
	}
	return keys;
}

function numericColumn(column: AnswerColumn): boolean {
	return ['rating', 'matrix', 'importance_performance', 'libqual', 'nps', 'school_grade', 'happy_index', 'number'].includes(column.kind);
}

async function* exportRows(
	deps: Deps,
	input: {
		studyId: number;
		roundId: number | null;
		libraryIds: number[] | null;
		instruments: Map<number, Instrument>;
		items: AnswerColumn[];
		segmentKeys: string[];
	}
): AsyncGenerator<RawCell[]> {
	let afterId = 0;
	for (;;) {
		const page = await listExportPage(deps.db, { studyId: input.studyId, roundId: input.roundId, libraryIds: input.libraryIds, afterId, limit: pageSize });
		if (page.length === 0) return;
		const answers = await listExportAnswers(
			deps.db,
			page.map((response) => response.id)
		);
		for (const response of page) {
			const instrument = input.instruments.get(response.instrumentVersionId) ?? (await publishedInstrument(deps.db, response.instrumentVersionId));
			const cells = answerCells(instrument, unflattenFacets(instrument, answers.get(response.id) ?? []));
			yield [
				response.submissionId,
				response.roundKey,
				response.libraryKey,
				response.channel,
				response.language,
				response.submittedAt.toISOString(),
				...input.segmentKeys.map((key) => response.segments[key] ?? null),
				...input.items.map((column) => cells.get(column.name) ?? null)
			];
		}
		afterId = page.at(-1)!.id;
		if (page.length < pageSize) return;
	}
}

/** Whether the actor may export the study's raw responses (to offer the download link). */
export async function canExportResponses(deps: Deps, actor: Actor, studyKey: string): Promise<boolean> {
	const access = await loadStudyAccess(deps.db, studyKey, deps.now());
	if (access.study.confidential) return false;
	const libraryIds = librariesAllowed(actor, 'response.export', access);
	return libraryIds === null || libraryIds.length > 0;
}
