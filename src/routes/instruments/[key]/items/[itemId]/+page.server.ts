import { error, fail, redirect } from '@sveltejs/kit';
import { usedItemIds } from '#lib/core/instrument/builder/fresh-id.ts';
import { type FormRecord } from '#lib/core/instrument/builder/form-record.ts';
import { issueFieldName } from '#lib/core/instrument/builder/issue-fields.ts';
import { itemFromForm, type FormProblem } from '#lib/core/instrument/builder/item-form-read.ts';
import { itemToForm } from '#lib/core/instrument/builder/item-form-write.ts';
import { readSimpleShowIf, showIfChoices } from '#lib/core/instrument/builder/show-if-simple.ts';
import { replaceItem } from '#lib/core/instrument/builder/structure-ops.ts';
import { placedItems } from '#lib/core/instrument/instrument.ts';
import { paperLayout } from '#lib/core/instrument/paper/paper-layout.ts';
import { formDataToRecord } from '#lib/core/instrument/raw-form.ts';
import { m } from '#lib/paraglide/messages.js';
import { issueErrors, loadBuilder, requireEditable, saveResult, type BuilderState } from '../../../builder-route.ts';
import type { Actions, PageServerLoad } from './$types';

function placeOf(state: BuilderState, itemId: string) {
	const instrument = requireEditable(state);
	const place = placedItems(instrument).find((candidate) => candidate.item.id === itemId);
	if (!place) error(404, { message: m.studies_builder_item_not_found() });
	return { instrument, place };
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const state = await loadBuilder(locals, url, params.key);
	const { instrument, place } = placeOf(state, params.itemId);
	const item = place.item;
	return {
		instrumentKey: state.view.instrument.key,
		instrumentName: state.view.instrument.name,
		item,
		values: itemToForm(item),
		baseLanguage: instrument.baseLanguage,
		offered: instrument.languages,
		showIfChoices: showIfChoices(instrument, item.id),
		complexShowIf: item.showIf && !readSimpleShowIf(item.showIf) ? JSON.stringify(item.showIf) : undefined,
		numbers: Object.fromEntries(paperLayout(instrument).map((entry) => [entry.item.id, entry.number]))
	};
};

const problemTexts: Record<FormProblem['code'], () => string> = {
	not_a_number: m.studies_problem_not_a_number,
	not_a_whole_number: m.studies_problem_not_a_whole_number,
	not_a_date: m.studies_problem_not_a_date,
	not_a_slug: m.studies_problem_not_a_slug,
	choose_show_if_values: m.studies_problem_choose_show_if_values
};

export const actions: Actions = {
	default: async ({ request, locals, url, params }) => {
		const state = await loadBuilder(locals, url, params.key);
		const { instrument, place } = placeOf(state, params.itemId);
		const values: FormRecord = formDataToRecord(await request.formData());
		const read = itemFromForm(place.item, values, { takenIds: new Set([...state.reservedIds, ...usedItemIds(instrument)]) });
		if (!read.ok) {
			const errors = Object.fromEntries(read.problems.map((problem) => [problem.field, problemTexts[problem.code]()]));
			return fail(400, { errors, values });
		}
		const result = replaceItem(instrument, read.item);
		if (!result.ok) {
			const fields = [...Object.keys(values), ...Object.keys(itemToForm(read.item))];
			const errors = issueErrors(result.issues, (issue) => issueFieldName(issue, place.path, instrument.baseLanguage, fields));
			return fail(400, { errors, values });
		}
		const failed = await saveResult(locals, state, result, 'item', values);
		if (failed) return failed;
		redirect(303, `/instruments/${params.key}?done=saved#item-${place.item.id}`);
	}
};

