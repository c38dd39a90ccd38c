import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { m } from '#lib/paraglide/messages.js';
import { baseUrl, demoUsers, newContext, signIn } from './browser.ts';

/**
 * Helpers for the respondent-page tests (respond.e2e.ts, kiosk.e2e.ts). Stored responses are
 * checked from the outside: through the JSON API's idempotency (the same submission id answers
 * 200 "stored before" instead of 201) and through the staff pages' counts.
 */
export type Locale = 'fi' | 'sv' | 'en';
export const locales: Locale[] = ['fi', 'sv', 'en'];

export function say(message: (inputs: Record<string, never>, options: { locale: Locale }) => string, locale: Locale): string {
	return message({}, { locale });
}

/** The submission id the server issued into the page's form. */
export async function submissionIdOf(page: Page, form = '#f'): Promise<string> {
	const id = await page.locator(`${form} input[name="submissionId"]`).inputValue();
	expect(id).toMatch(/^[0-9a-f-]{36}$/);
	return id;
}

/**
 * Whether a response with this submission id is stored: the API answers a resend of a stored id
 * with 200 and stores nothing. Call only for ids that were submitted (a fresh id would be stored).
 */
export async function isStored(
	collector: { mode: 'survey' | 'kiosk' | 'pulse'; slug: string },
	submissionId: string,
	extra: { answers?: Record<string, string>; token?: string; url?: string } = {}
): Promise<boolean> {
	const response = await fetch(`${extra.url ?? baseUrl()}/api/v1/collectors/${collector.slug}/responses?mode=${collector.mode}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ submissionId, language: 'fi', answers: extra.answers ?? {}, ...(extra.token ? { token: extra.token } : {}) })
	});
	expect([200, 201], await response.clone().text()).toContain(response.status);
	return response.status === 200;
}

/** The study's response total as the coordinator's study page shows it. */
export async function responseTotal(browser: Browser, study: string): Promise<number> {
	const context = await newContext(browser);
	try {
		const page = await context.newPage();
		await signIn(page, demoUsers.coordinator);
		await page.goto(`/studies/${study}`);
		const text = await page.locator(`a[href="/studies/${study}/responses"]`, { hasText: /\d/ }).first().textContent();
		const total = Number(/\d+/.exec(text ?? '')?.[0]);
		expect(Number.isInteger(total), `a total on /studies/${study}: ${text}`).toBe(true);
		return total;
	} finally {
		await context.close();
	}
}

/**
 * Fresh one-time codes of the staff survey, issued as the coordinator through the study page's
 * token form (CSV), so tests never share codes with each other or with the demo's known ones.
 */
export async function issueStaffTokens(browser: Browser, count: number): Promise<string[]> {
	const context = await newContext(browser);
	try {
		const page = await context.newPage();
		await signIn(page, demoUsers.coordinator);
		await page.goto('/studies/demo-staff');
		const roundId = await page.locator('#tokens-round option').first().getAttribute('value');
		const response = await page.request.post('/studies/demo-staff/tokens', {
			form: { roundId: roundId ?? '', count: String(count), format: 'csv', language: 'fi' },
			headers: { origin: baseUrl() }
		});
		expect(response.status(), await response.text()).toBe(200);
		const tokens = (await response.text()).match(/\b[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}\b/g) ?? [];
		const unique = [...new Set(tokens)];
		expect(unique).toHaveLength(count);
		return unique;
	} finally {
		await context.close();
	}
}

/**
 * Answers a survey page with the keyboard only: Tab through the form; Space on the first radio of
 * every group and on the checkboxes whose value is in `check`; type into text fields; ArrowDown in
 * selects; Enter on the submit button. Never touches the mouse.
 */
export async function answerByKeyboard(page: Page, locale: Locale, check: string[] = []): Promise<void> {
	const submit = say(m.respond_submit, locale);
	for (let step = 0; step < 400; step++) {
		await page.keyboard.press('Tab');
		const focused = await page.evaluate(() => {
			const el = document.activeElement as HTMLInputElement | null;
			if (!el) return null;
			return { tag: el.tagName, type: el.type ?? '', name: el.name ?? '', value: el.value ?? '', text: el.textContent?.trim() ?? '', checked: el.checked ?? false, form: el.form?.id ?? '' };
		});
		if (!focused) continue;
		if (focused.tag === 'BUTTON' && focused.form === 'f' && focused.text === submit) {
			await page.keyboard.press('Enter');
			return;
		}
		if (!focused.name.startsWith('q.')) continue;
		if (focused.type === 'radio' && !focused.checked) await page.keyboard.press('Space');
		else if (focused.type === 'checkbox' && check.includes(focused.value) && !focused.checked) await page.keyboard.press('Space');
		else if (focused.tag === 'SELECT') await page.keyboard.press('ArrowDown');
		else if ((focused.tag === 'TEXTAREA' || focused.type === 'text') && !focused.name.endsWith('.other') && focused.value === '')
			await page.keyboard.type('Kirjoitettu näppäimistöllä');
	}
	throw new Error('The submit button was never reached with Tab.');
}

/** The element that has focus, as a CSS-ish description for assertions. */
export async function focusedElement(page: Page): Promise<{ tag: string; className: string; id: string }> {
	return page.evaluate(() => {
		const el = document.activeElement as HTMLElement;
		return { tag: el.tagName, className: el.className, id: el.id };
	});
}

/**
 * A web collector for the training-day feedback template (the demo has none), made through the
 * staff pages as the demo admin: a study over PiKe, an open round, a collector without a library.
 * Returns the collector's slug (`/s/<slug>`).
 */
export async function trainingFeedbackCollector(browser: Browser): Promise<string> {
	const context = await newContext(browser);
	try {
		const page = await context.newPage();
		await signIn(page, demoUsers.admin);
		await page.goto('/studies/new');
		const instrumentId = await page.locator('select[name="instrumentId"] option', { hasText: 'Koulutuspäivän palaute' }).first().getAttribute('value');
		const scope = await page.locator('label', { hasText: 'PiKe' }).locator('input[name="scope"]').first().getAttribute('value');
		const suffix = Math.random().toString(36).slice(2, 8);
		const key = `e2e-training-${suffix}`;
		const post = async (path: string, form: Record<string, string>) => {
			const response = await page.request.post(path, { form, headers: { origin: baseUrl(), accept: 'text/html' }, maxRedirects: 0 });
			expect(response.status(), `${path}: ${(await response.text()).slice(0, 500)}`).toBe(303);
		};
		await post('/studies/new', { key, 'name.fi': 'Koulutuspäivä (e2e)', instrumentId: instrumentId ?? '', scope: scope ?? '' });
		const year = new Date().getFullYear();
		const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
		await post(`/studies/${key}?/addRound`, { key: 'r1', 'name.fi': 'Kierros 1', opensAt: `${yesterday}T00:00`, closesAt: `${year + 1}-12-31T23:00` });
		await post(`/studies/${key}?/addCollector`, { channel: 'web', libraryId: '', slug: key });
		return key;
	} finally {
		await context.close();
	}
}
