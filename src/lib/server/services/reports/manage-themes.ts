import { AppError } from '#lib/core/errors.ts';
import { isAdmin, can, type Actor } from '#lib/core/permissions.ts';
import type { LocalizedText } from '#lib/core/instrument/localized-text.ts';
import type { Locale } from '#lib/core/org-types.ts';
import type { OpenTextTheme, SuppressionReason } from '#lib/core/report/model.ts';
import { readReportSettings } from '#lib/core/report/settings.ts';
import { keyPhrases, type KeyPhrase } from '#lib/core/text/key-phrases.ts';
import { normalise } from '#lib/core/text/normalise.ts';
import { maskPersonalData } from '#lib/core/text/personal-data.ts';
import { extractThemesWithAnalysis, resolveMerge, themeLabel } from '#lib/core/text/themes.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import type { Db } from '#lib/server/db/client.ts';
import { listRounds } from '#lib/server/db/rounds.ts';
import {
	countFilteredResponses,
	deleteTheme,
	insertManualTheme,
	listOpenTextAnswers,
	listTaggableAnswers,
	listThemeDecisions,
	listThemeTags,
	replaceThemeTags,
	saveThemeDecision,
	type TextFilter,
	type ThemeRef
} from '#lib/server/db/text-themes.ts';
import { publishedInstrument } from '../collection/published-instruments.ts';
import { librariesAllowed, loadStudyAccess, type StudyAccess } from '../collection/study-access.ts';
import { inTransaction } from '../collection/transaction.ts';
import type { Deps } from '../deps.ts';
import { confidentialQuotes, maxAnswersPerItem, openTextItems, overridesOf, textAnswersOf } from './open-text.ts';

/**
 * The coordinator's themes page (`/studies/[key]/themes`, ADR 0019): the themes of one open-text
 * item in one round with counts and masked quotes, and the changes a coordinator makes — rename,
 * merge and unmerge, make a theme by hand, tag answers, delete a hand-made theme. Every change needs
 * `report.manage` on every scope unit of the study (like `study.manage`), and is audited.
 * Decisions hold per study × item, across rounds.
 */
export const themesOnPage = 10;
export const answersPerPage = 50;
const maxLabelLength = 200;
const maxKeyLength = 200;

/**
 * The libraries whose answers the actor may theme: those on which they hold `report.manage`
 * (null: every response, for admins). A coordinator of one network of a study that covers two
 * sees and tags the answers of their own network's libraries; the study's theme names, merges and
 * hand-made themes are shared by everyone who manages it (ADR 0019).
 */
export function themeLibraries(actor: Actor | null, access: StudyAccess): number[] | null {
	return librariesAllowed(actor, 'report.manage', access);
}

export function canManageThemes(actor: Actor | null, access: StudyAccess): boolean {
	if (isAdmin(actor)) return true;
	return access.scopeResources.some((resource) => can(actor, 'report.manage', resource)) || (themeLibraries(actor, access)?.length ?? 0) > 0;
}

async function manageableStudy(db: Db, actor: Actor, studyRef: number | string, now: Date): Promise<StudyAccess> {
	const access = await loadStudyAccess(db, studyRef, now);
	if (!canManageThemes(actor, access)) {
		throw new AppError('forbidden', 'forbidden', `User ${actor.id} may not report.manage on study ${access.study.id}.`);
	}
	return access;
}

/** Whether the actor may open the study's themes page (for a link to it). */
export async function mayManageThemes(deps: Deps, actor: Actor, studyId: number): Promise<boolean> {
	return canManageThemes(actor, await loadStudyAccess(deps.db, studyId, deps.now()));
}

/** Open-text items of every round's instrument (item ids are stable across versions). */
async function studyOpenItems(db: Db, studyId: number, locale: Locale): Promise<Map<string, string>> {
	const items = new Map<string, string>();
	const versions = new Set((await listRounds(db, studyId)).map((round) => round.instrumentVersionId));
	for (const versionId of versions) {
		for (const item of openTextItems(await publishedInstrument(db, versionId), locale)) if (!items.has(item.id)) items.set(item.id, item.text);
	}
	return items;
}

export interface ThemesPageQuery {
	round: string | null;
	item: string | null;
	/** Theme whose tags the answer list shows and sets. */
	tagTheme: string | null;
	search: string;
	before: number | null;
	locale: Locale;
}

export interface ThemesPage {
	study: { id: number; key: string; name: LocalizedText; confidential: boolean };
	minGroupSize: number;
	rounds: { id: number; key: string; name: LocalizedText }[];
	round: { id: number; key: string } | null;
	items: { id: string; text: string }[];
	item: { id: string; text: string } | null;
	respondents: number;
	answers: number;
	suppressed: SuppressionReason | null;
	themes: (OpenTextTheme & { renamed: boolean; manual: boolean })[];
	keyPhrases: KeyPhrase[];
	merged: { key: string; label: string; into: string; intoLabel: string }[];
	/** Themes the coordinator made by hand (also those with no answers yet). */
	manual: { key: string; label: string }[];
	/** Tagging by hand: never in a confidential study (single answers are raw responses). */
	taggingAllowed: boolean;
	tagging: { theme: { key: string; label: string }; answers: { responseId: number; text: string; tagged: boolean }[]; nextBefore: number | null } | null;
}

export async function viewThemes(deps: Deps, actor: Actor, studyKey: string, query: ThemesPageQuery): Promise<ThemesPage> {
	const { db } = deps;
	const access = await manageableStudy(db, actor, studyKey, deps.now());
	const { study } = access;
	const minGroupSize = readReportSettings(study.reportSettings).minGroupSize;
	const rounds = await listRounds(db, study.id);
	const round = rounds.find((candidate) => candidate.key === query.round) ?? rounds.filter((candidate) => candidate.opensAt <= deps.now()).at(-1) ?? rounds[0];
	const page: ThemesPage = {
		study: { id: study.id, key: study.key, name: study.name, confidential: study.confidential },
		minGroupSize,
		rounds: rounds.map(({ id, key, name }) => ({ id, key, name })),
		round: round ? { id: round.id, key: round.key } : null,
		items: [],
		item: null,
		respondents: 0,
		answers: 0,
		suppressed: null,
		themes: [],
		keyPhrases: [],
		merged: [],
		manual: [],
		taggingAllowed: !study.confidential,
		tagging: null
	};
	if (!round) return page;
	page.items = openTextItems(await publishedInstrument(db, round.instrumentVersionId), query.locale);
	const item = page.items.find((candidate) => candidate.id === query.item) ?? page.items[0];
	if (!item) return page;
	page.item = item;

	const libraryIds = themeLibraries(actor, access);
	const filter: TextFilter = { studyId: study.id, roundId: round.id, libraryIds, channel: null, language: null, segment: null };
	const [respondents, rows, decisions, tags] = await Promise.all([
		countFilteredResponses(db, filter),
		listOpenTextAnswers(db, filter, [item.id], maxAnswersPerItem),
		listThemeDecisions(db, study.id, [item.id]),
		listThemeTags(db, study.id, [item.id])
	]);
	const overrides = overridesOf(item.id, decisions, tags);
	const answers = textAnswersOf(rows, item.id);
	const { themes, analysis } = extractThemesWithAnalysis(answers, overrides, { top: themesOnPage, quotesPerTheme: 3, locale: query.locale });
	const labelOf = (key: string) => themeLabel(key, analysis, overrides);
	page.respondents = respondents;
	page.manual = decisions.filter((decision) => decision.manual).map((decision) => ({ key: decision.key, label: decision.label ?? decision.key }));
	page.merged = decisions
		.filter((decision) => decision.mergedInto !== null)
		.map((decision) => ({ key: decision.key, label: labelOf(decision.key), into: decision.mergedInto!, intoLabel: labelOf(resolveMerge(decision.key, overrides.merges)) }));
	if (respondents < minGroupSize || answers.length === 0) {
		page.suppressed = respondents === 0 || answers.length === 0 ? 'empty' : 'small';
		return page;
	}
	const manualKeys = new Set(page.manual.map((theme) => theme.key));
	page.answers = answers.length;
	page.themes = confidentialQuotes(themes, study.confidential, minGroupSize).map((theme) => ({
		...theme,
		renamed: overrides.renames[theme.key] !== undefined && !manualKeys.has(theme.key),
		manual: manualKeys.has(theme.key)
	}));
	page.keyPhrases = keyPhrases(analysis, { limit: 10 });

	const tagKey = query.tagTheme;
	if (tagKey && page.taggingAllowed) {
		const list = await listTaggableAnswers(db, { studyId: study.id, roundId: round.id, libraryIds, itemId: item.id, search: query.search, before: query.before, limit: answersPerPage });
		const taggedWith = new Set(tags.filter((tag) => tag.themeKey === tagKey).map((tag) => tag.responseId));
		page.tagging = {
			theme: { key: tagKey, label: page.manual.find((theme) => theme.key === tagKey)?.label ?? labelOf(tagKey) },
			answers: list.map((answer) => ({ responseId: answer.responseId, text: maskPersonalData(answer.text, query.locale), tagged: taggedWith.has(answer.responseId) })),
			nextBefore: list.length === answersPerPage ? list.at(-1)!.responseId : null
		};
	}
	return page;
}

/** A theme of one item; `study` is the study's id or key. */
export interface ThemeTarget {
	study: number | string;
	itemId: string;
	key: string;
}

function checkKey(key: string, field: string): string {
	const trimmed = key.trim();
	if (trimmed === '' || trimmed.length > maxKeyLength) {
		throw new AppError('invalid', 'theme_choose', `Theme key ${JSON.stringify(key)} is not valid.`, { details: { field } });
	}
	return trimmed;
}

function checkLabel(label: string, required: boolean): string | null {
	const trimmed = label.replace(/\s+/g, ' ').trim();
	if (trimmed === '') {
		if (required) throw new AppError('invalid', 'theme_label_required', 'A theme made by hand needs a label.', { details: { field: 'label' } });
		return null;
	}
	if (trimmed.length > maxLabelLength) {
		throw new AppError('invalid', 'theme_label_too_long', `A theme label has at most ${maxLabelLength} characters.`, { details: { field: 'label', max: maxLabelLength } });
	}
	return trimmed;
}

/** Runs a change to the themes of one item: access, item check and audit in one transaction. */
async function change<T>(
	deps: Deps,
	actor: Actor,
	target: { study: number | string; itemId: string },
	action: string,
	work: (trx: Db, theme: (key: string) => ThemeRef, access: StudyAccess) => Promise<{ result: T; details: Record<string, unknown> }>
): Promise<T> {
	return inTransaction(deps.db, async (trx) => {
		const access = await manageableStudy(trx, actor, target.study, deps.now());
		const studyId = access.study.id;
		if (!(await studyOpenItems(trx, studyId, actor.locale)).has(target.itemId)) {
			throw new AppError('not_found', 'theme_item_not_found', `Study ${studyId} has no open-text item ${target.itemId}.`, { details: { field: 'item' } });
		}
		const theme = (key: string): ThemeRef => ({ studyId, itemId: target.itemId, key });
		const { result, details } = await work(trx, theme, access);
		await insertAuditEvent(trx, { actorUserId: actor.id, action, targetType: 'study', targetId: studyId, details: { itemId: target.itemId, ...details } });
		return result;
	});
}

async function requireManualTheme(trx: Db, theme: ThemeRef): Promise<void> {
	if (!theme.key.startsWith('#')) return;
	const decisions = await listThemeDecisions(trx, theme.studyId, [theme.itemId]);
	if (!decisions.some((decision) => decision.key === theme.key && decision.manual)) {
		throw new AppError('not_found', 'theme_not_found', `No theme ${theme.key} of item ${theme.itemId} in study ${theme.studyId}.`, { details: { field: 'key' } });
	}
}

/** Renames a theme; an empty label gives an automatic theme its own label back. */
export async function renameTheme(deps: Deps, actor: Actor, input: ThemeTarget & { label: string }): Promise<void> {
	const key = checkKey(input.key, 'key');
	await change(deps, actor, input, 'text_theme.rename', async (trx, theme) => {
		const label = checkLabel(input.label, key.startsWith('#'));
		await requireManualTheme(trx, theme(key));
		await saveThemeDecision(trx, theme(key), { label }, actor.id, deps.now());
		return { result: undefined, details: { key, label } };
	});
}

/** Merges theme `key` into `into`: its answers count for `into` from now on. */
export async function mergeThemes(deps: Deps, actor: Actor, input: ThemeTarget & { into: string }): Promise<void> {
	const key = checkKey(input.key, 'key');
	const into = checkKey(input.into, 'into');
	if (key === into) throw new AppError('invalid', 'theme_merge_self', `Theme ${key} cannot be merged into itself.`, { details: { field: 'into' } });
	await change(deps, actor, input, 'text_theme.merge', async (trx, theme) => {
		await requireManualTheme(trx, theme(key));
		await requireManualTheme(trx, theme(into));
		const decisions = await listThemeDecisions(trx, theme(key).studyId, [input.itemId]);
		if (resolveMerge(into, overridesOf(input.itemId, decisions, []).merges) === key) {
			throw new AppError('conflict', 'theme_merge_cycle', `Theme ${into} is already merged into ${key}.`, { details: { field: 'into' } });
		}
		await saveThemeDecision(trx, theme(key), { mergedInto: into }, actor.id, deps.now());
		return { result: undefined, details: { key, into } };
	});
}

export async function unmergeTheme(deps: Deps, actor: Actor, input: ThemeTarget): Promise<void> {
	const key = checkKey(input.key, 'key');
	await change(deps, actor, input, 'text_theme.unmerge', async (trx, theme) => {
		await saveThemeDecision(trx, theme(key), { mergedInto: null }, actor.id, deps.now());
		return { result: undefined, details: { key } };
	});
}

/** '#' and the label as a slug: '#aukioloajat-viikonloppuisin'. */
function manualKey(label: string): string {
	const slug = normalise(label)
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return `#${slug === '' ? 'theme' : slug}`;
}

/** Makes a theme by hand; returns its key. */
export async function createTheme(deps: Deps, actor: Actor, input: { study: number | string; itemId: string; label: string }): Promise<string> {
	const label = checkLabel(input.label, true)!;
	return change(deps, actor, input, 'text_theme.create', async (trx, theme) => {
		const base = manualKey(label);
		for (let attempt = 1; attempt <= 100; attempt += 1) {
			const key = attempt === 1 ? base : `${base}-${attempt}`;
			if (await insertManualTheme(trx, theme(key), label, actor.id)) return { result: key, details: { key, label } };
		}
		throw new AppError('conflict', 'theme_label_taken', `Too many themes labelled ${JSON.stringify(label)}.`, { details: { field: 'label' } });
	});
}

/** Deletes a theme made by hand with its tags; themes merged into it stand on their own again. */
export async function deleteManualTheme(deps: Deps, actor: Actor, input: ThemeTarget): Promise<void> {
	const key = checkKey(input.key, 'key');
	if (!key.startsWith('#')) throw new AppError('invalid', 'theme_not_manual', `Theme ${key} was not made by hand.`, { details: { field: 'key' } });
	await change(deps, actor, input, 'text_theme.delete', async (trx, theme) => {
		await requireManualTheme(trx, theme(key));
		await deleteTheme(trx, theme(key));
		return { result: undefined, details: { key } };
	});
}

/**
 * Sets theme `key` on the answers the coordinator was shown: those in `tagged` get the tag, the
 * rest of `shown` lose it. Refused in a confidential study.
 */
export async function tagAnswers(
	deps: Deps,
	actor: Actor,
	input: ThemeTarget & { shown: readonly number[]; tagged: readonly number[] }
): Promise<{ added: number; removed: number }> {
	const key = checkKey(input.key, 'key');
	if (input.shown.length > answersPerPage * 4 || input.tagged.some((id) => !input.shown.includes(id))) {
		throw new AppError('invalid', 'theme_tags_invalid', 'Tagged answers must be among the answers shown.');
	}
	return change(deps, actor, input, 'text_theme.tag', async (trx, theme, access) => {
		if (access.study.confidential) {
			throw new AppError('conflict', 'theme_tagging_confidential', `Study ${access.study.id} is confidential: answers are not tagged one by one.`);
		}
		await requireManualTheme(trx, theme(key));
		await saveThemeDecision(trx, theme(key), {}, actor.id, deps.now());
		const counts = await replaceThemeTags(trx, theme(key), input.shown, input.tagged, actor.id, themeLibraries(actor, access));
		return { result: counts, details: { key, ...counts } };
	});
}
