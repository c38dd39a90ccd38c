import { json } from '@sveltejs/kit';
import { collectorModes, type CollectorMode } from '#lib/core/collection/collectors.ts';
import { isAppError, type AppError } from '#lib/core/errors.ts';
import type { SubmissionIssue } from '#lib/core/instrument/submission-issues.ts';
import { locales, type Locale } from '#lib/core/org-types.ts';
import { m } from '#lib/paraglide/messages.js';

/**
 * What the JSON API routes share: the language from `Accept-Language`, the collector mode from
 * `?mode=`, the answers of a JSON body as form values, and AppErrors as JSON with a localised
 * message. Not a route.
 */

/** The first of fi/sv/en the client accepts, by q-value; Finnish when none. */
export function acceptedLocale(header: string | null): Locale {
	const ranked = (header ?? '')
		.split(',')
		.map((part, index) => {
			const [tag = '', ...params] = part.trim().toLowerCase().split(';');
			const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)).find(Boolean);
			return { language: tag.split('-')[0]!, q: q ? Number(q[1]) : 1, index };
		})
		.filter((entry) => entry.q > 0 && (locales as readonly string[]).includes(entry.language))
		.sort((a, b) => b.q - a.q || a.index - b.index);
	return (ranked[0]?.language as Locale | undefined) ?? 'fi';
}

/** `?mode=kiosk` → kiosk; survey when absent; undefined when not a mode. */
export function modeParam(url: URL): CollectorMode | undefined {
	const value = url.searchParams.get('mode') ?? 'survey';
	return (collectorModes as readonly string[]).includes(value) ? (value as CollectorMode) : undefined;
}

/**
 * `answers` of a JSON body (`{ "q.service": 4, "q.channels": ["web", "desk"] }`) → the same raw
 * form values an HTML form posts; numbers and booleans become text, anything else is dropped.
 */
export function answersToValues(answers: unknown): Record<string, string | string[]> {
	const values: Record<string, string | string[]> = {};
	if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) return values;
	const scalar = (value: unknown) => (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined);
	for (const [name, value] of Object.entries(answers)) {
		if (Array.isArray(value)) values[name] = value.map(scalar).filter((entry): entry is string => entry !== undefined);
		else {
			const text = scalar(value);
			if (text !== undefined) values[name] = text;
		}
	}
	return values;
}

type MessageFn = (inputs?: Record<string, unknown>, options?: { locale?: Locale }) => string;
const messages = m as unknown as Record<string, MessageFn | undefined>;

export function localisedIssue(issue: SubmissionIssue, locale: Locale): { itemId: string; field: string; code: string; message: string } {
	const message = messages[`collection_issue_${issue.code}`];
	return { itemId: issue.itemId, field: issue.field, code: issue.code, message: message ? message(issue.params ?? {}, { locale }) : issue.message };
}

const statusOfKind: Record<AppError['kind'], number> = { invalid: 400, not_found: 404, forbidden: 403, unauthenticated: 401, conflict: 409, unavailable: 503 };

/** An API error body: `{ error: { code, message } }`, plus `issues` for invalid answers. */
export function errorJson(status: number, code: string, locale: Locale, extra: Record<string, unknown> = {}): Response {
	const message = messages[`error_${code}`] ?? m.error_generic;
	return json({ error: { code, message: message({}, { locale }) }, ...extra }, { status, headers: { 'cache-control': 'no-store' } });
}

/** AppErrors as JSON; anything else is rethrown for the server's error handler. */
export function appErrorJson(error: unknown, locale: Locale): Response {
	if (!isAppError(error)) throw error;
	const issues = error.code === 'submission_invalid' ? (error.details.issues as SubmissionIssue[]) : undefined;
	return errorJson(statusOfKind[error.kind], error.code, locale, issues ? { issues: issues.map((issue) => localisedIssue(issue, locale)) } : {});
}
