import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { RawFormData } from '#lib/core/instrument/raw-form.ts';
import { submitResponse } from '#lib/server/services/collection/submit-response.ts';
import { deleteResponse } from './responses.ts';
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
	type TextFilter
} from './text-themes.ts';
import { newCollectionFixture, testSurvey, type CollectionFixture } from '../../../test/collection-builders.ts';
import { describeDb } from '../../../test/db.ts';

describeDb('open-text answers and theme decisions', (env) => {
	let fixture: CollectionFixture;
	const ids: number[] = [];
	const submit = async (values: RawFormData, language: 'fi' | 'sv' = 'fi') => {
		const { responseId } = await submitResponse(env(), { collector: { id: fixture.collectorId }, submissionId: randomUUID(), values: { 'q.service': '4', ...values }, language });
		ids.push(responseId);
		return responseId;
	};
	const filter = (changes: Partial<TextFilter> = {}): TextFilter => ({
		studyId: fixture.studyId,
		roundId: fixture.roundId,
		libraryIds: null,
		channel: null,
		language: null,
		segment: null,
		...changes
	});

	beforeAll(async () => {
		fixture = await newCollectionFixture(env(), { definition: { ...testSurvey(), languages: ['fi', 'sv', 'en'] } });
		await submit({ 'q.comment': 'Ystävällinen henkilökunta', 'q.age': '15-29' });
		await submit({ 'q.comment': 'Aukioloajat 100% paremmiksi_nyt', 'q.age': '45-64', 'q.channels': 'other', 'q.channels.other': 'Muu kanava' });
		await submit({ 'q.comment': '   ', 'q.age': '45-64' });
		await submit({ 'q.comment': 'Personalen var vänlig', 'q.age': '30-44' }, 'sv');
		await submit({ 'q.age': '15-29' });
	});

	it('counts the respondents in a filter: segment values, language, libraries', async () => {
		expect(await countFilteredResponses(env().db, filter())).toBe(5);
		expect(await countFilteredResponses(env().db, filter(), 3)).toBe(3);
		expect(await countFilteredResponses(env().db, filter(), 9)).toBe(5);
		expect(await countFilteredResponses(env().db, filter({ segment: { key: 'age_band', values: ['15-29', '30-44'] } }))).toBe(3);
		expect(await countFilteredResponses(env().db, filter({ segment: { key: 'age_band', values: [] } }))).toBe(0);
		expect(await countFilteredResponses(env().db, filter({ language: 'sv' }))).toBe(1);
		expect(await countFilteredResponses(env().db, filter({ libraryIds: [fixture.tree.outsideLibraryId] }))).toBe(0);
		expect(await countFilteredResponses(env().db, filter({ libraryIds: [fixture.tree.libraryId], channel: 'web' }))).toBe(5);
	});

	it('reads the non-blank texts of open-text items, newest first, not the "other, what?" texts', async () => {
		const rows = await listOpenTextAnswers(env().db, filter(), ['comment', 'channels'], 100);
		expect(rows.map((row) => [row.itemId, row.text, row.language])).toEqual([
			['comment', 'Personalen var vänlig', 'sv'],
			['comment', 'Aukioloajat 100% paremmiksi_nyt', 'fi'],
			['comment', 'Ystävällinen henkilökunta', 'fi']
		]);
	});

	it('bounds the answers per item to the most recent', async () => {
		const rows = await listOpenTextAnswers(env().db, filter(), ['comment'], 2);
		expect(rows.map((row) => row.responseId)).toEqual([ids[3], ids[1]]);
		expect(await listOpenTextAnswers(env().db, filter({ segment: { key: 'age_band', values: ['15-29'] } }), ['comment'], 10)).toHaveLength(1);
	});

	it('records renames and merges, creating the row once', async () => {
		const theme = { studyId: fixture.studyId, itemId: 'comment', key: 'ystäväl' };
		await saveThemeDecision(env().db, theme, { label: 'Ystävällisyys' }, fixture.admin.id, env().now());
		await saveThemeDecision(env().db, theme, { mergedInto: 'henkilökun' }, fixture.admin.id, env().now());
		expect(await listThemeDecisions(env().db, fixture.studyId, ['comment'])).toEqual([
			{ itemId: 'comment', key: 'ystäväl', label: 'Ystävällisyys', mergedInto: 'henkilökun', manual: false }
		]);
		await saveThemeDecision(env().db, theme, { label: null, mergedInto: null }, fixture.admin.id, env().now());
		expect((await listThemeDecisions(env().db, fixture.studyId, ['comment']))[0]).toMatchObject({ label: null, mergedInto: null });
	});

	it('tags answers, untags those shown but unticked, and drops tags with the theme or the response', async () => {
		const theme = { studyId: fixture.studyId, itemId: 'comment', key: '#tila' };
		expect(await insertManualTheme(env().db, theme, 'Tilat', fixture.admin.id)).toBe(true);
		expect(await insertManualTheme(env().db, theme, 'Tilat', fixture.admin.id)).toBe(false);
		expect(await replaceThemeTags(env().db, theme, [ids[0]!, ids[1]!, ids[3]!], [ids[0]!, ids[1]!, ids[3]!], null)).toEqual({ added: 3, removed: 0 });
		expect(await replaceThemeTags(env().db, theme, [ids[0]!, ids[1]!], [ids[1]!], null)).toEqual({ added: 0, removed: 1 });
		expect((await listThemeTags(env().db, fixture.studyId, ['comment'])).map((tag) => tag.responseId)).toEqual([ids[1], ids[3]]);

		await deleteResponse(env().db, ids[3]!);
		expect((await listThemeTags(env().db, fixture.studyId, ['comment'])).map((tag) => tag.responseId)).toEqual([ids[1]]);

		await saveThemeDecision(env().db, { ...theme, key: 'aukioloaj' }, { mergedInto: '#tila' }, null, env().now());
		expect(await deleteTheme(env().db, theme)).toBe(true);
		expect(await listThemeTags(env().db, fixture.studyId, ['comment'])).toEqual([]);
		expect(await listThemeDecisions(env().db, fixture.studyId, ['comment'])).toContainEqual(expect.objectContaining({ key: 'aukioloaj', mergedInto: null }));
	});

	it('refuses a tag of a theme without a row and a response of another study', async () => {
		const other = await newCollectionFixture(env());
		const theme = { studyId: other.studyId, itemId: 'comment', key: 'nothing' };
		await expect(replaceThemeTags(env().db, theme, [ids[0]!], [ids[0]!], null)).resolves.toEqual({ added: 0, removed: 0 });
		await expect(
			env().db.insertInto('textThemeTag').values({ responseId: ids[0]!, studyId: fixture.studyId, itemId: 'comment', themeKey: 'missing' }).execute()
		).rejects.toThrow(/foreign key/);
	});

	it('lists answers to tag, newest first, searching a word literally', async () => {
		const page = await listTaggableAnswers(env().db, { studyId: fixture.studyId, roundId: fixture.roundId, libraryIds: null, itemId: 'comment', search: '', before: null, limit: 1 });
		expect(page.map((answer) => answer.text)).toEqual(['Aukioloajat 100% paremmiksi_nyt']);
		const next = await listTaggableAnswers(env().db, { studyId: fixture.studyId, roundId: fixture.roundId, libraryIds: [fixture.tree.libraryId], itemId: 'comment', search: '', before: page[0]!.responseId, limit: 5 });
		expect(next.map((answer) => answer.text)).toEqual(['Ystävällinen henkilökunta']);
		const search = (text: string) =>
			listTaggableAnswers(env().db, { studyId: fixture.studyId, roundId: fixture.roundId, libraryIds: null, itemId: 'comment', search: text, before: null, limit: 5 }).then((rows) =>
				rows.map((row) => row.text)
			);
		expect(await search('HENKILÖ')).toEqual(['Ystävällinen henkilökunta']);
		expect(await search('100%')).toEqual(['Aukioloajat 100% paremmiksi_nyt']);
		expect(await search('i_nyt')).toEqual(['Aukioloajat 100% paremmiksi_nyt']);
		expect(await search('%')).toEqual(['Aukioloajat 100% paremmiksi_nyt']);
		// Unescaped, '_' would match the 'i' of "Ystävällinen".
		expect(await search('l_n')).toEqual([]);
	});
});
