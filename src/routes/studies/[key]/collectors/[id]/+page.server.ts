import { error, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { updateCollector } from '#lib/server/services/collection/update-collector.ts';
import { failWith, formValues, loadStudy } from '../../../study-route.ts';
import type { Actions, PageServerLoad } from './$types';

async function load_(locals: App.Locals, url: URL, key: string, id: string) {
	const { actor, detail } = await loadStudy(locals, url, key);
	if (!detail.permissions.manage) error(403, { message: m.studies_forbidden_manage() });
	const collector = detail.collectors.find((candidate) => String(candidate.id) === id);
	if (!collector) error(404, { message: m.studies_collector_not_found() });
	return { actor, detail, collector };
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { detail, collector } = await load_(locals, url, params.key, params.id);
	return {
		study: { key: detail.study.key, name: detail.study.name },
		permissions: detail.permissions,
		collector,
		origin: url.origin,
		values: {
			slug: collector.slug,
			frameOrigins: collector.frameOrigins.join('\n'),
			'settings.thankYouSeconds': String(collector.kiosk.thankYouSeconds),
			'settings.idleResetSeconds': String(collector.kiosk.idleResetSeconds),
			'settings.tapGuardSeconds': String(collector.kiosk.tapGuardSeconds),
			archived: collector.archivedAt ? 'on' : ''
		}
	};
};

export const actions: Actions = {
	default: async ({ request, locals, url, params }) => {
		const { actor, collector } = await load_(locals, url, params.key, params.id);
		const values = formValues(await request.formData());
		const text = (name: string) => String(values[name] ?? '').trim();
		const seconds = (name: string) => (text(name) === '' ? undefined : Number(text(name)));
		const settings = Object.fromEntries(
			(['thankYouSeconds', 'idleResetSeconds', 'tapGuardSeconds'] as const).flatMap((name) => {
				const value = seconds(`settings.${name}`);
				return value === undefined ? [] : [[name, value]];
			})
		);
		try {
			await updateCollector(locals.ctx, actor, collector.id, {
				slug: text('slug'),
				frameOrigins: text('frameOrigins')
					.split(/\s+/)
					.filter((origin) => origin !== ''),
				settings,
				archived: text('archived') !== ''
			});
		} catch (caught) {
			return failWith(caught, 'collector', values);
		}
		redirect(303, `/studies/${params.key}?done=saved#collectors`);
	}
};
