import { fail, redirect } from '@sveltejs/kit';
import { addItem, addSection, deleteItem, deleteSection, moveItem, moveSection, type Direction } from '#lib/core/instrument/builder/structure-ops.ts';
import { readText } from '#lib/core/instrument/builder/form-record.ts';
import { itemKinds, type ItemKind } from '#lib/core/instrument/items.ts';
import { paperLayout } from '#lib/core/instrument/paper/paper-layout.ts';
import { missingTranslations } from '#lib/core/instrument/texts.ts';
import { formDataToRecord } from '#lib/core/instrument/raw-form.ts';
import { m } from '#lib/paraglide/messages.js';
import { rethrowAsHttp } from '../../account-guard.ts';
import { publishInstrument } from '#lib/server/services/collection/publish-instrument.ts';
import { issueErrors, loadBuilder, requireEditable, saveResult } from '../builder-route.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const state = await loadBuilder(locals, url, params.key);
	const definition = state.editable;
	return {
		instrument: state.view.instrument,
		versions: state.view.versions,
		draftVersion: state.view.draft?.version ?? null,
		publishedVersion: state.view.published?.version ?? null,
		definition,
		draftIssues: state.draftIssues,
		missing: definition ? missingTranslations(definition) : [],
		numbers: definition ? Object.fromEntries(paperLayout(definition).map((entry) => [entry.item.id, entry.number])) : {},
		kinds: itemKinds
	};
};

const direction = (value: FormDataEntryValue | null): Direction => (value === 'up' ? 'up' : 'down');
const text = (form: FormData, name: string) => String(form.get(name) ?? '');

export const actions: Actions = {
	addItem: async ({ request, locals, url, params }) => {
		const state = await loadBuilder(locals, url, params.key);
		const form = await request.formData();
		const kind = itemKinds.find((candidate) => candidate === form.get('kind')) as ItemKind | undefined;
		if (!kind) return fail(400, { form: 'addItem', errors: { kind: m.studies_builder_choose_kind() }, values: {} });
		const result = addItem(requireEditable(state), text(form, 'sectionId'), kind, { reservedIds: state.reservedIds });
		const failed = await saveResult(locals, state, result, 'addItem');
		if (failed) return failed;
		redirect(303, `/instruments/${params.key}/items/${result.ok ? result.itemId : ''}?done=added`);
	},
	moveItem: async ({ request, locals, url, params }) => {
		const state = await loadBuilder(locals, url, params.key);
		const form = await request.formData();
		const itemId = text(form, 'itemId');
		const way = direction(form.get('direction'));
		const failed = await saveResult(locals, state, moveItem(requireEditable(state), itemId, way), `item-${itemId}`);
		return failed ?? { form: `item-${itemId}`, moved: `${way}-${itemId}` };
	},
	deleteItem: async ({ request, locals, url, params }) => {
		const state = await loadBuilder(locals, url, params.key);
		const itemId = text(await request.formData(), 'itemId');
		const failed = await saveResult(locals, state, deleteItem(requireEditable(state), itemId), `item-${itemId}`);
		return failed ?? { form: 'deleted', done: 'deleted' };
	},
	addSection: async ({ request, locals, url, params }) => {
		const state = await loadBuilder(locals, url, params.key);
		const values = formDataToRecord(await request.formData());
		const title = readText(values, 'title') ?? {};
		const result = addSection(requireEditable(state), title);
		const failed = await saveResult(locals, state, result, 'addSection', values);
		if (failed) return failed;
		return { form: 'addSection', done: 'section_added', moved: result.ok ? `section-${result.sectionId}` : undefined };
	},
	moveSection: async ({ request, locals, url, params }) => {
		const state = await loadBuilder(locals, url, params.key);
		const form = await request.formData();
		const sectionId = text(form, 'sectionId');
		const way = direction(form.get('direction'));
		const failed = await saveResult(locals, state, moveSection(requireEditable(state), sectionId, way), `section-${sectionId}`);
		return failed ?? { form: `section-${sectionId}`, moved: `${way}-section-${sectionId}` };
	},
	deleteSection: async ({ request, locals, url, params }) => {
		const state = await loadBuilder(locals, url, params.key);
		const sectionId = text(await request.formData(), 'sectionId');
		const failed = await saveResult(locals, state, deleteSection(requireEditable(state), sectionId), `section-${sectionId}`);
		return failed ?? { form: 'deleted', done: 'section_deleted' };
	},
	publish: async ({ locals, url, params }) => {
		const state = await loadBuilder(locals, url, params.key);
		const result = await publishInstrument(locals.ctx, state.actor, state.view.instrument.id).catch(rethrowAsHttp);
		if (!result.ok) return fail(400, { form: 'publish', errors: issueErrors(result.issues), values: {} });
		return { form: 'publish', done: 'published', version: result.version.version };
	}
};
