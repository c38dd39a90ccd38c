import { redirect } from '@sveltejs/kit';
import { getLocale } from '#lib/paraglide/runtime.js';
import { asLanguage } from '#lib/components/builder/labels.ts';
import { rethrowAsHttp } from '../../../account-guard.ts';
import { createTheme, deleteManualTheme, mergeThemes, renameTheme, tagAnswers, unmergeTheme, viewThemes } from '#lib/server/services/reports/manage-themes.ts';
import { loadStudy } from '../../study-route.ts';
import { failWith, formValues, ids, one } from './theme-form.ts';
import type { Actions, PageServerLoad } from './$types';

/**
 * The coordinator's open-text themes of a study (ADR 0019). The choice of round, question and
 * the theme to tag are GET parameters; every change is a named form action that redirects back
 * with `done=…`, or fails with the input kept.
 */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { actor, detail } = await loadStudy(locals, url, params.key);
	const before = Number(url.searchParams.get('before'));
	const themes = await viewThemes(locals.ctx, actor, params.key, {
		round: url.searchParams.get('round'),
		item: url.searchParams.get('item'),
		tagTheme: url.searchParams.get('tag') || null,
		search: (url.searchParams.get('q') ?? '').slice(0, 100),
		before: Number.isSafeInteger(before) && before > 0 ? before : null,
		locale: asLanguage(getLocale())
	}).catch(rethrowAsHttp);
	return { permissions: detail.permissions, themes, search: url.searchParams.get('q') ?? '' };
};

/** The round and question a form was posted from (hidden fields), to come back to. */
function place(values: Record<string, string | string[]>): Record<string, string> {
	return { round: one(values, 'round'), item: one(values, 'item') };
}

/** Back to the page with `carried` as its query, saying what was done. */
function back(url: URL, carried: Record<string, string>, done: string, anchor = ''): never {
	const query = new URLSearchParams();
	for (const [name, value] of Object.entries(carried)) if (value !== '') query.set(name, value);
	query.set('done', done);
	redirect(303, `${url.pathname}?${query.toString()}${anchor}`);
}

export const actions: Actions = {
	rename: async ({ request, locals, url, params }) => {
		const { actor } = await loadStudy(locals, url, params.key);
		const values = formValues(await request.formData());
		try {
			await renameTheme(locals.ctx, actor, { study: params.key, itemId: one(values, 'item'), key: one(values, 'key'), label: one(values, 'label') });
		} catch (caught) {
			return failWith(caught, 'rename', values);
		}
		back(url, place(values), 'renamed', '#edit');
	},
	merge: async ({ request, locals, url, params }) => {
		const { actor } = await loadStudy(locals, url, params.key);
		const values = formValues(await request.formData());
		try {
			await mergeThemes(locals.ctx, actor, { study: params.key, itemId: one(values, 'item'), key: one(values, 'key'), into: one(values, 'into') });
		} catch (caught) {
			return failWith(caught, 'merge', values);
		}
		back(url, place(values), 'merged', '#edit');
	},
	unmerge: async ({ request, locals, url, params }) => {
		const { actor } = await loadStudy(locals, url, params.key);
		const values = formValues(await request.formData());
		try {
			await unmergeTheme(locals.ctx, actor, { study: params.key, itemId: one(values, 'item'), key: one(values, 'key') });
		} catch (caught) {
			return failWith(caught, 'unmerge', values);
		}
		back(url, place(values), 'unmerged', '#edit');
	},
	create: async ({ request, locals, url, params }) => {
		const { actor } = await loadStudy(locals, url, params.key);
		const values = formValues(await request.formData());
		let key: string;
		try {
			key = await createTheme(locals.ctx, actor, { study: params.key, itemId: one(values, 'item'), label: one(values, 'label') });
		} catch (caught) {
			return failWith(caught, 'create', values);
		}
		back(url, { ...place(values), tag: key }, 'created', '#tagging');
	},
	delete: async ({ request, locals, url, params }) => {
		const { actor } = await loadStudy(locals, url, params.key);
		const values = formValues(await request.formData());
		try {
			await deleteManualTheme(locals.ctx, actor, { study: params.key, itemId: one(values, 'item'), key: one(values, 'key') });
		} catch (caught) {
			return failWith(caught, 'delete', values);
		}
		back(url, place(values), 'deleted', '#edit');
	},
	tag: async ({ request, locals, url, params }) => {
		const { actor } = await loadStudy(locals, url, params.key);
		const values = formValues(await request.formData());
		try {
			await tagAnswers(locals.ctx, actor, { study: params.key, itemId: one(values, 'item'), key: one(values, 'key'), shown: ids(values, 'shown'), tagged: ids(values, 'tagged') });
		} catch (caught) {
			return failWith(caught, 'tag', values);
		}
		back(url, { ...place(values), tag: one(values, 'key'), q: one(values, 'q') }, 'tagged', '#tagging');
	}
};
