import { describe, expect, it } from 'vitest';
import { navigationFor } from './navigation.ts';
import type { Actor, Grant } from './permissions.ts';

const actor = (grants: Grant[]): Actor => ({ id: 1, email: 'a@x.fi', displayName: 'A', locale: 'fi', grants });
const hrefs = (a: Actor | null) => navigationFor(a).map((item) => item.href);

describe('account entries of the main menu', () => {
	it('shows admins users, the audit log and the outbox', () => {
		expect(hrefs(actor([{ role: 'admin', scopeType: 'global', scopeId: null }]))).toEqual(
			expect.arrayContaining(['/admin/users', '/admin/audit', '/admin/outbox'])
		);
	});

	it('shows coordinators and directors users only', () => {
		for (const role of ['coordinator', 'director'] as const) {
			const items = hrefs(actor([{ role, scopeType: 'network', scopeId: 1 }]));
			expect(items).toContain('/admin/users');
			expect(items).not.toContain('/admin/audit');
			expect(items).not.toContain('/admin/outbox');
		}
	});

	it('shows staff, observers and visitors none of them', () => {
		for (const a of [actor([{ role: 'staff', scopeType: 'library', scopeId: 1 }]), actor([{ role: 'observer', scopeType: 'network', scopeId: 1 }]), null]) {
			expect(hrefs(a).filter((href) => href.startsWith('/admin/users') || href === '/admin/audit' || href === '/admin/outbox')).toEqual([]);
		}
	});
});
