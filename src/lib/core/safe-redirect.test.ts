import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './safe-redirect.ts';

describe('safeRedirectPath', () => {
	it('keeps local paths with their query', () => {
		expect(safeRedirectPath('/admin/libraries?q=tampere')).toBe('/admin/libraries?q=tampere');
	});

	it.each(['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', ''])(
		'sends %j home instead of off-site',
		(target) => {
			expect(safeRedirectPath(target)).toBe('/');
		}
	);
});
