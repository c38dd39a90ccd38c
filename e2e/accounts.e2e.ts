import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chooseLanguage, DEMO_PASSWORD, demoUsers, expectNoAxeViolations, hydrated, launchBrowser, newContext, signIn } from './browser.ts';

type Locale = 'fi' | 'sv' | 'en';

const welcome: Record<Locale, string> = { fi: 'Tervetuloa', sv: 'Välkommen', en: 'Welcome' };
const genericError: Record<Locale, string> = {
	fi: 'Sähköpostiosoite tai salasana on väärin',
	sv: 'E-postadressen eller lösenordet är fel',
	en: 'The e-mail address or password is wrong'
};

/** What the element with focus is, for keyboard assertions. */
function focused(page: Page) {
	return page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		return { className: el?.className ?? '', text: el?.textContent?.trim() ?? '', tag: el?.tagName ?? '', href: el?.getAttribute('href') ?? '' };
	});
}

describe('accounts', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it.each(['fi', 'sv', 'en'] as const)('signs in after choosing %s with the switcher and greets in that language', async (locale) => {
		const context = await newContext(browser, { locale: 'fi' });
		const page = await context.newPage();
		await page.goto('/login');
		await chooseLanguage(page, locale);
		expect(await page.getAttribute('html', 'lang')).toBe(locale);
		await expectNoAxeViolations(page);
		await signIn(page, demoUsers.director);
		expect(new URL(page.url()).pathname).toBe('/');
		expect(await page.getAttribute('html', 'lang')).toBe(locale);
		await expect(page.locator('h1').textContent()).resolves.toContain(welcome[locale]);
		// The director's card names their municipality and lists its libraries.
		await expect(page.locator('.card[data-role="director"]').textContent()).resolves.toMatch(/Tampere|Tammerfors/);
		await expectNoAxeViolations(page);
		await context.close();
	});

	it('signs in and out without JavaScript', async () => {
		const context = await newContext(browser, { javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/login');
		await page.fill('#email', 'nobody-at-all@aspa.example');
		await page.fill('#password', 'not the password');
		await page.click('form[data-login] button[type="submit"]');
		await expect(page.locator('.error-summary').textContent()).resolves.toContain(genericError.fi);
		expect(await page.inputValue('#email')).toBe('nobody-at-all@aspa.example');

		await signIn(page, demoUsers.staff, DEMO_PASSWORD, { javaScript: false });
		await expect(page.locator('.card[data-role="staff"]').textContent()).resolves.toContain('Metso');
		await page.click('.header-tools form[action="/logout"] button');
		await page.waitForURL((url) => url.pathname === '/');
		await expect(page.locator('a.button[href="/login"]').count()).resolves.toBe(1);
		await context.close();
	});

	it('shows the generic error after a failed sign-in, keeps the e-mail and moves focus to the error summary', async () => {
		const context = await newContext(browser, { locale: 'en' });
		const page = await context.newPage();
		await page.goto('/login');
		await hydrated(page);
		await page.fill('#email', 'someone-unknown@aspa.example');
		await page.fill('#password', 'a wrong password');
		await page.click('form[data-login] button[type="submit"]');
		await page.waitForSelector('.error-summary');
		await expect(page.locator('.error-summary').textContent()).resolves.toContain(genericError.en);
		expect(await page.inputValue('#email')).toBe('someone-unknown@aspa.example');
		expect((await focused(page)).className).toContain('error-summary');
		await expectNoAxeViolations(page);
		await context.close();
	});

	it('is usable by keyboard alone: skip link, menu, Enter', async () => {
		const context = await newContext(browser);
		const page = await context.newPage();
		await signIn(page, demoUsers.admin);
		await page.goto('/');
		await hydrated(page);
		await page.keyboard.press('Tab');
		expect((await focused(page)).className).toContain('skip-link');

		// On through the header to the menu entry for users, then open it.
		let reached = false;
		for (let i = 0; i < 20 && !reached; i++) {
			await page.keyboard.press('Tab');
			reached = (await focused(page)).href === '/admin/users';
		}
		expect(reached).toBe(true);
		await Promise.all([page.waitForURL((url) => url.pathname === '/admin/users'), page.keyboard.press('Enter')]);

		// The skip link jumps past the header: the next Tab lands on the page's own first control.
		await page.keyboard.press('Tab');
		expect((await focused(page)).className).toContain('skip-link');
		await page.keyboard.press('Enter');
		await page.keyboard.press('Tab');
		expect(await focused(page)).toMatchObject({ href: '/admin/users/invite' });
		await Promise.all([page.waitForURL((url) => url.pathname === '/admin/users/invite'), page.keyboard.press('Enter')]);
		await hydrated(page);
		// Skip link, Enter, then past the back link to the first field of the form.
		await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		await page.keyboard.press('Tab');
		expect(await focused(page)).toMatchObject({ href: '/admin/users' });
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('email');
		await context.close();
	});

	it('lets an admin invite a user whose invitation waits in the outbox; the link activates the account in its language', async () => {
		const email = `e2e-invitee-${Date.now()}@aspa.example`;
		const adminContext = await newContext(browser);
		const admin = await adminContext.newPage();
		await signIn(admin, demoUsers.admin);
		await admin.goto('/admin/users/invite');
		await hydrated(admin);
		await admin.fill('#email', email);
		await admin.fill('#displayName', 'Svea Testare');
		await admin.selectOption('#locale', 'sv');
		await admin.selectOption('#role', 'staff');
		const metso = await admin.locator('#scope option', { hasText: 'Metso' }).first().getAttribute('value');
		await admin.selectOption('#scope', metso!);
		await Promise.all([admin.waitForURL(/\/admin\/users\/\d+\?done=invited/), admin.click('main form button[type="submit"]')]);
		await expect(admin.locator('.notice').textContent()).resolves.toContain('lähteviin viesteihin');
		await expect(admin.locator('.grants').textContent()).resolves.toContain('Metso');

		await admin.goto('/admin/outbox');
		const card = admin.locator('li.card', { hasText: email });
		await expect(card.locator('h2').textContent()).resolves.toBe('Inbjudan till Aspa');
		const body = (await card.locator('pre').textContent())!;
		const path = new URL(body.match(/https?:\/\/\S+\/invitation\/[A-Za-z0-9_-]+/)![0]).pathname;

		// The invitee, in a browser of their own with no language chosen, sets a password.
		const inviteeContext = await newContext(browser, { locale: 'fi' });
		const invitee = await inviteeContext.newPage();
		await invitee.goto(path);
		await hydrated(invitee);
		await expect(invitee.locator('main').textContent()).resolves.toContain('Svea Testare');
		await invitee.fill('#newPassword', 'short');
		await invitee.fill('#confirmPassword', 'short');
		await invitee.click('main form button[type="submit"]');
		await invitee.waitForSelector('.error-summary');
		expect((await focused(invitee)).className).toContain('error-summary');
		await invitee.fill('#newPassword', 'svea sätter ett långt lösenord');
		await invitee.fill('#confirmPassword', 'svea sätter ett långt lösenord');
		await Promise.all([invitee.waitForURL(/\/login\?done=password/), invitee.click('main form button[type="submit"]')]);
		await signIn(invitee, email, 'svea sätter ett långt lösenord');
		await expect(invitee.locator('h1').textContent()).resolves.toContain('Tervetuloa, Svea Testare');

		// In a browser without a language cookie (no JavaScript has run there), her stored language applies.
		const plainContext = await newContext(browser, { locale: 'fi', javaScriptEnabled: false });
		const plain = await plainContext.newPage();
		await signIn(plain, email, 'svea sätter ett långt lösenord', { javaScript: false });
		expect(await plain.getAttribute('html', 'lang')).toBe('sv');
		await expect(plain.locator('h1').textContent()).resolves.toContain('Välkommen');
		await plainContext.close();

		// She changes her password; the link of the invitation no longer works.
		await invitee.goto('/account/password');
		await hydrated(invitee);
		await invitee.fill('#currentPassword', 'svea sätter ett långt lösenord');
		await invitee.fill('#newPassword', 'ett ännu längre nytt lösenord');
		await invitee.fill('#confirmPassword', 'ett ännu längre nytt lösenord');
		await Promise.all([invitee.waitForURL(/\/account\?changed=password/), invitee.click('main form button[type="submit"]')]);
		await invitee.goto(path);
		await expect(invitee.locator('h1').textContent()).resolves.toBe('Linkki ei toimi');

		// The audit log shows the invitation and its acceptance.
		await admin.goto('/admin/audit');
		await expect(admin.locator('table').textContent()).resolves.toContain('Svea Testare');
		await adminContext.close();
		await inviteeContext.close();
	});

	it.each(['fi', 'sv', 'en'] as const)('has no axe-core violations on the account pages in %s', async (locale) => {
		const context = await newContext(browser, { locale });
		const page = await context.newPage();
		for (const path of ['/', '/login', '/reset-password', '/invitation/not-a-token', '/reset-password/not-a-token']) {
			await page.goto(path);
			expect(await page.getAttribute('html', 'lang')).toBe(locale);
			await expectNoAxeViolations(page);
		}
		await page.goto('/reset-password');
		await hydrated(page);
		await page.fill('#email', 'whoever@aspa.example');
		await page.click('main form button[type="submit"]');
		await page.waitForSelector('.notice');
		await expectNoAxeViolations(page);

		await signIn(page, demoUsers.admin);
		const userLink = page.locator('table a[href^="/admin/users/"]').first();
		for (const path of ['/', '/account', '/account/password', '/admin/users', '/admin/users/invite', '/admin/audit', '/admin/outbox']) {
			await page.goto(path);
			expect(await page.getAttribute('html', 'lang')).toBe(locale);
			await expectNoAxeViolations(page);
		}
		await page.goto('/admin/users?role=staff');
		await page.goto((await userLink.getAttribute('href'))!);
		await expectNoAxeViolations(page);
		// An empty invitation shows its errors; that page must pass too.
		await page.goto('/admin/users/invite');
		await hydrated(page);
		await page.click('main form button[type="submit"]');
		await page.waitForSelector('.error-summary');
		await expectNoAxeViolations(page);
		await context.close();

		for (const role of ['coordinator', 'staff', 'observer'] as const) {
			const roleContext = await newContext(browser, { locale });
			const rolePage = await roleContext.newPage();
			await signIn(rolePage, demoUsers[role]);
			await expect(rolePage.locator(`.card[data-role="${role}"]`).count()).resolves.toBe(1);
			await expectNoAxeViolations(rolePage);
			await roleContext.close();
		}
	});

	it('keeps admin pages from signed-out visitors and from staff', async () => {
		const context = await newContext(browser);
		const page = await context.newPage();
		await page.goto('/admin/users');
		expect(new URL(page.url()).pathname).toBe('/login');
		expect(new URL(page.url()).searchParams.get('redirectTo')).toBe('/admin/users');
		await signIn(page, demoUsers.staff);
		const response = await page.goto('/admin/audit');
		expect(response?.status()).toBe(403);
		expect(await page.locator('nav a[href="/admin/users"]').count()).toBe(0);
		await context.close();
	});

	it('answers GET /logout with 405: only a form can sign out', async () => {
		const context = await newContext(browser);
		const response = await context.request.get('/logout');
		expect(response.status()).toBe(405);
		await context.close();
	});
});
