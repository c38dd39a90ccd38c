import { createHash } from 'node:crypto';
import { AppError } from '#lib/core/errors.ts';
import type { Instrument } from '#lib/core/instrument/instrument.ts';
import { answerableItems } from '#lib/core/instrument/instrument.ts';
import { localize } from '#lib/core/instrument/localized-text.ts';
import type { Locale } from '#lib/core/org-types.ts';
import type { OpenTextSection, OpenTextTheme } from '#lib/core/report/model.ts';
import type { TextAnswer } from '#lib/core/text/key-phrases.ts';
import { extractThemes, type ThemeOptions, type ThemeOverrides } from '#lib/core/text/themes.ts';
import type { Db } from '#lib/server/db/client.ts';
import { findRound, type RoundRow } from '#lib/server/db/rounds.ts';
import { findStudy } from '#lib/server/db/studies.ts';
import {
	countFilteredResponses,
	listOpenTextAnswers,
	listThemeDecisions,
	listThemeTags,
	type OpenTextRow,
	type TextFilter,
	type ThemeDecisionRow,
	type ThemeTagRow
} from '#lib/server/db/text-themes.ts';
import { publishedInstrument } from '../collection/published-instruments.ts';
import type { Deps } from '../deps.ts';

/**
 * Open-text sections of a report (ADR 0019): per open-text item (long or short text; not the
 * "other, what?" texts of choice items) the TOP-3 themes with counts and masked quotes, the
 * coordinators' renames, merges and tags applied. Themes are computed from at most the
 * `maxAnswersPerItem` most recent answers of an item in the filter; `answers` says how many were
 * read. The report builder checks who may see the report; this reads what it is asked for.
 *
 * Suppression: when the filtered respondents are fewer than `minGroupSize`, every section is
 * `suppressed: 'small'` with no themes, quotes or answer count. In a confidential study a theme
 * shows its count always, and its quotes only when at least `minGroupSize` answers hold it.
 */
export const maxAnswersPerItem = 5000;

export interface OpenTextInput {
	studyId: number;
	roundId: number;
	/** Responses of these libraries; null: every response of the study. */
	libraryIds: readonly number[] | null;
	channel: string | null;
	language: string | null;
	/** Respondents whose segment value is one of `values` (a derived group already expanded). */
	segment: { key: string; values: readonly string[] } | null;
	/** Open-text items to report, in this order; null: every open-text item of the round's instrument. */
	itemIds: readonly string[] | null;
	locale: Locale;
	minGroupSize: number;
}

const openTextKinds = new Set(['short_text', 'long_text']);

/** The open-text items of an instrument in document order, with their wording in `locale`. */
export function openTextItems(instrument: Instrument, locale: Locale): { id: string; text: string }[] {
	return answerableItems(instrument)
		.filter((item) => openTextKinds.has(item.kind))
		.map((item) => ({ id: item.id, text: localize(item.text, locale, instrument.baseLanguage) }));
}

/** The round, checked to belong to the study. */
export async function roundOfStudy(db: Db, studyId: number, roundId: number): Promise<RoundRow> {
	const round = await findRound(db, roundId);
	if (!round || round.studyId !== studyId) throw new AppError('not_found', 'round_not_found', `No round ${roundId} in study ${studyId}.`);
	return round;
}

/** The coordinators' decisions and tags of one item as the overrides `extractThemes` applies. */
export function overridesOf(itemId: string, decisions: readonly ThemeDecisionRow[], tags: readonly ThemeTagRow[]): ThemeOverrides {
	const overrides: ThemeOverrides = { renames: {}, merges: {}, tags: {} };
	for (const decision of decisions) {
		if (decision.itemId !== itemId) continue;
		if (decision.label !== null) overrides.renames[decision.key] = decision.label;
		if (decision.mergedInto !== null) overrides.merges[decision.key] = decision.mergedInto;
	}
	for (const tag of tags) {
		if (tag.itemId !== itemId) continue;
		(overrides.tags[String(tag.responseId)] ??= []).push(tag.themeKey);
	}
	return overrides;
}

export function textAnswersOf(rows: readonly OpenTextRow[], itemId: string): TextAnswer[] {
	return rows.filter((row) => row.itemId === itemId).map((row) => ({ key: String(row.responseId), text: row.text, language: row.language }));
}

/** Quotes kept only where a confidential study's rule allows them. */
export function confidentialQuotes(themes: OpenTextTheme[], confidential: boolean, minGroupSize: number): OpenTextTheme[] {
	return confidential ? themes.map((theme) => (theme.count >= minGroupSize ? theme : { ...theme, quotes: [] })) : themes;
}

export async function loadOpenText(deps: Deps, input: OpenTextInput): Promise<OpenTextSection[]> {
	const { db } = deps;
	const study = await findStudy(db, input.studyId);
	if (!study) throw new AppError('not_found', 'study_not_found', `No study ${input.studyId}.`);
	const round = await roundOfStudy(db, input.studyId, input.roundId);
	const available = openTextItems(await publishedInstrument(db, round.instrumentVersionId), input.locale);
	const items = input.itemIds === null ? available : input.itemIds.flatMap((id) => available.filter((item) => item.id === id));
	if (items.length === 0) return [];

	const filter: TextFilter = {
		studyId: input.studyId,
		roundId: input.roundId,
		libraryIds: input.libraryIds,
		channel: input.channel,
		language: input.language,
		segment: input.segment
	};
	const respondents = await countFilteredResponses(db, filter, input.minGroupSize);
	if (respondents < input.minGroupSize) {
		return items.map((item) => ({ itemId: item.id, text: item.text, answers: 0, themes: [], suppressed: respondents === 0 ? 'empty' : 'small' }));
	}
	const itemIds = items.map((item) => item.id);
	const [rows, decisions, tags] = await Promise.all([
		listOpenTextAnswers(db, filter, itemIds, maxAnswersPerItem),
		listThemeDecisions(db, input.studyId, itemIds),
		listThemeTags(db, input.studyId, itemIds)
	]);
	const options: ThemeOptions = { top: 3, quotesPerTheme: 3, locale: input.locale };
	return items.map((item) => {
		const answers = textAnswersOf(rows, item.id);
		if (answers.length === 0) return { itemId: item.id, text: item.text, answers: 0, themes: [], suppressed: 'empty' };
		const themes = cachedThemes(answers, overridesOf(item.id, decisions, tags), options);
		return { itemId: item.id, text: item.text, answers: answers.length, themes: confidentialQuotes(themes, study.confidential, input.minGroupSize) };
	});
}

/**
 * Themes by their inputs. Finding them (tokenising, stemming and grouping up to 5,000 answers per
 * item) is the costliest part of a report page, and the same answers come back on every view until
 * new ones arrive. A stored answer's text never changes, so the answers' response ids, the
 * coordinators' overrides and the options determine the result; the key holds them, hashed.
 */
const themeCache = new Map<string, OpenTextTheme[]>();
const maxCachedThemes = 200;

function cachedThemes(answers: TextAnswer[], overrides: ThemeOverrides, options: ThemeOptions): OpenTextTheme[] {
	const key = createHash('sha256')
		.update(JSON.stringify([overrides, options]))
		.update(answers.map((answer) => answer.key).join(','))
		.digest('base64url');
	const cached = themeCache.get(key);
	if (cached) {
		// Most recently used last, so the oldest goes first.
		themeCache.delete(key);
		themeCache.set(key, cached);
		return cached;
	}
	const themes = extractThemes(answers, overrides, options);
	if (themeCache.size >= maxCachedThemes) themeCache.delete(themeCache.keys().next().value!);
	themeCache.set(key, themes);
	return themes;
}

