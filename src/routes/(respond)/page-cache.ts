import type { Handle } from '@sveltejs/kit/hooks';
import { randomFillSync, randomUUID } from 'node:crypto';
import type { CollectorMode } from '#lib/core/collection/collectors.ts';
import type { Instrument } from '#lib/core/instrument/instrument.ts';
import type { SurveyPageData } from '#lib/components/respond/view-types.ts';
import { surveyPageData } from './survey-page.server.ts';

/**
 * The survey, kiosk and pulse pages are what a QR poster or a mailing sends thousands of people
 * to at once, and rendering one (Svelte, then SvelteKit serialising the page's data even though
 * the page loads no client) costs ten times reading its data. So each rendering is kept as a
 * template (ADR 0022): the page's data is read for every request as before — the collector, its
 * round, the language, the repeat-guard cookie, everything the page depends on — and when data
 * equal to an earlier request's comes back, that request's HTML is sent again with a new
 * submission id and a new CSP nonce in place of the old ones. Any change in the data (a round
 * opens, a collector is edited, another language or state) is another key and renders anew.
 *
 * Requests that set a cookie (`?lang=` remembers the choice) and every non-200 page go through
 * SvelteKit as before.
 */
const routes: Record<string, CollectorMode> = {
	'/(respond)/s/[slug]': 'survey',
	'/(respond)/k/[slug]': 'kiosk',
	'/(respond)/p/[slug]': 'pulse'
};

/** A rendering cut at its submission id and nonces: `parts[i]`, then `holes[i]`, …, then the last part. */
interface Template {
	parts: Buffer[];
	holes: ('id' | 'nonce')[];
	headers: [string, string][];
}

const templates = new Map<string, Template>();
const maxTemplates = 500;
/** Stand-in for the nonce in a template's headers; random, so no header can contain it. */
const nonceMark = `nonce-${randomUUID()}`;

/** Published instruments are immutable and cached per version, so one object is one version. */
const instrumentKeys = new WeakMap<Instrument, number>();
let nextInstrumentKey = 1;

function instrumentKey(instrument: Instrument): number {
	let key = instrumentKeys.get(instrument);
	if (key === undefined) {
		key = nextInstrumentKey++;
		instrumentKeys.set(instrument, key);
	}
	return key;
}

/** Everything the rendering depends on, except the submission id it is issued with. */
export function templateKey(path: string, data: SurveyPageData, frameAncestors: string[] | undefined): string {
	return JSON.stringify([path, instrumentKey(data.instrument), { ...data, instrument: null, submissionId: null }, frameAncestors ?? null]);
}

export const respondentPageCache: Handle = async ({ event, resolve }) => {
	const mode = event.request.method === 'GET' ? routes[event.route.id ?? ''] : undefined;
	if (!mode || event.url.searchParams.has('lang') || event.isDataRequest) return resolve(event);
	let data: SurveyPageData;
	try {
		data = await surveyPageData(event, mode);
	} catch {
		// Unknown collectors (404) and failures take SvelteKit's way, with its error pages.
		return resolve(event);
	}
	const key = templateKey(event.url.pathname + event.url.search, data, event.locals.frameAncestors);
	const template = templates.get(key);
	if (template) return fromTemplate(template, data.submissionId);
	event.locals.surveyPage = data;
	const response = await resolve(event);
	if (response.status !== 200 || response.headers.has('set-cookie') || !response.headers.get('content-type')?.startsWith('text/html')) return response;
	const html = await response.text();
	remember(key, html, response.headers, data.submissionId);
	return new Response(html, { status: response.status, headers: response.headers });
};

function remember(key: string, html: string, headers: Headers, submissionId: string): void {
	const nonce = /'nonce-([^']+)'/.exec(headers.get('content-security-policy') ?? '')?.[1];
	const cuts = nonce ? new RegExp(`(${submissionId}|${escapeRegExp(nonce)})`) : new RegExp(`(${submissionId})`);
	const pieces = html.split(cuts);
	if (pieces.length < 3) return; // no submission id in the page: nothing to reissue, nothing to keep
	const parts: Buffer[] = [];
	const holes: Template['holes'] = [];
	pieces.forEach((piece, i) => {
		if (i % 2 === 0) parts.push(Buffer.from(piece));
		else holes.push(piece === submissionId ? 'id' : 'nonce');
	});
	if (templates.size >= maxTemplates) templates.delete(templates.keys().next().value!);
	templates.set(key, {
		parts,
		holes,
		headers: [...headers].map(([name, value]): [string, string] => [name, nonce ? value.replaceAll(nonce, nonceMark) : value])
	});
}

function fromTemplate(template: Template, submissionId: string): Response {
	const nonce = newNonce();
	const fill = { id: Buffer.from(submissionId), nonce: Buffer.from(nonce) };
	const chunks: Buffer[] = [];
	template.parts.forEach((part, i) => {
		chunks.push(part);
		const hole = template.holes[i];
		if (hole) chunks.push(fill[hole]);
	});
	const headers = new Headers(template.headers.map(([name, value]): [string, string] => [name, value.replaceAll(nonceMark, nonce)]));
	return new Response(Buffer.concat(chunks), { status: 200, headers });
}

/** As SvelteKit makes its nonces, 16 random bytes in base64, drawn from a pool filled 4 KiB at a time. */
const pool = Buffer.alloc(4096);
let used = pool.length;

function newNonce(): string {
	if (used + 16 > pool.length) {
		randomFillSync(pool);
		used = 0;
	}
	used += 16;
	return pool.toString('base64', used - 16, used);
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
