import { describe, expect, it } from 'vitest';
import { navigationFor } from './navigation.ts';
import type { Actor, Grant } from './permissions.ts';

const actor = (grants: Grant[]): Actor => ({ id: 1, email: 'a@x.fi', displayName: 'A', locale: 'fi', grants });
const hrefs = (a: Actor | null) => navigationFor(a).map((item) => item.href);

describe('report entry of the main menu', () => {
	it('shows reports to everyone who may open one somewhere', () => {
		expect(hrefs(actor([{ role: 'admin', scopeType: 'global', scopeId: null }]))).toContain('/reports');
		expect(hrefs(actor([{ role: 'coordinator', scopeType: 'network', scopeId: 1 }]))).toContain('/reports');
		expect(hrefs(actor([{ role: 'director', scopeType: 'municipality', scopeId: 3 }]))).toContain('/reports');
		expect(hrefs(actor([{ role: 'staff', scopeType: 'library', scopeId: 1 }]))).toContain('/reports');
	});

	it('shows it to neither observers nor visitors', () => {
		expect(hrefs(actor([{ role: 'observer', scopeType: 'network', scopeId: 1 }]))).not.toContain('/reports');
		expect(hrefs(null)).not.toContain('/reports');
	});

	it('places it right after the studies', () => {
		const items = hrefs(actor([{ role: 'director', scopeType: 'library', scopeId: 1 }]));
		expect(items.indexOf('/reports')).toBe(items.indexOf('/studies') + 1);
	});
});
