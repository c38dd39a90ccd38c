import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { Actor } from '#lib/core/permissions.ts';
import { newCollectionFixture, type CollectionFixture } from '../../../../test/collection-builders.ts';
import { describeDb } from '../../../../test/db.ts';
import { newActor } from '../../../../test/org-builders.ts';
import { createCollector } from '../collection/create-collector.ts';
import { submitResponse } from '../collection/submit-response.ts';
import { createTheme, deleteManualTheme, mergeThemes, renameTheme, tagAnswers, unmergeTheme, viewThemes, type ThemesPageQuery } from './manage-themes.ts';

const texts = [
	'Henkilökunta oli todella ystävällistä!',
	'Ystävällinen henkilökunta, kiitos.',
	'Minua neuvottiin ystävällisesti ja nopeasti.',
	'Aukioloajat voisivat olla pidemmät iltaisin.',
	'Aukioloaikoja pitäisi pidentää viikonloppuisin.',
	'Lisää aukioloaikoja lauantaisin, kiitos',
	'Enemmän uusia lehtiä ja kirjoja.',
	'Kirjoja saisi olla enemmän. Mail: liisa@example.fi'
];

describeDb('the coordinator’s themes page', (env) => {
	let fixture: CollectionFixture;
	let coordinator: Actor;
	let director: Actor;
	const responseIds: number[] = [];
	const query = (changes: Partial<ThemesPageQuery> = {}): ThemesPageQuery => ({
		round: null,
		item: null,
		tagTheme: null,
		search: '',
		before: null,
		locale: 'fi',
		...changes
	});
	const studyKey = async () => (await env().db.selectFrom('study').select('key').where('id', '=', fixture.studyId).executeTakeFirstOrThrow()).key;
	const audit = (action: string) =>
		env().db.selectFrom('auditEvent').select(['actorUserId', 'targetId', 'details']).where('action', '=', action).orderBy('id', 'desc').executeTakeFirst();

	beforeAll(async () => {
		fixture = await newCollectionFixture(env());
		coordinator = await newActor(env().db, [{ role: 'coordinator', scopeType: 'network', scopeId: fixture.tree.networkId }]);
		director = await newActor(env().db, [{ role: 'director', scopeType: 'municipality', scopeId: fixture.tree.municipalityId }]);
		for (const text of texts) {
			const { responseId } = await submitResponse(env(), {
				collector: { id: fixture.collectorId },
				submissionId: randomUUID(),
				values: { 'q.service': '4', 'q.comment': text },
				language: 'fi'
			});
			responseIds.push(responseId);
		}
	});

	it('shows the themes of the open item with masked quotes and key phrases, to coordinators only', async () => {
		const page = await viewThemes(env(), coordinator, await studyKey(), query());
		expect(page.item).toEqual({ id: 'comment', text: 'Kerro' });
		expect(page.items).toEqual([{ id: 'comment', text: 'Kerro' }]);
		expect([page.respondents, page.answers, page.suppressed, page.minGroupSize]).toEqual([8, 8, null, 5]);
		// Equal counts: the keys decide ('aukioloaj' before 'ystäväl'). "Enemmän" is a stop word, so
		// "… lehtiä ja kirjoja" and "Kirjoja saisi olla enemmän" meet on "kirjoja".
		expect(page.themes.slice(0, 3).map(({ label, count }) => [label, count])).toEqual([
			['Aukioloaikoja', 3],
			['Ystävällinen henkilökunta', 3],
			['Kirjoja', 2]
		]);
		expect(page.themes.flatMap((theme) => theme.quotes)).toContain('Kirjoja saisi olla enemmän. Mail: [sähköposti]');
		expect(page.keyPhrases[0]).toMatchObject({ count: 3 });
		await expect(viewThemes(env(), director, await studyKey(), query())).rejects.toMatchObject({ kind: 'forbidden' });
	});

	it('renames, merges and unmerges, auditing each change', async () => {
		const before = await viewThemes(env(), coordinator, await studyKey(), query());
		const friendly = before.themes.find((theme) => theme.label === 'Ystävällinen henkilökunta');
		const hours = before.themes.find((theme) => theme.label === 'Aukioloaikoja');
		const target = { study: fixture.studyId, itemId: 'comment' };

		await renameTheme(env(), coordinator, { ...target, key: hours!.key, label: '  Aukioloajat   ja   päivät ' });
		expect(await audit('text_theme.rename')).toMatchObject({
			actorUserId: coordinator.id,
			targetId: String(fixture.studyId),
			details: { itemId: 'comment', key: hours!.key, label: 'Aukioloajat ja päivät' }
		});
		await mergeThemes(env(), coordinator, { ...target, key: hours!.key, into: friendly!.key });
		let page = await viewThemes(env(), coordinator, await studyKey(), query());
		expect(page.themes[0]).toMatchObject({ key: friendly!.key, count: 6 });
		expect(page.merged).toEqual([{ key: hours!.key, label: 'Aukioloajat ja päivät', into: friendly!.key, intoLabel: 'Ystävällinen henkilökunta' }]);

		await expect(mergeThemes(env(), coordinator, { ...target, key: friendly!.key, into: hours!.key })).rejects.toMatchObject({ code: 'theme_merge_cycle' });
		await expect(mergeThemes(env(), coordinator, { ...target, key: friendly!.key, into: friendly!.key })).rejects.toMatchObject({ code: 'theme_merge_self' });
		await expect(renameTheme(env(), coordinator, { ...target, key: friendly!.key, label: 'x'.repeat(201) })).rejects.toMatchObject({ code: 'theme_label_too_long' });
		await expect(renameTheme(env(), coordinator, { ...target, itemId: 'service', key: friendly!.key, label: 'X' })).rejects.toMatchObject({ code: 'theme_item_not_found' });
		await expect(renameTheme(env(), director, { ...target, key: friendly!.key, label: 'X' })).rejects.toMatchObject({ kind: 'forbidden' });

		await unmergeTheme(env(), coordinator, { ...target, key: hours!.key });
		await renameTheme(env(), coordinator, { ...target, key: hours!.key, label: '' });
		page = await viewThemes(env(), coordinator, await studyKey(), query());
		expect(page.merged).toEqual([]);
		expect(page.themes.slice(0, 2).map(({ label, count }) => [label, count])).toEqual([
			['Aukioloaikoja', 3],
			['Ystävällinen henkilökunta', 3]
		]);
		expect(await audit('text_theme.unmerge')).toMatchObject({ details: { key: hours!.key } });
	});

	it('makes a theme by hand, tags answers into it from a list of masked answers, and deletes it', async () => {
		const target = { study: fixture.studyId, itemId: 'comment' };
		const key = await createTheme(env(), coordinator, { ...target, label: 'Kokoelmat ja lehdet' });
		expect(key).toBe('#kokoelmat-ja-lehdet');
		expect(await createTheme(env(), coordinator, { ...target, label: 'Kokoelmat ja lehdet' })).toBe('#kokoelmat-ja-lehdet-2');
		await expect(createTheme(env(), coordinator, { ...target, label: '   ' })).rejects.toMatchObject({ code: 'theme_label_required', details: { field: 'label' } });

		let page = await viewThemes(env(), coordinator, await studyKey(), query({ tagTheme: key }));
		expect(page.manual.map((theme) => theme.label)).toEqual(['Kokoelmat ja lehdet', 'Kokoelmat ja lehdet']);
		expect(page.tagging?.theme).toEqual({ key, label: 'Kokoelmat ja lehdet' });
		expect(page.tagging?.answers.map((answer) => answer.text)).toContain('Kirjoja saisi olla enemmän. Mail: [sähköposti]');
		const shown = page.tagging!.answers.map((answer) => answer.responseId);

		expect(await tagAnswers(env(), coordinator, { ...target, key, shown, tagged: [responseIds[6]!, responseIds[7]!, responseIds[0]!] })).toEqual({ added: 3, removed: 0 });
		expect(await tagAnswers(env(), coordinator, { ...target, key, shown, tagged: [responseIds[6]!, responseIds[7]!] })).toEqual({ added: 0, removed: 1 });
		page = await viewThemes(env(), coordinator, await studyKey(), query({ tagTheme: key, search: 'kirjoja' }));
		expect(page.themes.find((theme) => theme.key === key)).toMatchObject({ label: 'Kokoelmat ja lehdet', count: 2, manual: true });
		expect(page.tagging?.answers.map((answer) => [answer.responseId, answer.tagged])).toEqual([
			[responseIds[7], true],
			[responseIds[6], true]
		]);
		await expect(tagAnswers(env(), coordinator, { ...target, key, shown: [1], tagged: [2] })).rejects.toMatchObject({ code: 'theme_tags_invalid' });
		await expect(tagAnswers(env(), coordinator, { ...target, key: '#nothing', shown, tagged: [] })).rejects.toMatchObject({ code: 'theme_not_found' });
		expect(await audit('text_theme.tag')).toMatchObject({ details: { key, added: 0, removed: 1 } });

		await deleteManualTheme(env(), coordinator, { ...target, key });
		page = await viewThemes(env(), coordinator, await studyKey(), query());
		expect(page.themes.map((theme) => theme.key)).not.toContain(key);
		await expect(deleteManualTheme(env(), coordinator, { ...target, key: 'ystäväl' })).rejects.toMatchObject({ code: 'theme_not_manual' });
	});

	it('in a confidential study shows counts, quotes of themes over the minimum only, and no tagging', async () => {
		const secret = await newCollectionFixture(env(), { confidential: true });
		const extra = ['Ystävällistä palvelua aina.', 'Ystävällinen vastaanotto.', ...texts];
		for (const text of extra) {
			await submitResponse(env(), { collector: { id: secret.collectorId }, submissionId: randomUUID(), values: { 'q.service': '3', 'q.comment': text }, language: 'fi' });
		}
		const key = (await env().db.selectFrom('study').select('key').where('id', '=', secret.studyId).executeTakeFirstOrThrow()).key;
		const page = await viewThemes(env(), secret.admin, key, query({ tagTheme: 'ystäväl' }));
		expect(page.taggingAllowed).toBe(false);
		expect(page.tagging).toBeNull();
		expect(page.themes.slice(0, 2).map(({ count, quotes }) => [count, quotes.length])).toEqual([
			[5, 3],
			[3, 0]
		]);
		await expect(tagAnswers(env(), secret.admin, { study: secret.studyId, itemId: 'comment', key: 'ystäväl', shown: [], tagged: [] })).rejects.toMatchObject({
			code: 'theme_tagging_confidential'
		});
	});

	it('shows a coordinator of one of two networks the answers of their own libraries, and tags only those', async () => {
		const shared = await newCollectionFixture(env());
		const { db } = env();
		// A second network with the fixture's outside library joins the study.
		const other = await db.insertInto('network').values({ key: `net-other-${shared.studyId}`, kind: 'consortium', nameFi: 'Toinen verkko' }).returning('id').executeTakeFirstOrThrow();
		await db.insertInto('networkLibrary').values({ networkId: other.id, libraryId: shared.tree.outsideLibraryId, validFrom: '2020-01-01' }).execute();
		await db.insertInto('studyScope').values({ studyId: shared.studyId, scopeType: 'network', scopeId: other.id }).execute();
		const otherCollector = await createCollector(env(), shared.admin, { studyId: shared.studyId, libraryId: shared.tree.outsideLibraryId, channel: 'web' });
		const send = async (collectorId: number, text: string) =>
			(await submitResponse(env(), { collector: { id: collectorId }, submissionId: randomUUID(), values: { 'q.service': '4', 'q.comment': text }, language: 'fi' })).responseId;
		const own = [];
		for (const text of texts.slice(0, 6)) own.push(await send(shared.collectorId, text));
		const foreign = [];
		for (const text of texts.slice(0, 6)) foreign.push(await send(otherCollector.id, `${text} Toisessa verkossa.`));

		const mine = await newActor(db, [{ role: 'coordinator', scopeType: 'network', scopeId: shared.tree.networkId }]);
		const key = (await db.selectFrom('study').select('key').where('id', '=', shared.studyId).executeTakeFirstOrThrow()).key;
		const page = await viewThemes(env(), mine, key, query({ tagTheme: 'ystäväl' }));
		expect([page.respondents, page.answers]).toEqual([6, 6]);
		expect(page.tagging?.answers.map((answer) => answer.responseId).sort()).toEqual([...own].sort());
		expect((await viewThemes(env(), shared.admin, key, query())).respondents).toBe(12);

		// Ticking an answer of the other network's library through a forged form changes nothing.
		const result = await tagAnswers(env(), mine, { study: shared.studyId, itemId: 'comment', key: 'ystäväl', shown: [own[0]!, foreign[0]!], tagged: [own[0]!, foreign[0]!] });
		expect(result).toEqual({ added: 1, removed: 0 });
	});

	it('suppresses a round with fewer respondents than the minimum group size', async () => {
		const small = await newCollectionFixture(env());
		for (const text of texts.slice(0, 3)) {
			await submitResponse(env(), { collector: { id: small.collectorId }, submissionId: randomUUID(), values: { 'q.service': '3', 'q.comment': text }, language: 'fi' });
		}
		const key = (await env().db.selectFrom('study').select('key').where('id', '=', small.studyId).executeTakeFirstOrThrow()).key;
		const page = await viewThemes(env(), small.admin, key, query());
		expect([page.respondents, page.suppressed, page.themes, page.keyPhrases]).toEqual([3, 'small', [], []]);
	});
});
