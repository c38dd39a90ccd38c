import { expect, it } from 'vitest';
import { newInstrument, newItem } from '#lib/core/instrument/test-builders.ts';
import { customerServiceSurvey } from '#lib/core/instrument/templates/customer-service-survey.ts';
import { describeDb } from '../../../../test/db.ts';
import { newActor, newAdmin, uniqueSuffix } from '../../../../test/org-builders.ts';
import { createInstrument } from './create-instrument.ts';
import { getInstrumentVersion } from './get-instrument-version.ts';
import { listInstruments } from './list-instruments.ts';
import { publishInstrument } from './publish-instrument.ts';
import { saveInstrumentDraft } from './save-instrument-draft.ts';
import { startInstrumentDraft } from './start-instrument-draft.ts';
import { viewInstrument } from './view-instrument.ts';

describeDb('instruments', (env) => {
	it('creates an instrument from a template as a draft, publishes it and audits both', async () => {
		const admin = await newAdmin(env().db);
		const key = `cs-${uniqueSuffix()}`;
		const { instrument, draft } = await createInstrument(env(), admin, { key, name: { fi: 'Asiakaskysely' }, templateKey: 'customer-service-survey' });
		expect(instrument).toMatchObject({ key, kind: 'survey', templateKey: 'customer-service-survey' });
		expect(draft).toMatchObject({ version: 1, status: 'draft' });
		expect(draft.definition).toEqual(JSON.parse(JSON.stringify(customerServiceSurvey())));
		const published = await publishInstrument(env(), admin, instrument.id);
		expect(published).toMatchObject({ ok: true, version: { version: 1, status: 'published', publishedBy: admin.id } });
		const actions = await env().db.selectFrom('auditEvent').select('action').where('targetType', '=', 'instrument').where('targetId', '=', String(instrument.id)).orderBy('id').execute();
		expect(actions.map((row) => row.action)).toEqual(['instrument.create', 'instrument.publish']);
	});

	it('saves an unfinished draft with its issues and refuses to publish it', async () => {
		const admin = await newAdmin(env().db);
		const { instrument } = await createInstrument(env(), admin, { key: `blank-${uniqueSuffix()}`, name: { fi: 'Tyhjä' } });
		const unfinished = newInstrument([{ ...newItem.rating('r1'), text: { en: 'English only' } }]);
		const saved = await saveInstrumentDraft(env(), admin, { instrumentId: instrument.id, definition: unfinished });
		expect(saved.issues.map((issue) => [issue.code, issue.itemId])).toEqual([['missing_base_text', 'r1']]);
		const view = await viewInstrument(env(), admin, instrument.key);
		expect(view.draft?.definition).toEqual(JSON.parse(JSON.stringify(unfinished)));
		const result = await publishInstrument(env(), admin, instrument.id);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.issues[0]?.code).toBe('missing_base_text');
	});

	it('refuses to publish a blank instrument without questions', async () => {
		const admin = await newAdmin(env().db);
		const { instrument } = await createInstrument(env(), admin, { key: `blank-${uniqueSuffix()}`, name: { fi: 'Tyhjä' } });
		const result = await publishInstrument(env(), admin, instrument.id);
		expect(result.ok).toBe(false);
	});

	it('keeps published versions immutable: editing makes version 2 with the same item ids, and kinds of old ids cannot change', async () => {
		const admin = await newAdmin(env().db);
		const { instrument } = await createInstrument(env(), admin, { key: `v-${uniqueSuffix()}`, name: { fi: 'Versiot' } });
		const first = newInstrument([newItem.rating('service'), newItem.singleChoice('age', ['a', 'b'])]);
		await saveInstrumentDraft(env(), admin, { instrumentId: instrument.id, definition: first });
		const v1 = await publishInstrument(env(), admin, instrument.id);
		if (!v1.ok) throw new Error('v1 should publish');

		const draft = await startInstrumentDraft(env(), admin, instrument.id);
		expect(draft.version).toBe(2);
		expect(draft.definition).toEqual(JSON.parse(JSON.stringify(first)));
		expect((await startInstrumentDraft(env(), admin, instrument.id)).id).toBe(draft.id);

		const changedKind = newInstrument([newItem.nps('service'), newItem.singleChoice('age', ['a', 'b'])]);
		await saveInstrumentDraft(env(), admin, { instrumentId: instrument.id, definition: changedKind });
		const refused = await publishInstrument(env(), admin, instrument.id);
		expect(refused.ok).toBe(false);
		if (!refused.ok) expect(refused.issues.map((issue) => [issue.code, issue.itemId])).toEqual([['kind_changed', 'service']]);

		const reworded = newInstrument([{ ...newItem.rating('service'), text: { fi: 'Uusi sanamuoto' } }, newItem.singleChoice('age', ['a', 'b']), newItem.shortText('new_item')]);
		await saveInstrumentDraft(env(), admin, { instrumentId: instrument.id, definition: reworded });
		const v2 = await publishInstrument(env(), admin, instrument.id);
		expect(v2).toMatchObject({ ok: true, version: { version: 2 } });

		const old = await getInstrumentVersion(env(), admin, v1.version.id);
		expect(old.definition?.sections[0]?.items[0]?.text).toEqual({ fi: 'Väite service' });
		// Saving again starts version 3; version 2 stays as published.
		const saved = await saveInstrumentDraft(env(), admin, { instrumentId: instrument.id, definition: first });
		expect(saved.version.version).toBe(3);
		const list = await listInstruments(env(), admin);
		expect(list.find((entry) => entry.id === instrument.id)).toMatchObject({ latestPublished: { version: 2 }, draft: { version: 3 } });
	});

	it('lets coordinators build instruments, staff only read them, and observers neither', async () => {
		const coordinator = await newActor(env().db, [{ role: 'coordinator', scopeType: 'network', scopeId: 1 }]);
		const staff = await newActor(env().db, [{ role: 'staff', scopeType: 'library', scopeId: 1 }]);
		const observer = await newActor(env().db, [{ role: 'observer', scopeType: 'library', scopeId: 1 }]);
		const { instrument } = await createInstrument(env(), coordinator, { key: `c-${uniqueSuffix()}`, name: { fi: 'Koordinaattorin' } });
		await expect(createInstrument(env(), staff, { key: `s-${uniqueSuffix()}`, name: { fi: 'x' } })).rejects.toMatchObject({ kind: 'forbidden' });
		await expect(saveInstrumentDraft(env(), staff, { instrumentId: instrument.id, definition: {} })).rejects.toMatchObject({ kind: 'forbidden' });
		await expect(viewInstrument(env(), staff, instrument.id)).resolves.toMatchObject({ instrument: { id: instrument.id } });
		await expect(listInstruments(env(), observer)).rejects.toMatchObject({ kind: 'forbidden' });
	});

	it('names bad input and taken keys as field errors', async () => {
		const admin = await newAdmin(env().db);
		const key = `k-${uniqueSuffix()}`;
		await createInstrument(env(), admin, { key, name: { fi: 'Eka' } });
		await expect(createInstrument(env(), admin, { key, name: { fi: 'Toka' } })).rejects.toMatchObject({ code: 'invalid_input', details: { fields: { key: 'key_taken' } } });
		await expect(createInstrument(env(), admin, { key: 'Bad Key', name: { sv: 'Bara svenska' } })).rejects.toMatchObject({
			code: 'invalid_input',
			details: { fields: { key: 'key_format', name: 'required' } }
		});
		await expect(createInstrument(env(), admin, { key: `t-${uniqueSuffix()}`, name: { fi: 'x' }, templateKey: 'nope' })).rejects.toMatchObject({
			details: { fields: { templateKey: 'invalid_choice' } }
		});
	});
});
