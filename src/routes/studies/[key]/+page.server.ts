import { fail, redirect } from '@sveltejs/kit';
import { channels, type Channel } from '#lib/core/collection/collectors.ts';
import { readText } from '#lib/core/instrument/builder/form-record.ts';
import { helsinkiToInstant } from '#lib/core/helsinki-time.ts';
import { m } from '#lib/paraglide/messages.js';
import { countResponses } from '#lib/server/services/collection/count-responses.ts';
import { createCollector } from '#lib/server/services/collection/create-collector.ts';
import { createLibraryCollectors } from '#lib/server/services/collection/create-library-collectors.ts';
import { createRound } from '#lib/server/services/collection/create-round.ts';
import { mayManageThemes } from '#lib/server/services/reports/manage-themes.ts';
import { failWith, formValues, loadStudy } from '../study-route.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { actor, detail } = await loadStudy(locals, url, params.key);
	const counts = await countResponses(locals.ctx, actor, detail.study.id);
	const themes = await mayManageThemes(locals.ctx, actor, detail.study.id);
	return { detail, counts, origin: url.origin, themes };
};

const channelOf = (value: unknown): Channel | undefined => channels.find((channel) => channel === value);

export const actions: Actions = {
	addRound: async ({ request, locals, url, params }) => {
		const { actor, detail } = await loadStudy(locals, url, params.key);
		const values = formValues(await request.formData());
		const opensAt = helsinkiToInstant(String(values.opensAt ?? ''));
		const closesAt = helsinkiToInstant(String(values.closesAt ?? ''));
		const problems: Record<string, string> = {};
		if (!opensAt) problems.opensAt = m.studies_problem_date_time();
		if (!closesAt) problems.closesAt = m.studies_problem_date_time();
		if (!opensAt || !closesAt) return failWithProblems('round', problems, values);
		try {
			await createRound(locals.ctx, actor, {
				studyId: detail.study.id,
				key: String(values.key ?? '').trim(),
				name: readText(values, 'name') ?? {},
				opensAt,
				closesAt,
				...(values.instrumentVersionId ? { instrumentVersionId: Number(values.instrumentVersionId) } : {})
			});
		} catch (caught) {
			return failWith(caught, 'round', values, { name: 'name.fi' });
		}
		redirect(303, `/studies/${params.key}?done=round_added#rounds`);
	},
	addCollector: async ({ request, locals, url, params }) => {
		const { actor, detail } = await loadStudy(locals, url, params.key);
		const values = formValues(await request.formData());
		const channel = channelOf(values.channel);
		if (!channel) return failWithProblems('collector', { channel: m.studies_choose_channel() }, values);
		try {
			await createCollector(locals.ctx, actor, {
				studyId: detail.study.id,
				libraryId: values.libraryId ? Number(values.libraryId) : null,
				channel,
				...(String(values.slug ?? '').trim() ? { slug: String(values.slug).trim() } : {})
			});
		} catch (caught) {
			return failWith(caught, 'collector', values);
		}
		redirect(303, `/studies/${params.key}?done=collector_added#collectors`);
	},
	libraryCollectors: async ({ locals, url, params }) => {
		const { actor, detail } = await loadStudy(locals, url, params.key);
		let added = 0;
		try {
			for (const channel of ['web', 'qr'] as const) added += (await createLibraryCollectors(locals.ctx, actor, { studyId: detail.study.id, channel })).length;
		} catch (caught) {
			return failWith(caught, 'libraryCollectors', {});
		}
		redirect(303, `/studies/${params.key}?done=collectors_added&count=${added}#collectors`);
	}
};

function failWithProblems(form: string, errors: Record<string, string>, values: Record<string, unknown>) {
	return fail(400, { form, errors, values });
}
