import { m } from '#lib/paraglide/messages.js';
import type { Locale, Role, ScopeType } from '#lib/core/org-types.ts';
import { unitName, type ScopeUnit } from '#lib/core/scope-directory.ts';

/** Localised names of roles, statuses and scopes, and dates in Finnish time, for account pages. */

export const roleLabels: Record<Role, () => string> = {
	admin: m.auth_role_admin,
	coordinator: m.auth_role_coordinator,
	director: m.auth_role_director,
	staff: m.auth_role_staff,
	observer: m.auth_role_observer
};

export const statusLabels: Record<'invited' | 'active' | 'deactivated', () => string> = {
	invited: m.auth_status_invited,
	active: m.auth_status_active,
	deactivated: m.auth_status_deactivated
};

export const scopeTypeLabels: Record<ScopeType, () => string> = {
	global: m.auth_scope_global,
	network: m.auth_scope_network,
	municipality: m.auth_scope_municipality,
	library: m.auth_scope_library
};

/** "Kirjasto: Metson kirjasto", or "Koko Aspa" for a global grant. */
export function scopeLabel(scopeType: ScopeType, unit: Pick<ScopeUnit, 'nameFi' | 'nameSv'> | undefined, locale: Locale): string {
	if (scopeType === 'global') return m.auth_scope_global();
	return `${scopeTypeLabels[scopeType]()}: ${unit ? unitName(unit, locale) : m.auth_scope_gone()}`;
}

const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();

/** A date and time as people in Finland read it, in the page's language. */
export function formatDateTime(value: Date | string, locale: Locale): string {
	let format = dateTimeFormats.get(locale);
	if (!format) {
		format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : `${locale}-FI`, {
			dateStyle: 'medium',
			timeStyle: 'short',
			timeZone: 'Europe/Helsinki'
		});
		dateTimeFormats.set(locale, format);
	}
	return format.format(typeof value === 'string' ? new Date(value) : value);
}
