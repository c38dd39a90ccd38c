import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { newInstrument, newItem } from '#lib/core/instrument/test-builders.ts';
import { newOrgTree } from '../../../../test/account-builders.ts';
import { newCollectionFixture } from '../../../../test/collection-builders.ts';
import { describeDb } from '../../../../test/db.ts';
import { newActor, uniqueSuffix } from '../../../../test/org-builders.ts';
import { archiveStudy } from './archive-study.ts';
import { createCollector } from './create-collector.ts';
import { createLibraryCollectors } from './create-library-collectors.ts';
import { createRound } from './create-round.ts';
import { createStudy } from './create-study.ts';
import { listStudies } from './list-studies.ts';
import { openCollectorForRespondent } from './open-collector-for-respondent.ts';
import { publishInstrument } from './publish-instrument.ts';
import { saveInstrumentDraft } from './save-instrument-draft.ts';
import { submitResponse } from './submit-response.ts';
import { updateCollector } from './update-collector.ts';
import { updateRound } from './update-round.ts';
import { updateStudy } from './update-study.ts';
import { viewStudy } from './view-study.ts';

describeDb('studies, rounds and collectors', (env) => {
	it('lets a coordinator run studies in their network only, and shows the study to staff of its libraries', async () => {
		const fixture = await newCollectionFixture(env());
		const other = await newOrgTree(env().db);
		const coordinator = await newActor(env().db, [{ role: 'coordinator', scopeType: 'network', scopeId: fixture.tree.networkId }]);
		const staff = await newActor(env().db, [{ role: 'staff', scopeType: 'library', scopeId: fixture.tree.libraryId }]);
		const stranger = await newActor(env().db, [{ role: 'staff', scopeType: 'library', scopeId: fixture.tree.outsideLibraryId }]);
		const input = (scope: { type: 'network'; id: number }[]) => ({ key: `s-${uniqueSuffix()}`, name: { fi: 'Kysely' }, instrumentId: fixture.instrumentId, scope });
		await expect(createStudy(env(), coordinator, input([{ type: 'network', id: fixture.tree.networkId }]))).resolves.toBeTruthy();
		await expect(createStudy(env(), coordinator, input([{ type: 'network', id: fixture.tree.networkId }, { type: 'network', id: other.networkId }]))).rejects.toMatchObject({ kind: 'forbidden' });
		await expect(createStudy(env(), coordinator, input([{ type: 'network', id: 999_999 }]))).rejects.toMatchObject({ details: { fields: { scope: 'unknown_unit' } } });

		const seen = await viewStudy(env(), staff, fixture.studyId);
		expect(seen.permissions).toEqual({ manage: false, viewResponses: false, deleteResponses: false, enterResponses: true });
		expect(seen.libraries.map((library) => library.id)).toEqual([fixture.tree.libraryId]);
		expect(seen.collectors[0]?.path).toBe(`/s/${fixture.slug}`);
		await expect(viewStudy(env(), stranger, fixture.studyId)).rejects.toMatchObject({ kind: 'forbidden' });
		expect((await listStudies(env(), stranger)).some((study) => study.id === fixture.studyId)).toBe(false);
		expect((await listStudies(env(), staff)).find((study) => study.id === fixture.studyId)).toMatchObject({ canManage: false, rounds: [{ status: 'open' }] });
		await expect(updateStudy(env(), staff, fixture.studyId, { name: { fi: 'Uusi' } })).rejects.toMatchObject({ kind: 'forbidden' });
		expect((await viewStudy(env(), coordinator, fixture.studyId)).permissions.manage).toBe(true);
	});

	it('keeps a round on its instrument version once it has responses', async () => {
		const fixture = await newCollectionFixture(env());
		await saveInstrumentDraft(env(), fixture.admin, { instrumentId: fixture.instrumentId, definition: newInstrument([newItem.rating('service'), newItem.shortText('extra')]) });
		const v2 = await publishInstrument(env(), fixture.admin, fixture.instrumentId);
		if (!v2.ok) throw new Error('v2 should publish');
		const repinned = await updateRound(env(), fixture.admin, fixture.roundId, { instrumentVersionId: v2.version.id });
		expect(repinned.instrumentVersionId).toBe(v2.version.id);
		await submitResponse(env(), { collector: { id: fixture.collectorId }, submissionId: randomUUID(), values: { 'q.service': '3' }, language: 'fi' });
		await expect(updateRound(env(), fixture.admin, fixture.roundId, { instrumentVersionId: fixture.versionId })).rejects.toMatchObject({ code: 'round_has_responses' });
		await expect(updateRound(env(), fixture.admin, fixture.roundId, { name: { fi: 'Kevät' } })).resolves.toMatchObject({ name: { fi: 'Kevät' }, instrumentVersionId: v2.version.id });
	});

	it('refuses rounds that close before they open or pin an unpublished version', async () => {
		const fixture = await newCollectionFixture(env());
		const base = { studyId: fixture.studyId, name: { fi: 'K' } };
		await expect(createRound(env(), fixture.admin, { ...base, key: 'bad-dates', opensAt: '2026-06-02T00:00:00Z', closesAt: '2026-06-01T00:00:00Z' })).rejects.toMatchObject({
			details: { fields: { closesAt: 'closes_before_opens' } }
		});
		await saveInstrumentDraft(env(), fixture.admin, { instrumentId: fixture.instrumentId, definition: newInstrument([newItem.rating('service')]) });
		const draft = await env().db.selectFrom('instrumentVersion').select('id').where('instrumentId', '=', fixture.instrumentId).where('status', '=', 'draft').executeTakeFirstOrThrow();
		await expect(
			createRound(env(), fixture.admin, { ...base, key: 'draft', opensAt: '2026-07-01T00:00:00+03:00', closesAt: '2026-08-01T00:00:00+03:00', instrumentVersionId: draft.id })
		).rejects.toMatchObject({ details: { fields: { instrumentVersionId: 'not_published' } } });
		await expect(createRound(env(), fixture.admin, { ...base, key: 'r1', opensAt: '2026-07-01T00:00:00Z', closesAt: '2026-08-01T00:00:00Z' })).rejects.toMatchObject({
			details: { fields: { key: 'key_taken' } }
		});
	});

	it('keeps slugs unique per page mode: one slug can serve /s/, /k/ and /p/', async () => {
		const fixture = await newCollectionFixture(env());
		const slug = `same-${uniqueSuffix()}`;
		await updateCollector(env(), fixture.admin, fixture.collectorId, { slug });
		const kiosk = await createCollector(env(), fixture.admin, { studyId: fixture.studyId, libraryId: fixture.tree.libraryId, channel: 'kiosk', slug });
		expect(kiosk.mode).toBe('kiosk');
		await expect(createCollector(env(), fixture.admin, { studyId: fixture.studyId, libraryId: null, channel: 'qr', slug })).rejects.toMatchObject({
			kind: 'conflict',
			details: { fields: { slug: 'slug_taken' } }
		});
		expect((await openCollectorForRespondent(env(), { mode: 'survey', slug })).collector.id).toBe(fixture.collectorId);
		expect((await openCollectorForRespondent(env(), { mode: 'kiosk', slug })).collector.id).toBe(kiosk.id);
		await expect(createCollector(env(), fixture.admin, { studyId: fixture.studyId, libraryId: null, channel: 'paper', mode: 'kiosk' })).rejects.toMatchObject({
			details: { fields: { mode: 'invalid_choice' } }
		});
		await expect(createCollector(env(), fixture.admin, { studyId: fixture.studyId, libraryId: fixture.tree.outsideLibraryId, channel: 'web' })).rejects.toMatchObject({
			details: { fields: { libraryId: 'not_in_study' } }
		});
	});

	it('validates frame origins as https origins and kiosk settings within limits', async () => {
		const fixture = await newCollectionFixture(env(), { channel: 'kiosk' });
		const updated = await updateCollector(env(), fixture.admin, fixture.collectorId, {
			frameOrigins: ['https://Kirjasto.example.fi/', 'https://kirjasto.example.fi', ' '],
			settings: { tapGuardSeconds: 5 }
		});
		expect(updated.frameOrigins).toEqual(['https://kirjasto.example.fi']);
		const view = await openCollectorForRespondent(env(), { id: fixture.collectorId });
		expect(view.collector.settings).toEqual({ thankYouSeconds: 5, idleResetSeconds: 90, tapGuardSeconds: 5 });
		expect(view.collector.frameOrigins).toEqual(['https://kirjasto.example.fi']);
		await expect(updateCollector(env(), fixture.admin, fixture.collectorId, { frameOrigins: ['http://kirjasto.example.fi'] })).rejects.toMatchObject({
			details: { fields: { frameOrigins: 'not_https' } }
		});
		await expect(updateCollector(env(), fixture.admin, fixture.collectorId, { frameOrigins: ['https://kirjasto.example.fi/kysely'] })).rejects.toMatchObject({
			details: { fields: { frameOrigins: 'not_an_origin' } }
		});
		await expect(updateCollector(env(), fixture.admin, fixture.collectorId, { settings: { idleResetSeconds: 1 } })).rejects.toMatchObject({
			details: { fields: { 'settings.idleResetSeconds': 'out_of_range' } }
		});
	});

	it('makes one collector per library of the study, once', async () => {
		const fixture = await newCollectionFixture(env());
		const created = await createLibraryCollectors(env(), fixture.admin, { studyId: fixture.studyId, channel: 'qr' });
		expect(created.map((collector) => [collector.libraryId, collector.channel, collector.mode])).toEqual([[fixture.tree.libraryId, 'qr', 'survey']]);
		expect(await createLibraryCollectors(env(), fixture.admin, { studyId: fixture.studyId, channel: 'qr' })).toEqual([]);
	});

	it('hides archived collectors and studies from respondents', async () => {
		const fixture = await newCollectionFixture(env());
		await updateCollector(env(), fixture.admin, fixture.collectorId, { archived: true });
		await expect(openCollectorForRespondent(env(), { mode: 'survey', slug: fixture.slug })).rejects.toMatchObject({ code: 'collector_not_found' });
		await updateCollector(env(), fixture.admin, fixture.collectorId, { archived: false });
		await expect(openCollectorForRespondent(env(), { mode: 'survey', slug: fixture.slug })).resolves.toBeTruthy();
		await archiveStudy(env(), fixture.admin, fixture.studyId);
		await expect(openCollectorForRespondent(env(), { mode: 'survey', slug: fixture.slug })).rejects.toMatchObject({ code: 'collector_not_found' });
	});

	it('never makes a study with responses non-confidential again', async () => {
		const fixture = await newCollectionFixture(env(), { confidential: true });
		await expect(updateStudy(env(), fixture.admin, fixture.studyId, { confidential: false })).resolves.toMatchObject({ confidential: false });
		await updateStudy(env(), fixture.admin, fixture.studyId, { confidential: true });
		await submitResponse(env(), { collector: { id: fixture.collectorId }, submissionId: randomUUID(), values: { 'q.service': '2' }, language: 'fi' });
		await expect(updateStudy(env(), fixture.admin, fixture.studyId, { confidential: false })).rejects.toMatchObject({ code: 'confidential_locked' });
	});
});
