import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { RawFormData } from '#lib/core/instrument/raw-form.ts';
import { newItem } from '#lib/core/instrument/test-builders.ts';
import { saveThemeDecision } from '#lib/server/db/text-themes.ts';
import { newCollectionFixture, testSurvey, type CollectionFixture } from '../../../../test/collection-builders.ts';
import { describeDb } from '../../../../test/db.ts';
import { submitResponse } from '../collection/submit-response.ts';
import { loadOpenText, type OpenTextInput } from './open-text.ts';

/** Feedback as a library gets it: three themes, one answer with a phone number. */
const feedback: [text: string, age: string][] = [
	['Henkilökunta oli todella ystävällistä!', '15-29'],
	['Ystävällinen henkilökunta, kiitos.', '45-64'],
	['Minua neuvottiin ystävällisesti ja nopeasti.', '45-64'],
	['Aukioloajat voisivat olla pidemmät iltaisin.', '15-29'],
	['Aukioloaikoja pitäisi pidentää viikonloppuisin.', '30-44'],
	['Lisää aukioloaikoja lauantaisin, kiitos', '45-64'],
	['Lainaaminen automaatilla oli hankalaa.', '45-64'],
	['Lainausautomaatti ei toiminut, lainaaminen automaatilla vaikeaa', '30-44'],
	['Automaatit eivät aina toimi.', '45-64'],
	['Soittakaa minulle 040 123 4567, henkilökunta oli ystävällistä', '45-64']
];

describeDb('open-text sections of a report', (env) => {
	let fixture: CollectionFixture;
	let confidential: CollectionFixture;
	const survey = () => ({ ...testSurvey(), sections: [{ ...testSurvey().sections[0]!, items: [...testSurvey().sections[0]!.items, newItem.shortText('wish')] }] });
	const submit = (target: CollectionFixture, values: RawFormData) =>
		submitResponse(env(), { collector: { id: target.collectorId }, submissionId: randomUUID(), values: { 'q.service': '4', ...values }, language: 'fi' });
	const input = (target: CollectionFixture, changes: Partial<OpenTextInput> = {}): OpenTextInput => ({
		studyId: target.studyId,
		roundId: target.roundId,
		libraryIds: [target.tree.libraryId],
		channel: null,
		language: null,
		segment: null,
		itemIds: null,
		locale: 'fi',
		minGroupSize: 5,
		...changes
	});

	beforeAll(async () => {
		fixture = await newCollectionFixture(env(), { definition: survey() });
		confidential = await newCollectionFixture(env(), { definition: survey(), confidential: true });
		for (const [text, age] of feedback) {
			await submit(fixture, { 'q.comment': text, 'q.age': age, 'q.channels': 'other', 'q.channels.other': 'Ystävällinen henkilökunta' });
			await submit(confidential, { 'q.comment': text, 'q.age': age });
		}
	});

	it('gives each open-text item its TOP-3 themes with counts and masked quotes', async () => {
		const sections = await loadOpenText(env(), input(fixture));
		expect(sections.map((section) => [section.itemId, section.answers, section.suppressed])).toEqual([
			['comment', 10, undefined],
			['wish', 0, 'empty']
		]);
		const comment = sections[0]!;
		expect(comment.text).toBe('Kerro');
		expect(comment.themes.map(({ label, count }) => [label, count])).toEqual([
			['Ystävällinen henkilökunta', 4],
			['Aukioloaikoja', 3],
			['Lainaaminen automaatilla', 3]
		]);
		const quotes = (await loadOpenText(env(), input(fixture, { itemIds: ['comment'] })))[0]!.themes.flatMap((theme) => theme.quotes);
		expect(quotes.join(' ')).not.toMatch(/040|4567/);
	});

	it('filters by segment and suppresses a group under the minimum size', async () => {
		const older = await loadOpenText(env(), input(fixture, { itemIds: ['comment'], segment: { key: 'age_band', values: ['45-64'] } }));
		expect(older[0]).toMatchObject({ answers: 6 });
		const young = await loadOpenText(env(), input(fixture, { itemIds: ['comment'], segment: { key: 'age_band', values: ['15-29'] } }));
		expect(young).toEqual([{ itemId: 'comment', text: 'Kerro', answers: 0, themes: [], suppressed: 'small' }]);
		const nobody = await loadOpenText(env(), input(fixture, { itemIds: ['comment'], libraryIds: [fixture.tree.outsideLibraryId] }));
		expect(nobody[0]).toMatchObject({ answers: 0, themes: [], suppressed: 'empty' });
		expect(await loadOpenText(env(), input(fixture, { itemIds: ['service', 'channels'] }))).toEqual([]);
	});

	it('applies the coordinators’ renames and merges', async () => {
		const [first] = await loadOpenText(env(), input(fixture, { itemIds: ['comment'] }));
		const [friendly, hours, machines] = first!.themes;
		const theme = (key: string) => ({ studyId: fixture.studyId, itemId: 'comment', key });
		await saveThemeDecision(env().db, theme(hours!.key), { label: 'Aukioloajat' }, null, env().now());
		await saveThemeDecision(env().db, theme(machines!.key), { mergedInto: friendly!.key }, null, env().now());
		const [after] = await loadOpenText(env(), input(fixture, { itemIds: ['comment'] }));
		expect(after!.themes.map(({ key, label, count }) => [key, label, count])).toEqual([
			[friendly!.key, 'Ystävällinen henkilökunta', 7],
			[hours!.key, 'Aukioloajat', 3]
		]);
	});

	it('in a confidential study shows quotes only of themes that hold the minimum group size', async () => {
		const [section] = await loadOpenText(env(), input(confidential, { itemIds: ['comment'], minGroupSize: 4 }));
		expect(section!.themes.map(({ count, quotes }) => [count, quotes.length])).toEqual([
			[4, 3],
			[3, 0],
			[3, 0]
		]);
	});

	it('finds the themes again when new answers arrive, and not before', async () => {
		const fresh = await newCollectionFixture(env(), { definition: survey() });
		for (const [text, age] of feedback.slice(0, 6)) await submit(fresh, { 'q.comment': text, 'q.age': age });
		const counts = async () => (await loadOpenText(env(), input(fresh, { itemIds: ['comment'] })))[0]!.themes.map((theme) => [theme.label, theme.count]);
		const before = await counts();
		expect(await counts()).toEqual(before);
		await submit(fresh, { 'q.comment': 'Aukioloajat ovat liian lyhyet.', 'q.age': '15-29' });
		const after = await counts();
		expect(after).not.toEqual(before);
		expect(after.find(([label]) => String(label).startsWith('Aukiolo'))?.[1]).toBe(Number(before.find(([label]) => String(label).startsWith('Aukiolo'))?.[1] ?? 0) + 1);
	});

	it('refuses a round of another study', async () => {
		await expect(loadOpenText(env(), input(fixture, { roundId: confidential.roundId }))).rejects.toMatchObject({ code: 'round_not_found' });
	});
});
