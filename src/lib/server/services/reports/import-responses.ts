import { createHash } from 'node:crypto';
import { canonicalAnswers } from '#lib/core/collection/burst.ts';
import { isSubmissionId } from '#lib/core/collection/codes.ts';
import { channels, type Channel } from '#lib/core/collection/collectors.ts';
import { AppError } from '#lib/core/errors.ts';
import { helsinkiToInstant } from '#lib/core/helsinki-time.ts';
import { checkSubmission } from '#lib/core/instrument/check-submission.ts';
import { fieldPrefix } from '#lib/core/instrument/field-names.ts';
import type { Instrument } from '#lib/core/instrument/instrument.ts';
import type { Language } from '#lib/core/instrument/localized-text.ts';
import type { OptionSources } from '#lib/core/instrument/options.ts';
import { isIsoDate, localDate } from '#lib/core/local-date.ts';
import { can } from '#lib/core/permissions.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import { listStoredSubmissions } from '#lib/server/db/response-export.ts';
import { storeResponse, type NewResponse } from '#lib/server/db/responses.ts';
import { listRounds } from '#lib/server/db/rounds.ts';
import { answerColumns, cellsToFormData, itemColumns, metaColumns, segmentColumnPrefix } from '#lib/server/report-export/raw-columns.ts';
import { readCsv, type CsvRecord } from '#lib/server/report-export/read-csv.ts';
import type { Deps } from '../deps.ts';
import { CLI_OPERATOR } from '../import-libraries.ts';
import { collectorResources, loadStudyAccess, type StudyAccess } from '../collection/study-access.ts';
import { requireExport, roundInstruments, type ExportActor } from './export-responses.ts';

export interface ImportProblem {
	/** The line of the file (the header is line 1). */
	line: number;
	/** The column the problem is in, when it is in one. */
	column: string | null;
	message: string;
}

export interface ImportResult {
	rows: number;
	imported: number;
	/** Rows whose response id is stored already: nothing new was stored for them. */
	alreadyPresent: number;
}

const maxProblemsShown = 20;

/**
 * Imports raw responses from a CSV file with the columns of the raw export (ADR 0020): the header
 * names item columns as exported (`service`, `staff.friendly`, …) and optionally the `_…` columns.
 * Every row is checked with the round's instrument (`checkSubmission`, as a submission is) and
 * stored through the same path as a submission (`storeResponse`), so aggregates stay current.
 *
 * All or nothing: any bad row refuses the whole file (`response_import_invalid`, every problem with
 * its line and column in `details.problems`), and the rows are stored in one transaction.
 * Idempotent by response id: a row whose `_response_id` is stored already stores nothing and is
 * counted as already present. A row without an id gets one derived from the study, its content
 * and how many identical rows came before it, so importing the same file again is idempotent too.
 *
 * Defaults for blank cells: round = `roundKey`, channel = `paper` (what is typed in from a file is
 * mostly paper forms), language = the instrument's base language, time = now.
 */
export async function importResponses(deps: Deps, actor: ExportActor, input: { studyKey: string; csv: string; roundKey?: string | null }): Promise<ImportResult> {
	const now = deps.now();
	const access = await loadStudyAccess(deps.db, input.studyKey, now);
	const allowed = requireExport(actor, access);
	const rounds = await listRounds(deps.db, access.study.id);
	const defaultRound = input.roundKey ? rounds.find((round) => round.key === input.roundKey) : undefined;
	if (input.roundKey && !defaultRound) throw new AppError('not_found', 'round_not_found', `Study ${access.study.key} has no round ${input.roundKey}.`);
	const instruments = await roundInstruments(deps, rounds);

	const csv = readCsv(input.csv);
	if (!csv.ok) throw invalid(access, [{ line: csv.line, column: null, message: csv.message }]);
	const problems: ImportProblem[] = [];
	const known = new Set<string>([...metaColumns, ...answerColumns([...instruments.values()]).map((column) => column.name)]);
	csv.header.forEach((name, index) => {
		if (csv.header.indexOf(name) !== index) problems.push({ line: 1, column: name, message: `Column ${name} appears twice.` });
		else if (!known.has(name) && !name.startsWith(segmentColumnPrefix)) problems.push({ line: 1, column: name, message: `No item or column ${name} in study ${access.study.key}.` });
	});
	if (problems.length) throw invalid(access, problems);

	const sources: OptionSources = {
		libraries: access.libraries.map((library) => ({ code: library.key, label: { fi: library.nameFi, ...(library.nameSv ? { sv: library.nameSv } : {}) } }))
	};
	const libraryIds = new Map(access.libraries.map((library) => [library.key, library.id]));
	const occurrences = new Map<string, number>();
	let withoutLibrary: Promise<boolean> | undefined;
	const mayImport = (libraryId: number | null): Promise<boolean> => {
		if (allowed === null) return Promise.resolve(true);
		if (libraryId !== null) return Promise.resolve(allowed.includes(libraryId));
		withoutLibrary ??= scopeAllows(deps, actor, access, now);
		return withoutLibrary;
	};
	const rows: { line: number; row: NewResponse; facets: ReturnType<typeof checkedFacets> }[] = [];
	for (const record of csv.records) {
		const rowProblems: ImportProblem[] = [];
		const problem = (column: string | null, message: string) => rowProblems.push({ line: record.line, column, message });
		if (record.cells.length !== csv.header.length) {
			problems.push({ line: record.line, column: null, message: `The line has ${record.cells.length} cells; the header names ${csv.header.length} columns.` });
			continue;
		}
		const cell = (name: string) => (record.cells[csv.header.indexOf(name)] ?? '').trim();

		const roundKey = cell('_round') || defaultRound?.key || '';
		const round = rounds.find((candidate) => candidate.key === roundKey);
		if (!roundKey) problem('_round', 'No round: give the column _round or the option --round.');
		else if (!round) problem('_round', `Study ${access.study.key} has no round ${roundKey}.`);
		else if (defaultRound && round.id !== defaultRound.id) problem('_round', `The row is in round ${roundKey}, not in ${defaultRound.key} as asked.`);

		const libraryKey = cell('_library');
		const libraryId = libraryKey ? libraryIds.get(libraryKey) : null;
		if (libraryId === undefined) problem('_library', `Library ${libraryKey} is not in study ${access.study.key}.`);
		else if (!(await mayImport(libraryId))) problem('_library', `You may not import responses of ${libraryKey || 'no library'}.`);

		const channel = (cell('_channel') || 'paper') as Channel;
		if (!channels.includes(channel)) problem('_channel', `Channel ${channel} is not one of ${channels.join(', ')}.`);

		const submittedAt = cell('_submitted_at') ? readInstant(cell('_submitted_at')) : now;
		if (!submittedAt) problem('_submitted_at', `${cell('_submitted_at')} is not a time (2026-05-31T12:00:00Z, or 2026-05-31 12:00 in Helsinki).`);

		const instrument = round ? instruments.get(round.instrumentVersionId)! : undefined;
		const language = (cell('_language') || instrument?.baseLanguage || 'fi') as Language;
		if (instrument && !instrument.languages.includes(language)) problem('_language', `Language ${language} is not one of the form's languages (${instrument.languages.join(', ')}).`);

		const responseId = cell('_response_id').toLowerCase();
		if (responseId && !isSubmissionId(responseId)) problem('_response_id', `${responseId} is not a UUID.`);

		let facets: ReturnType<typeof checkedFacets> | undefined;
		if (instrument) {
			const own = new Set(answerColumns([instrument]).map((column) => column.name));
			for (const name of csv.header) {
				if (!name.startsWith('_') && !own.has(name) && cell(name) !== '') problem(name, `Round ${roundKey}'s form has no item column ${name}.`);
			}
			const cells = new Map(csv.header.filter((name) => own.has(name)).map((name) => [name, cell(name)]));
			const checked = checkSubmission(instrument, cellsToFormData(instrument, cells), { locale: language, optionSources: sources });
			if (checked.ok) facets = checkedFacets(checked);
			else for (const issue of checked.issues) problem(issueColumn(instrument, issue.itemId, issue.field, csv.header), issue.message);
		}
		if (rowProblems.length || !round || !facets || libraryId === undefined || !submittedAt) {
			problems.push(...rowProblems);
			continue;
		}
		const id = responseId || derivedId(access.study.key, record, occurrences);
		if (rows.some((other) => other.row.submissionId === id)) {
			problems.push({ line: record.line, column: '_response_id', message: `Response ${id} appears twice in the file.` });
			continue;
		}
		const segments = facets.segments;
		const homeLibrary = segments.home_library === undefined ? undefined : libraryIds.get(segments.home_library);
		rows.push({
			line: record.line,
			facets,
			row: {
				submissionId: id,
				studyId: access.study.id,
				roundId: round.id,
				libraryId,
				collectorId: null,
				channel,
				language,
				instrumentVersionId: round.instrumentVersionId,
				submittedAt,
				ageBand: segments.age_band ?? null,
				gender: segments.gender ?? null,
				education: segments.education ?? null,
				lifeSituation: segments.life_situation ?? null,
				homeLibraryId: homeLibrary ?? null,
				segments,
				enteredBy: null,
				answerDigest: createHash('sha256').update(canonicalAnswers(facets.facets)).digest('base64url')
			}
		});
	}
	const stored = new Map<string, { studyId: number }>();
	for (let start = 0; start < rows.length; start += 1000) {
		for (const [id, found] of await listStoredSubmissions(deps.db, rows.slice(start, start + 1000).map((entry) => entry.row.submissionId))) stored.set(id, found);
	}
	for (const entry of rows) {
		const found = stored.get(entry.row.submissionId);
		if (found && found.studyId !== access.study.id) problems.push({ line: entry.line, column: '_response_id', message: `Response ${entry.row.submissionId} belongs to another study.` });
	}
	if (problems.length) throw invalid(access, problems.sort((a, b) => a.line - b.line));

	return deps.db.transaction().execute(async (trx) => {
		let imported = 0;
		for (const entry of rows) {
			if (stored.has(entry.row.submissionId)) continue;
			const result = await storeResponse(trx, { row: entry.row, facets: entry.facets.facets, burst: null });
			if (result) imported += 1;
		}
		const result = { rows: rows.length, imported, alreadyPresent: rows.length - imported };
		await insertAuditEvent(trx, {
			actorUserId: actor === CLI_OPERATOR ? null : actor.id,
			action: 'response.import',
			targetType: 'study',
			targetId: access.study.id,
			details: { ...result, via: actor === CLI_OPERATOR ? 'cli' : 'web' }
		});
		return result;
	});
}

function checkedFacets(checked: Extract<ReturnType<typeof checkSubmission>, { ok: true }>) {
	return { facets: checked.facets, segments: checked.segments };
}

function invalid(access: StudyAccess, problems: ImportProblem[]): AppError {
	const shown = problems.slice(0, maxProblemsShown).map((p) => `  line ${p.line}${p.column ? `, column ${p.column}` : ''}: ${p.message}`);
	const more = problems.length > shown.length ? [`  … and ${problems.length - shown.length} more problems`] : [];
	return new AppError('invalid', 'response_import_invalid', `Nothing was imported into study ${access.study.key}:\n${[...shown, ...more].join('\n')}`, {
		details: { problems, count: problems.length }
	});
}

/** A response without a library belongs to the study's scope, as a collector without a library does. */
async function scopeAllows(deps: Deps, actor: ExportActor, access: StudyAccess, now: Date): Promise<boolean> {
	if (actor === CLI_OPERATOR) return true;
	const resources = await collectorResources(deps.db, null, access.study.id, localDate(now));
	return resources.length > 0 && resources.every((resource) => can(actor, 'response.export', resource));
}

/** The column to name for an issue: its field's column, else the item's first column in the file. */
function issueColumn(instrument: Instrument, itemId: string, field: string, header: readonly string[]): string {
	const name = field.startsWith(fieldPrefix) ? field.slice(fieldPrefix.length) : field;
	if (header.includes(name)) return name;
	const item = instrument.sections.flatMap((section) => section.items).find((candidate) => candidate.id === itemId);
	const columns = item && item.kind !== 'info' ? itemColumns(item).map((column) => column.name) : [];
	return columns.find((column) => header.includes(column)) ?? name;
}

/** `2026-05-31T09:00:00.000Z` or with an offset; without one, a Helsinki time; a date alone is noon in Helsinki. */
function readInstant(text: string): Date | undefined {
	if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return helsinkiToInstant(`${text}T12:00`);
	const zoned = /^(\d{4}-\d{2}-\d{2})[T ]([01]\d|2[0-3]):([0-5]\d)(:[0-5]\d(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/i.exec(text);
	if (zoned) {
		if (!isIsoDate(zoned[1]!)) return undefined;
		const instant = new Date(`${zoned[1]}T${zoned[2]}:${zoned[3]}${zoned[4] ?? ''}${zoned[6]!.toUpperCase()}`);
		return Number.isNaN(instant.getTime()) ? undefined : instant;
	}
	return helsinkiToInstant(text.replace(' ', 'T'));
}

/**
 * A stable id for a row without `_response_id`: the study, the row's cells and how many identical
 * rows came before it in the file, hashed into the form of a UUID (version 8, RFC 9562).
 */
function derivedId(studyKey: string, record: CsvRecord, occurrences: Map<string, number>): string {
	const content = JSON.stringify(record.cells.map((cell) => cell.trim()));
	const occurrence = (occurrences.get(content) ?? 0) + 1;
	occurrences.set(content, occurrence);
	const hex = createHash('sha256').update(`aspa-import\u0000${studyKey}\u0000${occurrence}\u0000${content}`).digest('hex');
	const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
