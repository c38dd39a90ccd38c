import { roles, scopeTypes, type Role, type ScopeType } from '#lib/core/org-types.ts';
import { m } from '#lib/paraglide/messages.js';

/**
 * Reads the role and scope fields of the invitation and grant forms (`role`, and `scope` as
 * `network:12` or `global:`); the service checks what the actor may hand out.
 */
export function readGrantFields(form: FormData): { ok: true; role: Role; scopeType: ScopeType; scopeId: number | null } | { ok: false; errors: Record<string, string> } {
	const role = roles.find((r) => r === form.get('role'));
	const [type, id] = String(form.get('scope') ?? '').split(':');
	const scopeType = scopeTypes.find((t) => t === type);
	const scopeId = scopeType === 'global' ? null : Number(id);
	const errors: Record<string, string> = {};
	if (!role) errors.role = m.error_grant_choice_required();
	if (!scopeType || (scopeId !== null && !(Number.isInteger(scopeId) && scopeId > 0))) errors.scope = m.error_grant_choice_required();
	if (!role || !scopeType || Object.keys(errors).length) return { ok: false, errors };
	return { ok: true, role, scopeType, scopeId };
}
