import type { RequestEvent } from '@sveltejs/kit';
import type { CollectorMode } from '#lib/core/collection/collectors.ts';
import { localize } from '#lib/core/instrument/localized-text.ts';
import type { ShellData } from '#lib/components/respond/shell.ts';
import { openRespondentPage } from './respondent.server.ts';

/** The thank-you page of a collector: its frame and the survey's title; nothing is read from the answer. */
export async function loadThanks(event: RequestEvent, mode: CollectorMode): Promise<{ shell: ShellData; survey: string }> {
	const { view, lang, shell } = await openRespondentPage(event, mode, { linkPath: event.url.pathname });
	return { shell, survey: localize(view.instrument.title, lang, view.baseLanguage) };
}
