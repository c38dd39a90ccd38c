import { createHash } from 'node:crypto';
import { beforeEach, expect, it } from 'vitest';
import { newCollectionFixture, type CollectionFixture } from '../../../../test/collection-builders.ts';
import { describeDb } from '../../../../test/db.ts';
import { newActor } from '../../../../test/org-builders.ts';
import { randomUUID } from 'node:crypto';
import { submitResponse } from '../collection/submit-response.ts';
import { buildStudyReport } from './build-report.ts';
import { createReportLink, publicReport, resolveReportLink, revokeReportLink, viewReportLinks } from './report-links.ts';

const base = new Date('2026-06-01T09:00:00Z');

describeDb('public report links', (env) => {
	beforeEach(() => env().setNow(base));

	async function setup() {
		const fixture = await newCollectionFixture(env());
		const studyKey = (await env().db.selectFrom('study').select('key').where('id', '=', fixture.studyId).executeTakeFirstOrThrow()).key;
		const coordinator = await newActor(env().db, [{ role: 'coordinator', scopeType: 'network', scopeId: fixture.tree.networkId }]);
		return { fixture, studyKey, coordinator };
	}
	const libraryLink = (fixture: CollectionFixture, studyKey: string, extra: { expiresOn?: string; filter?: Record<string, string> } = {}) => ({
		studyKey,
		scope: { type: 'library', key: fixture.tree.libraryKey },
		filter: extra.filter ?? { round: 'r1', channel: 'web' },
		label: 'Hallituksen kokous',
		...(extra.expiresOn ? { expiresOn: extra.expiresOn } : {})
	});
	const auditActions = async (linkId: number) =>
		(await env().db.selectFrom('auditEvent').select('action').where('targetType', '=', 'report_link').where('targetId', '=', String(linkId)).orderBy('id').execute()).map(
			(row) => row.action
		);

	it('creates a link whose token only the creator sees: the database keeps its SHA-256, and the token opens the report', async () => {
		const { fixture, studyKey, coordinator } = await setup();
		const created = await createReportLink(env(), coordinator, libraryLink(fixture, studyKey));
		expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(created.path).toBe(`/r/${created.token}`);
		const row = await env().db.selectFrom('reportLink').selectAll().where('id', '=', created.link.id).executeTakeFirstOrThrow();
		expect(row.tokenHash).toBe(createHash('sha256').update(`report-link:${created.token}`).digest('hex'));
		expect(JSON.stringify(row)).not.toContain(created.token);
		expect(JSON.stringify(await env().db.selectFrom('auditEvent').selectAll().execute())).not.toContain(created.token);
		expect(await auditActions(created.link.id)).toEqual(['report_link.create']);

		expect(await resolveReportLink(env(), created.token)).toEqual({
			linkId: created.link.id,
			study: { id: fixture.studyId, key: studyKey, confidential: false },
			scope: { type: 'library', key: fixture.tree.libraryKey },
			filter: { round: 'r1', channel: 'web' }
		});
	});

	it('answers a revoked link, an unknown token and a malformed one with the same not-found', async () => {
		const { fixture, studyKey, coordinator } = await setup();
		const created = await createReportLink(env(), coordinator, libraryLink(fixture, studyKey));
		await revokeReportLink(env(), coordinator, studyKey, created.link.id);
		await revokeReportLink(env(), coordinator, studyKey, created.link.id);
		expect(await auditActions(created.link.id)).toEqual(['report_link.create', 'report_link.revoke']);
		const notFound = { kind: 'not_found', code: 'report_link_not_found' };
		await expect(resolveReportLink(env(), created.token)).rejects.toMatchObject(notFound);
		await expect(resolveReportLink(env(), 'A'.repeat(43))).rejects.toMatchObject(notFound);
		await expect(resolveReportLink(env(), 'not-a-token')).rejects.toMatchObject(notFound);
		const { links } = await viewReportLinks(env(), coordinator, studyKey, 'fi');
		expect(links.find((link) => link.id === created.link.id)).toMatchObject({ status: 'revoked', label: 'Hallituksen kokous', scope: { type: 'library', key: fixture.tree.libraryKey } });
	});

	it('works through its expiry day (Helsinki) and not a minute after', async () => {
		const { fixture, studyKey, coordinator } = await setup();
		const created = await createReportLink(env(), coordinator, libraryLink(fixture, studyKey, { expiresOn: '2026-06-03' }));
		// 3 June ends at midnight Helsinki summer time (UTC+3): 2026-06-03T21:00Z.
		expect(created.link.expiresAt).toEqual(new Date('2026-06-03T21:00:00Z'));
		env().setNow(new Date('2026-06-03T20:59:00Z'));
		await expect(resolveReportLink(env(), created.token)).resolves.toMatchObject({ linkId: created.link.id });
		env().setNow(new Date('2026-06-03T21:00:00Z'));
		await expect(resolveReportLink(env(), created.token)).rejects.toMatchObject({ code: 'report_link_not_found' });
		expect((await viewReportLinks(env(), coordinator, studyKey, 'fi')).links.find((link) => link.id === created.link.id)?.status).toBe('expired');
	});

	it('refuses an expiry day in the past, an unknown round and filters the report cannot combine', async () => {
		const { fixture, studyKey, coordinator } = await setup();
		await expect(createReportLink(env(), coordinator, libraryLink(fixture, studyKey, { expiresOn: '2026-05-31' }))).rejects.toMatchObject({
			code: 'invalid_input',
			details: { fields: { expiresOn: 'in_past' } }
		});
		await expect(createReportLink(env(), coordinator, libraryLink(fixture, studyKey, { filter: { round: 'r9' } }))).rejects.toMatchObject({
			details: { fields: { round: 'invalid_choice' } }
		});
		await expect(createReportLink(env(), coordinator, libraryLink(fixture, studyKey, { filter: { round: 'r1', segment: 'age_band:15-29', channel: 'web' } }))).rejects.toMatchObject({
			details: { fields: { channel: 'combination' } }
		});
		await expect(createReportLink(env(), coordinator, { ...libraryLink(fixture, studyKey), scope: { type: 'library', key: 'no-such-library' } })).rejects.toMatchObject({
			details: { fields: { scope: 'not_in_study' } }
		});
		expect(await env().db.selectFrom('reportLink').select('id').where('studyId', '=', fixture.studyId).execute()).toEqual([]);
	});

	it('lets only those who manage the unit’s reports create, list and revoke links', async () => {
		const { fixture, studyKey, coordinator } = await setup();
		const created = await createReportLink(env(), coordinator, libraryLink(fixture, studyKey));
		const director = await newActor(env().db, [{ role: 'director', scopeType: 'municipality', scopeId: fixture.tree.municipalityId }]);
		const staff = await newActor(env().db, [{ role: 'staff', scopeType: 'library', scopeId: fixture.tree.libraryId }]);
		for (const actor of [director, staff]) {
			await expect(createReportLink(env(), actor, libraryLink(fixture, studyKey))).rejects.toMatchObject({ kind: 'forbidden' });
			await expect(viewReportLinks(env(), actor, studyKey, 'fi')).rejects.toMatchObject({ kind: 'forbidden' });
			await expect(revokeReportLink(env(), actor, studyKey, created.link.id)).rejects.toMatchObject({ kind: 'forbidden' });
		}
		const view = await viewReportLinks(env(), coordinator, studyKey, 'fi');
		expect(view.choices.units.map((unit) => `${unit.type}:${unit.key}`)).toEqual([
			`network:${fixture.tree.networkKey}`,
			`municipality:${fixture.tree.municipalityKey}`,
			`library:${fixture.tree.libraryKey}`
		]);
		expect(view.links.map((link) => [link.id, link.status])).toEqual([[created.link.id, 'live']]);
		// Customer groups: the instrument's segment values and the report's derived groups (default
		// settings: 45+ and under 45); run-time options (libraries) are left out.
		expect(view.choices.segments).toEqual([
			{
				key: 'age_band',
				label: 'Kysymys age',
				groups: [
					...['15-29', '30-44', '45-64'].map((key) => ({ key, label: key, derived: false })),
					{ key: '45-plus', label: '45 vuotta tai yli', derived: true },
					{ key: 'under-45', label: 'alle 45 vuotta', derived: true }
				]
			}
		]);
		await expect(resolveReportLink(env(), created.token)).resolves.toMatchObject({ linkId: created.link.id });
	});

	it('shows the same report as the report pages, without quotes when the study is confidential', async () => {
		for (const confidential of [false, true]) {
			const fixture = await newCollectionFixture(env(), { confidential });
			const studyKey = (await env().db.selectFrom('study').select('key').where('id', '=', fixture.studyId).executeTakeFirstOrThrow()).key;
			const coordinator = await newActor(env().db, [{ role: 'coordinator', scopeType: 'network', scopeId: fixture.tree.networkId }]);
			for (let i = 0; i < 8; i += 1) {
				const values = { 'q.service': String(1 + (i % 5)), 'q.age': i % 2 ? '15-29' : '45-64', 'q.comment': 'Aukioloajat voisivat olla pidemmät, kiitos.' };
				await submitResponse(env(), { collector: { id: fixture.collectorId }, submissionId: randomUUID(), values, language: 'fi' });
			}
			const { token } = await createReportLink(env(), coordinator, { studyKey, scope: { type: 'library', key: fixture.tree.libraryKey }, filter: { round: 'r1' } });
			const shared = await publicReport(env(), token, 'en');
			const own = await buildStudyReport(env(), coordinator, { studyKey, scope: { type: 'library', key: fixture.tree.libraryKey }, filter: { round: 'r1' }, locale: 'en' });
			const quotes = (model: typeof own) => model.openText.flatMap((section) => section.themes.flatMap((theme) => theme.quotes));
			if (confidential) {
				expect(quotes(shared)).toEqual([]);
				expect({ ...shared, openText: [] }).toEqual({ ...own, openText: [] });
				expect(shared.openText.map((section) => section.answers)).toEqual(own.openText.map((section) => section.answers));
			} else {
				expect(shared).toEqual(own);
				expect(quotes(shared).length).toBeGreaterThan(0);
			}
			await revokeReportLink(env(), coordinator, studyKey, (await resolveReportLink(env(), token)).linkId);
			await expect(publicReport(env(), token, 'en')).rejects.toMatchObject({ code: 'report_link_not_found' });
		}
	});
});
