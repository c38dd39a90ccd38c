import { error, fail } from '@sveltejs/kit';
import { isAppError } from '#lib/core/errors.ts';
import type { ImportIssue } from '#lib/core/kirkanta.ts';
import { can } from '#lib/core/permissions.ts';
import { m } from '#lib/paraglide/messages.js';
import { importIssueText, importRecordText } from '#lib/components/admin/labels.ts';
import { errorText } from '#lib/components/account/error-text.ts';
import { requireActor } from '../../account-guard.ts';
import { importLibraries } from '#lib/server/services/import-libraries.ts';
import type { Actions, PageServerLoad } from './$types';

/** Larger than any directory export (the whole country is a few MB); the server's body limit may be lower. */
const MAX_BYTES = 20 * 1024 * 1024;
/** The page lists this many problems; the rest are counted. */
const SHOWN_ISSUES = 50;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor(locals, url);
	if (!can(actor, 'org.manage')) error(403, { message: m.admin_forbidden_manage() });
	return {};
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const actor = requireActor(locals, url);
		const data = await request.formData();
		const file = data.get('file');
		if (!(file instanceof File) || file.size === 0 || !file.name) {
			return fail(400, { fileName: file instanceof File ? file.name : '', errors: { file: m.admin_import_no_file() }, issues: [], more: 0 });
		}
		const fileName = file.name.slice(0, 200);
		if (file.size > MAX_BYTES) return fail(400, { fileName, errors: { file: m.admin_import_too_big() }, issues: [], more: 0 });
		try {
			const summary = await importLibraries(locals.ctx, actor, await file.text());
			return { fileName, summary };
		} catch (caught) {
			if (!isAppError(caught) || caught.kind === 'forbidden' || caught.kind === 'unavailable') throw caught;
			const issues = (caught.details.issues as ImportIssue[] | undefined) ?? [];
			const texts = issues.length ? issues.slice(0, SHOWN_ISSUES).map(importIssueText) : [recordPrefix(caught.details) + errorText(caught.code, caught.details)];
			return fail(400, { fileName, errors: { file: m.admin_import_failed({ file: fileName }) }, issues: texts, more: Math.max(0, issues.length - SHOWN_ISSUES) });
		}
	}
};

/** A conflict found against the database names the record it happened on. */
function recordPrefix(details: Record<string, unknown>): string {
	if (typeof details.index !== 'number') return '';
	const recordId = typeof details.recordId === 'number' ? details.recordId : null;
	const recordName = typeof details.recordName === 'string' ? details.recordName : null;
	return `${importRecordText(details.index, recordId, recordName)}: `;
}
