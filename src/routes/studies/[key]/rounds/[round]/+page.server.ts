import { error, fail, redirect } from '@sveltejs/kit';
import { readText, writeText, type FormRecord } from '#lib/core/instrument/builder/form-record.ts';
import { helsinkiToInstant, instantToHelsinki } from '#lib/core/helsinki-time.ts';
import { m } from '#lib/paraglide/messages.js';
import { updateRound } from '#lib/server/services/collection/update-round.ts';
import { failWith, formValues, loadStudy } from '../../../study-route.ts';
import type { Actions, PageServerLoad } from './$types';

async function roundOf(locals: App.Locals, url: URL, key: string, roundKey: string) {
	const { actor, detail } = await loadStudy(locals, url, key);
	if (!detail.permissions.manage) error(403, { message: m.studies_forbidden_manage() });
	const round = detail.rounds.find((candidate) => candidate.key === roundKey);
	if (!round) error(404, { message: m.studies_round_not_found() });
	return { actor, detail, round };
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { detail, round } = await roundOf(locals, url, params.key, params.round);
	const values: FormRecord = {
		opensAt: instantToHelsinki(new Date(round.opensAt)),
		closesAt: instantToHelsinki(new Date(round.closesAt)),
		instrumentVersionId: String(round.instrumentVersionId)
	};
	writeText(values, 'name', round.name);
	return {
		study: { key: detail.study.key, name: detail.study.name },
		permissions: detail.permissions,
		round,
		versions: detail.versions.filter((version) => version.status === 'published'),
		values
	};
};

export const actions: Actions = {
	default: async ({ request, locals, url, params }) => {
		const { actor, round } = await roundOf(locals, url, params.key, params.round);
		const values = formValues(await request.formData());
		const opensAt = helsinkiToInstant(String(values.opensAt ?? ''));
		const closesAt = helsinkiToInstant(String(values.closesAt ?? ''));
		if (!opensAt || !closesAt) {
			const errors: Record<string, string> = {};
			if (!opensAt) errors.opensAt = m.studies_problem_date_time();
			if (!closesAt) errors.closesAt = m.studies_problem_date_time();
			return fail(400, { form: 'round', errors, values });
		}
		try {
			await updateRound(locals.ctx, actor, round.id, {
				name: readText(values, 'name') ?? {},
				opensAt,
				closesAt,
				...(values.instrumentVersionId && Number(values.instrumentVersionId) !== round.instrumentVersionId ? { instrumentVersionId: Number(values.instrumentVersionId) } : {})
			});
		} catch (caught) {
			return failWith(caught, 'round', values, { name: 'name.fi' });
		}
		redirect(303, `/studies/${params.key}?done=saved#rounds`);
	}
};
