import { randomUUID } from 'node:crypto';
import { beforeEach, expect, it } from 'vitest';
import { defaultPrivacyNotice } from '#lib/core/collection/privacy-notice.ts';
import type { RawFormData } from '#lib/core/instrument/raw-form.ts';
import { newCollectionFixture, type CollectionFixture } from '../../../../test/collection-builders.ts';
import { describeDb } from '../../../../test/db.ts';
import { newActor } from '../../../../test/org-builders.ts';
import { countResponses } from './count-responses.ts';
import { deleteResponse } from './delete-response.ts';
import { getPrivacyNotice } from './get-privacy-notice.ts';
import { issueTokens } from './issue-tokens.ts';
import { listResponses } from './list-responses.ts';
import { openCollectorForRespondent } from './open-collector-for-respondent.ts';
import { responseRate } from './response-rate.ts';
import { resumeProgress } from './resume-progress.ts';
import { saveProgress } from './save-progress.ts';
import { setPrivacyNotice } from './set-privacy-notice.ts';
import { submitResponse } from './submit-response.ts';
import { viewResponse } from './view-response.ts';

const base = new Date('2026-06-01T09:00:00Z');
const day = 24 * 60 * 60 * 1000;
const values: RawFormData = { 'q.service': '5', 'q.age': '30-44', 'q.staff.friendly': '4', 'q.staff.expert': 'na', 'q.comment': 'Hyvä!' };

describeDb('responses, tokens, resume codes and privacy notices', (env) => {
	beforeEach(() => env().setNow(base));

	const submit = (fixture: CollectionFixture, extra: { token?: string; resumeCode?: string } = {}, answers: RawFormData = values) =>
		submitResponse(env(), { collector: { id: fixture.collectorId }, submissionId: randomUUID(), values: answers, language: 'fi', ...extra });

	it('counts responses per round, library and channel for everyone who sees the study', async () => {
		const fixture = await newCollectionFixture(env());
		await submit(fixture);
		await submit(fixture, {}, { 'q.service': '1' });
		const staff = await newActor(env().db, [{ role: 'staff', scopeType: 'library', scopeId: fixture.tree.libraryId }]);
		expect(await countResponses(env(), staff, fixture.studyId)).toEqual({
			rows: [{ roundId: fixture.roundId, libraryId: fixture.tree.libraryId, libraryKey: fixture.tree.libraryKey, libraryNameFi: expect.any(String), channel: 'web', count: 2, flagged: 0 }],
			total: 2
		});
	});

	it('shows one raw response to coordinators in its own words, and not to staff', async () => {
		const fixture = await newCollectionFixture(env());
		const { responseId } = await submit(fixture);
		const coordinator = await newActor(env().db, [{ role: 'coordinator', scopeType: 'network', scopeId: fixture.tree.networkId }]);
		const staff = await newActor(env().db, [{ role: 'staff', scopeType: 'library', scopeId: fixture.tree.libraryId }]);
		const list = await listResponses(env(), coordinator, { studyId: fixture.studyId });
		expect(list.map((row) => row.id)).toEqual([responseId]);
		const view = await viewResponse(env(), coordinator, responseId, 'en');
		expect(view.response).toMatchObject({ id: responseId, ageBand: '30-44', channel: 'web' });
		expect(view.items).toEqual([
			{ itemId: 'service', question: 'Väite service', lines: [{ value: '5 – Hyvä' }] },
			{ itemId: 'age', question: 'Kysymys age', lines: [{ value: '30-44' }] },
			{ itemId: 'staff', question: 'Matriisi staff', lines: [{ label: 'friendly', value: '4' }, { label: 'expert', value: "Don't know" }] },
			{ itemId: 'comment', question: 'Kerro', lines: [{ value: 'Hyvä!' }] }
		]);
		await expect(viewResponse(env(), staff, responseId, 'fi')).rejects.toMatchObject({ kind: 'forbidden' });
		await expect(listResponses(env(), staff, { studyId: fixture.studyId })).rejects.toMatchObject({ kind: 'forbidden' });
	});

	it('deletes a response for a coordinator, auditing only its id', async () => {
		const fixture = await newCollectionFixture(env());
		const { responseId } = await submit(fixture);
		const staff = await newActor(env().db, [{ role: 'staff', scopeType: 'library', scopeId: fixture.tree.libraryId }]);
		await expect(deleteResponse(env(), staff, responseId)).rejects.toMatchObject({ kind: 'forbidden' });
		await deleteResponse(env(), fixture.admin, responseId);
		expect(await env().db.selectFrom('response').select('id').where('id', '=', responseId).execute()).toEqual([]);
		expect(await env().db.selectFrom('answer').select('itemId').where('responseId', '=', responseId).execute()).toEqual([]);
		const audit = await env().db.selectFrom('auditEvent').selectAll().where('action', '=', 'response.delete').where('targetId', '=', String(responseId)).executeTakeFirstOrThrow();
		expect(audit).toMatchObject({ actorUserId: fixture.admin.id, targetType: 'response', details: {} });
		await expect(deleteResponse(env(), fixture.admin, responseId)).rejects.toMatchObject({ code: 'response_not_found' });
	});

	it('hides the raw responses of a confidential study from everyone, admins included, but still counts them', async () => {
		const fixture = await newCollectionFixture(env(), { confidential: true });
		const { responseId } = await submit(fixture);
		await expect(listResponses(env(), fixture.admin, { studyId: fixture.studyId })).rejects.toMatchObject({ code: 'study_confidential' });
		await expect(viewResponse(env(), fixture.admin, responseId, 'fi')).rejects.toMatchObject({ code: 'study_confidential' });
		await expect(deleteResponse(env(), fixture.admin, responseId)).rejects.toMatchObject({ code: 'study_confidential' });
		expect((await countResponses(env(), fixture.admin, fixture.studyId)).total).toBe(1);
	});

	it('accepts each token once, and answers the same for unknown tokens and tokens of another study', async () => {
		const fixture = await newCollectionFixture(env(), { usesTokens: true });
		const other = await newCollectionFixture(env(), { usesTokens: true });
		const { batch, tokens } = await issueTokens(env(), fixture.admin, { studyId: fixture.studyId, roundId: fixture.roundId, count: 3 });
		const foreign = (await issueTokens(env(), other.admin, { studyId: other.studyId, roundId: other.roundId, count: 1 })).tokens[0]!;
		expect(batch).toBe(1);
		expect(tokens).toHaveLength(3);
		expect(tokens[0]).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
		const stored = await env().db.selectFrom('responseToken').select('id').where('studyId', '=', fixture.studyId).execute();
		expect(stored.some((row) => tokens.some((token) => row.id.includes(token) || row.id.includes(token.replaceAll('-', ''))))).toBe(false);

		await expect(submit(fixture)).rejects.toMatchObject({ code: 'token_required' });
		const unknown = await submit(fixture, { token: 'AAAA-BBBB-CCCC' }).catch((error: unknown) => error);
		const fromOtherStudy = await submit(fixture, { token: foreign }).catch((error: unknown) => error);
		expect(unknown).toMatchObject({ code: 'token_invalid' });
		expect([(fromOtherStudy as Error).message, (fromOtherStudy as { code: string }).code]).toEqual([(unknown as Error).message, 'token_invalid']);

		await expect(submit(fixture, { token: tokens[0]!.toLowerCase().replaceAll('-', ' ') })).resolves.toMatchObject({ created: true });
		await expect(submit(fixture, { token: tokens[0]! })).rejects.toMatchObject({ code: 'token_used' });
		expect(await responseRate(env(), fixture.admin, { studyId: fixture.studyId, roundId: fixture.roundId })).toEqual({
			issued: 3,
			used: 1,
			rate: 1 / 3,
			batches: [{ batch: 1, issued: 3, used: 1 }]
		});
		const usedAt = await env().db.selectFrom('responseToken').select('usedAt').where('usedAt', 'is not', null).where('studyId', '=', fixture.studyId).executeTakeFirstOrThrow();
		expect(usedAt.usedAt?.toISOString()).toBe('2026-06-01T00:00:00.000Z');
	});

	it('uses a token once even when two different submissions race with it', async () => {
		const fixture = await newCollectionFixture(env(), { usesTokens: true });
		const [token] = (await issueTokens(env(), fixture.admin, { studyId: fixture.studyId, roundId: fixture.roundId, count: 1 })).tokens;
		const results = await Promise.allSettled([submit(fixture, { token: token! }), submit(fixture, { token: token! }), submit(fixture, { token: token! })]);
		expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
		expect(results.filter((result) => result.status === 'rejected').map((result) => (result as PromiseRejectedResult).reason.code)).toEqual(['token_used', 'token_used']);
	});

	it('saves progress under a resume code for 30 days and forgets it after the final submit', async () => {
		const fixture = await newCollectionFixture(env(), { closesInDays: 90 });
		const collector = { mode: 'survey' as const, slug: fixture.slug };
		const saved = await saveProgress(env(), { collector, values: { 'q.service': '3', 'q.staff.friendly': '2', submissionId: 'x', 'q.unknown': 'y' }, language: 'sv' });
		expect(saved.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
		expect(saved.expiresAt.getTime()).toBe(base.getTime() + 30 * day);
		const typed = saved.code.toLowerCase().replaceAll('-', ' ');
		expect(await resumeProgress(env(), { collector, code: typed })).toEqual({ values: { 'q.service': '3', 'q.staff.friendly': '2' }, language: 'sv', expiresAt: saved.expiresAt });
		const again = await saveProgress(env(), { collector, values: { 'q.service': '4' }, language: 'sv', code: saved.code });
		expect(again.code).toBe(saved.code);
		await expect(resumeProgress(env(), { collector, code: 'AAAA-BBBB-CCCC' })).rejects.toMatchObject({ code: 'resume_code_invalid' });
		env().setNow(new Date(base.getTime() + 31 * day));
		await expect(resumeProgress(env(), { collector, code: saved.code })).rejects.toMatchObject({ code: 'resume_code_invalid' });
		env().setNow(base);
		await submit(fixture, { resumeCode: saved.code });
		await expect(resumeProgress(env(), { collector, code: saved.code })).rejects.toMatchObject({ code: 'resume_code_invalid' });
	});

	it('shows the nearest privacy notice: library, municipality, network, global, built-in default', async () => {
		const fixture = await newCollectionFixture(env());
		const { tree, admin } = fixture;
		const notice = (name: string) => ({ controller: { fi: name }, purpose: { fi: 'p' }, retention: { fi: 'r' }, contact: { fi: 'c' } });
		const shown = async () => (await openCollectorForRespondent(env(), { id: fixture.collectorId })).privacyNotice;
		const hadGlobal = (await getPrivacyNotice(env(), admin, { type: 'global' })).own !== null;
		if (!hadGlobal) expect(await shown()).toEqual({ scope: 'default', ...defaultPrivacyNotice });
		await setPrivacyNotice(env(), admin, { type: 'global' }, notice('global'));
		expect((await shown()).controller.fi).toBe('global');
		await setPrivacyNotice(env(), admin, { type: 'network', id: tree.networkId }, notice('network'));
		expect((await shown()).controller.fi).toBe('network');
		await setPrivacyNotice(env(), admin, { type: 'municipality', id: tree.municipalityId }, notice('municipality'));
		expect((await shown()).controller.fi).toBe('municipality');
		await setPrivacyNotice(env(), admin, { type: 'library', id: tree.libraryId }, notice('library'));
		expect(await shown()).toEqual({ scope: { type: 'library', id: tree.libraryId }, ...notice('library') });
	});

	it('lets a coordinator write their network notice but not the global one', async () => {
		const fixture = await newCollectionFixture(env());
		const coordinator = await newActor(env().db, [{ role: 'coordinator', scopeType: 'network', scopeId: fixture.tree.networkId }]);
		const texts = { controller: { fi: 'Verkosto' }, purpose: { fi: 'p' }, retention: { fi: 'r' }, contact: { fi: 'c' } };
		await expect(setPrivacyNotice(env(), coordinator, { type: 'network', id: fixture.tree.networkId }, texts)).resolves.toMatchObject({ scopeType: 'network' });
		await expect(setPrivacyNotice(env(), coordinator, { type: 'global' }, texts)).rejects.toMatchObject({ kind: 'forbidden' });
		await expect(setPrivacyNotice(env(), coordinator, { type: 'network', id: fixture.tree.networkId }, { ...texts, purpose: { sv: 'bara svenska' } })).rejects.toMatchObject({
			details: { fields: { purpose: 'required' } }
		});
		const read = await getPrivacyNotice(env(), coordinator, { type: 'library', id: fixture.tree.libraryId });
		expect(read).toMatchObject({ own: null, effective: { controller: { fi: 'Verkosto' } }, canEdit: true });
	});
});
