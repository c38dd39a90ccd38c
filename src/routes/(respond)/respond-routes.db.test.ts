import { beforeEach, expect, it } from 'vitest';
import { isActionFailure, isHttpError, isRedirect, type Cookies, type RequestEvent } from '@sveltejs/kit';
import { customerPromisePulse } from '#lib/core/instrument/templates/customer-promise-pulse.ts';
import { customerServiceSurvey } from '#lib/core/instrument/templates/customer-service-survey.ts';
import { issueTokens } from '#lib/server/services/collection/issue-tokens.ts';
import { updateCollector } from '#lib/server/services/collection/update-collector.ts';
import type { FormResult, SurveyPageData } from '#lib/components/respond/view-types.ts';
import { newCollectionFixture, type CollectionFixture } from '../../test/collection-builders.ts';
import { describeDb, type TestEnv } from '../../test/db.ts';
import * as survey from './s/[slug]/+page.server.ts';
import * as resume from './s/[slug]/resume/+page.server.ts';
import * as kiosk from './k/[slug]/+page.server.ts';
import * as pulse from './p/[slug]/+page.server.ts';
import * as thanks from './s/[slug]/thanks/+page.server.ts';
import * as privacy from './privacy/[mode]/[slug]/+page.server.ts';
import { respondentPageCache } from './page-cache.ts';

/**
 * The respondent routes' server side against a real database: loads and form actions called as
 * Kit calls them, with a request, cookies and locals. What the browser does with the result is
 * covered by e2e/respond.e2e.ts and e2e/kiosk.e2e.ts.
 */
interface CookieJar extends Cookies {
	options: Map<string, Record<string, unknown>>;
}

function cookieJar(initial: Record<string, string> = {}): CookieJar {
	const values = new Map(Object.entries(initial));
	const options = new Map<string, Record<string, unknown>>();
	return {
		options,
		get: (name: string) => values.get(name),
		getAll: () => [...values].map(([name, value]) => ({ name, value })),
		set: (name: string, value: string, opts: Record<string, unknown>) => {
			values.set(name, value);
			options.set(name, opts);
		},
		delete: (name: string) => void values.delete(name),
		serialize: () => ''
	} as unknown as CookieJar;
}

interface Call {
	event: RequestEvent;
	locals: App.Locals;
	cookies: CookieJar;
	headers: Record<string, string>;
}

function call(env: TestEnv, path: string, options: { form?: Record<string, string | string[]>; cookies?: Record<string, string>; params?: Record<string, string>; accept?: string } = {}): Call {
	const url = new URL(`http://aspa.test${path}`);
	let body: URLSearchParams | undefined;
	if (options.form) {
		body = new URLSearchParams();
		for (const [name, value] of Object.entries(options.form)) for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
	}
	const request = new Request(url, {
		method: body ? 'POST' : 'GET',
		...(body ? { body } : {}),
		headers: { 'accept-language': options.accept ?? 'fi' }
	});
	const locals = { ctx: { ...env, config: { secureCookies: false } }, actor: null, sessionToken: null } as unknown as App.Locals;
	const cookies = cookieJar(options.cookies);
	const headers: Record<string, string> = {};
	const slug = url.pathname.split('/')[2] ?? '';
	const event = {
		request,
		url,
		params: { slug, ...options.params },
		locals,
		cookies,
		setHeaders: (set: Record<string, string>) => Object.assign(headers, set)
	} as unknown as RequestEvent;
	return { event, locals, cookies, headers };
}

async function thrown(promise: unknown): Promise<unknown> {
	try {
		await promise;
	} catch (caught) {
		return caught;
	}
	throw new Error('expected the call to throw (a redirect or an HTTP error)');
}

/* eslint-disable @typescript-eslint/no-explicit-any -- Kit's generated route types are not part of this test */
const load = (module: { load: unknown }, c: Call) => (module.load as (event: RequestEvent) => Promise<SurveyPageData>)(c.event);
const act = (module: { actions: unknown }, name: string, c: Call) => (module.actions as Record<string, (event: RequestEvent) => Promise<any>>)[name]!(c.event);
/* eslint-enable @typescript-eslint/no-explicit-any */

async function responses(env: TestEnv, studyId: number): Promise<number> {
	const row = await env.db.selectFrom('response').select((eb) => eb.fn.countAll<number>().as('n')).where('studyId', '=', studyId).executeTakeFirstOrThrow();
	return Number(row.n);
}

describeDb('respondent routes', (env) => {
	let fixture: CollectionFixture;
	beforeEach(async () => {
		env().setNow(new Date('2026-06-01T09:00:00Z'));
		fixture = await newCollectionFixture(env());
	});
	const path = () => `/s/${fixture.slug}`;

	it('opens the form with a fresh submission id in the language asked for, remembers it, and is never cached by others', async () => {
		const trilingual = await newCollectionFixture(env(), { definition: customerServiceSurvey() });
		const at = `/s/${trilingual.slug}`;
		const first = call(env(), `${at}?lang=sv`);
		const data = await load(survey, first);
		expect(data.state).toBe('open');
		expect(data.submissionId).toMatch(/^[0-9a-f-]{36}$/);
		expect(data.shell.lang).toBe('sv');
		expect(first.locals.htmlLang).toBe('sv');
		expect(first.cookies.get('aspa_lang')).toBe('sv');
		expect(first.headers['cache-control']).toBe('private, no-cache');
		const again = await load(survey, call(env(), at));
		expect(again.submissionId).not.toBe(data.submissionId);
		// The browser's preference is followed but not remembered; a language not offered is not taken.
		const browser = call(env(), at, { accept: 'en-GB,en;q=0.9' });
		expect((await load(survey, browser)).shell.lang).toBe('en');
		expect(browser.cookies.get('aspa_lang')).toBeUndefined();
		const finnishOnly = call(env(), `${path()}?lang=sv`);
		expect((await load(survey, finnishOnly)).shell.lang).toBe('fi');
		expect(finnishOnly.cookies.get('aspa_lang')).toBeUndefined();
	});

	it('lets only the origins the collector allows embed its pages', async () => {
		const plain = call(env(), path());
		await load(survey, plain);
		expect(plain.locals.frameAncestors).toBeUndefined();
		await updateCollector(env(), fixture.admin, fixture.collectorId, { frameOrigins: ['https://kirjasto.example.fi'] });
		const embedded = call(env(), path());
		await load(survey, embedded);
		expect(embedded.locals.frameAncestors).toEqual(['https://kirjasto.example.fi']);
		const thanked = call(env(), `${path()}/thanks`);
		await (thanks.load as (event: RequestEvent) => Promise<unknown>)(thanked.event);
		expect(thanked.locals.frameAncestors).toEqual(['https://kirjasto.example.fi']);
	});

	it('thanks only after storing, and a resend of the same form stores nothing more', async () => {
		const data = await load(survey, call(env(), path()));
		const form = { submissionId: data.submissionId, language: 'fi', round: String(data.roundId), 'q.service': '4' };
		for (const attempt of [1, 2]) {
			const submit = call(env(), `${path()}?/submit`, { form });
			const redirect = await thrown(act(survey, 'submit', submit));
			expect(isRedirect(redirect), `attempt ${attempt}`).toBe(true);
			if (isRedirect(redirect)) expect(redirect).toMatchObject({ status: 303, location: `${path()}/thanks?lang=fi` });
			expect(submit.cookies.get('aspa_done')).toBe(String(fixture.roundId));
			expect(submit.cookies.options.get('aspa_done')).toMatchObject({ path: path(), httpOnly: true, sameSite: 'lax' });
		}
		expect(await responses(env(), fixture.studyId)).toBe(1);
	});

	it('returns a refused form with every answer, the same submission id and the issues', async () => {
		const data = await load(survey, call(env(), path()));
		const form = { submissionId: data.submissionId, language: 'fi', 'q.comment': 'Hyvä kirjasto', 'q.channels': ['web', 'chat'] };
		const failure = await act(survey, 'submit', call(env(), `${path()}?/submit`, { form }));
		expect(isActionFailure(failure)).toBe(true);
		const result = failure.data as FormResult;
		expect(failure.status).toBe(400);
		expect(result.values).toEqual({ 'q.comment': 'Hyvä kirjasto', 'q.channels': ['web', 'chat'] });
		expect(result.submissionId).toBe(data.submissionId);
		expect(result.issues?.map((issue) => [issue.field, issue.code])).toEqual([['q.service', 'required']]);
		expect(await responses(env(), fixture.studyId)).toBe(0);
	});

	it('says this browser has answered and offers to answer again', async () => {
		const cookies = { aspa_done: String(fixture.roundId) };
		expect((await load(survey, call(env(), path(), { cookies }))).answeredBefore).toBe(true);
		expect((await load(survey, call(env(), `${path()}?again=1`, { cookies }))).answeredBefore).toBe(false);
		expect((await load(survey, call(env(), path(), { cookies: { aspa_done: '999999' } }))).answeredBefore).toBe(false);
	});

	it('refuses politely in a one-response-per-device study', async () => {
		const once = await newCollectionFixture(env(), { onePerDevice: true });
		const cookies = { aspa_done: String(once.roundId) };
		expect((await load(survey, call(env(), `/s/${once.slug}`, { cookies }))).state).toBe('refused');
		const form = { submissionId: crypto.randomUUID(), language: 'fi', round: String(once.roundId), 'q.service': '4' };
		const failure = await act(survey, 'submit', call(env(), `/s/${once.slug}?/submit`, { form, cookies }));
		expect(failure.status).toBe(409);
		expect((failure.data as FormResult).problem).toBe('already_answered');
	});

	it('asks a closed population for the one-time code first and refuses a wrong one with the answers kept', async () => {
		const closed = await newCollectionFixture(env(), { usesTokens: true });
		const at = `/s/${closed.slug}`;
		expect((await load(survey, call(env(), at))).state).toBe('token');
		const malformed = await load(survey, call(env(), `${at}?t=12345`));
		expect(malformed).toMatchObject({ state: 'token', tokenMalformed: true });
		const { tokens } = await issueTokens(env(), closed.admin, { studyId: closed.studyId, roundId: closed.roundId, count: 1 });
		const withToken = await load(survey, call(env(), `${at}?t=${tokens[0]!.toLowerCase().replaceAll('-', ' ')}`));
		expect(withToken).toMatchObject({ state: 'open', token: tokens[0] });

		const form = { submissionId: withToken.submissionId, language: 'fi', token: 'ABCD-EFGH-JKMN', 'q.service': '5' };
		const wrong = await act(survey, 'submit', call(env(), `${at}?/submit`, { form }));
		expect(wrong.status).toBe(400);
		expect(wrong.data).toMatchObject({ problem: 'token_invalid', values: { 'q.service': '5' }, token: 'ABCD-EFGH-JKMN' });

		expect(isRedirect(await thrown(act(survey, 'submit', call(env(), `${at}?/submit`, { form: { ...form, token: tokens[0]! } }))))).toBe(true);
		const reused = await act(survey, 'submit', call(env(), `${at}?/submit`, { form: { ...form, submissionId: crypto.randomUUID(), token: tokens[0]! } }));
		expect(reused.data).toMatchObject({ problem: 'token_used' });
	});

	it('saves progress under a code, resumes it, and forgets it once the answers are sent', async () => {
		const data = await load(survey, call(env(), path()));
		const form = { submissionId: data.submissionId, language: 'fi', 'q.comment': 'Kesken', 'q.channels': ['desk'] };
		const saved = (await act(survey, 'save', call(env(), `${path()}?/save`, { form }))) as FormResult;
		expect(saved.saved?.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
		expect(saved.resumeCode).toBe(saved.saved?.code);
		const code = saved.saved!.code;

		const again = (await act(survey, 'save', call(env(), `${path()}?/save`, { form: { ...form, resumeCode: code, 'q.comment': 'Melkein' } }))) as FormResult;
		expect(again.saved?.code).toBe(code);

		const resumed = (await act(resume, 'default', call(env(), `${path()}/resume`, { form: { code: code.toLowerCase() } }))) as FormResult;
		expect(resumed).toMatchObject({ resumed: true, resumeCode: code, values: { 'q.comment': 'Melkein', 'q.channels': 'desk' } });

		const sent = { ...form, submissionId: resumed.submissionId!, resumeCode: code, 'q.service': '3' };
		expect(isRedirect(await thrown(act(survey, 'submit', call(env(), `${path()}?/submit`, { form: sent }))))).toBe(true);
		const gone = await act(resume, 'default', call(env(), `${path()}/resume`, { form: { code } }));
		expect(gone.data).toMatchObject({ problem: 'resume_code_invalid' });
	});

	it('switches language with every answer kept', async () => {
		const data = await load(survey, call(env(), path()));
		const c = call(env(), `${path()}?/lang`, { form: { submissionId: data.submissionId, language: 'fi', lang: 'sv', 'q.comment': 'Hej' } });
		const result = (await act(survey, 'lang', c)) as FormResult;
		expect(result).toMatchObject({ language: 'sv', submissionId: data.submissionId, values: { 'q.comment': 'Hej' } });
		expect(c.cookies.get('aspa_lang')).toBe('sv');
	});

	it('keeps a pulse tap in the follow-up step without storing it, and stores it once with the follow-ups', async () => {
		const tap = await newCollectionFixture(env(), { definition: customerPromisePulse(), mode: 'pulse' });
		const at = `/p/${tap.slug}`;
		const data = await load(pulse, call(env(), at));
		const step = (await act(pulse, 'tap', call(env(), `${at}?/tap`, { form: { submissionId: data.submissionId, language: 'fi', 'q.satisfaction': '4' } }))) as FormResult;
		expect(step).toMatchObject({ step: 2, values: { 'q.satisfaction': '4' }, submissionId: data.submissionId });
		expect(await responses(env(), tap.studyId)).toBe(0);
		const form = { submissionId: data.submissionId, language: 'fi', 'q.satisfaction': '4', 'q.topic': 'service', 'q.comment': 'Kiitos' };
		expect(isRedirect(await thrown(act(pulse, 'submit', call(env(), `${at}?/submit`, { form }))))).toBe(true);
		expect(await responses(env(), tap.studyId)).toBe(1);
	});

	it('runs a kiosk with its settings, no repeat guard, and a start page in the base language', async () => {
		const desk = await newCollectionFixture(env(), { channel: 'kiosk' });
		await updateCollector(env(), desk.admin, desk.collectorId, { settings: { thankYouSeconds: 8, idleResetSeconds: 30, tapGuardSeconds: 2 } });
		const data = await load(kiosk, call(env(), `/k/${desk.slug}`));
		expect(data.shell.kiosk).toEqual({ thankYouSeconds: 8, idleResetSeconds: 30, tapGuardSeconds: 2, home: `/k/${desk.slug}?lang=fi` });
		expect(data.guard).toBe(false);
		expect(data.resumable).toBe(false);
	});

	it('says when the round is not open, and 404s an unknown collector', async () => {
		const later = await newCollectionFixture(env(), { opensInDays: 3, closesInDays: 10 });
		expect((await load(survey, call(env(), `/s/${later.slug}`))).state).toBe('not_yet_open');
		const ended = await newCollectionFixture(env(), { opensInDays: -10, closesInDays: -3 });
		expect((await load(survey, call(env(), `/s/${ended.slug}`))).state).toBe('closed');
		const missing = await thrown(load(survey, call(env(), '/s/no-such-collector')));
		expect(isHttpError(missing) && missing.status).toBe(404);
	});

	it('shows the privacy notice of the collector, addressed by mode and slug', async () => {
		const c = call(env(), `/privacy/s/${fixture.slug}?lang=fi`, { params: { mode: 's', slug: fixture.slug } });
		const data = (await (privacy.load as (event: RequestEvent) => Promise<Record<string, unknown>>)(c.event)) as { notice: { purpose: { fi?: string } }; back: string };
		expect(data.notice.purpose.fi).toMatch(/IP/);
		expect(data.back).toBe(`/s/${fixture.slug}?lang=fi`);
		const wrongMode = call(env(), `/privacy/x/${fixture.slug}`, { params: { mode: 'x', slug: fixture.slug } });
		const missing = await thrown((privacy.load as (event: RequestEvent) => Promise<unknown>)(wrongMode.event));
		expect(isHttpError(missing) && missing.status).toBe(404);
	});
});

describeDb('respondent page cache (ADR 0022)', (env) => {
	beforeEach(() => env().setNow(new Date('2026-06-01T09:00:00Z')));

	/** Stands in for SvelteKit's rendering: runs the page's load and writes its data into HTML with a fresh CSP nonce. */
	function renderer() {
		const rendered: string[] = [];
		const resolve = async (event: RequestEvent) => {
			const data = await survey.load(event as never) as SurveyPageData;
			const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
			rendered.push(data.submissionId);
			const html = `<html lang="${data.shell.lang}"><script nonce="${nonce}" src="/s.js"></script><p>${data.state}</p><input name="submissionId" value="${data.submissionId}"></html>`;
			return new Response(html, { headers: { 'content-type': 'text/html', 'content-security-policy': `script-src 'self' 'nonce-${nonce}'` } });
		};
		return { rendered, resolve };
	}

	async function get(fixture: CollectionFixture, resolve: (event: RequestEvent) => Promise<Response>, path = `/s/${fixture.slug}`) {
		const c = call(env(), path);
		Object.assign(c.event, { route: { id: '/(respond)/s/[slug]' }, isDataRequest: false });
		const response = await respondentPageCache({ event: c.event, resolve: resolve as never });
		const html = await response.text();
		const id = /name="submissionId" value="([^"]+)"/.exec(html)![1]!;
		const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy')!)![1]!;
		return { html, id, nonce };
	}

	it('renders a page once and reissues it with a new submission id and nonce until its data changes', async () => {
		const fixture = await newCollectionFixture(env());
		const { rendered, resolve } = renderer();
		const first = await get(fixture, resolve);
		const second = await get(fixture, resolve);
		expect(rendered).toEqual([first.id]);
		expect(second.id).not.toBe(first.id);
		expect(second.nonce).not.toBe(first.nonce);
		// The nonce in the page is the one in the header, and nothing else differs.
		expect(second.html).toContain(`nonce="${second.nonce}"`);
		const plain = (page: { html: string; id: string; nonce: string }) => page.html.replace(page.id, 'ID').replace(page.nonce, 'NONCE');
		expect(plain(second)).toBe(plain(first));

		// The round closes: other data, so the page is rendered again and says so.
		env().setNow(new Date('2026-07-02T09:00:00Z'));
		const closed = await get(fixture, resolve);
		expect(rendered).toHaveLength(2);
		expect(closed.html).toContain('<p>closed</p>');

		// A language choice in the address sets a cookie: always rendered.
		await get(fixture, resolve, `/s/${fixture.slug}?lang=fi`);
		await get(fixture, resolve, `/s/${fixture.slug}?lang=fi`);
		expect(rendered).toHaveLength(4);
	});
});
