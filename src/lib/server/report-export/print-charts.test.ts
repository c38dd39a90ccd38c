import { describe, expect, it } from 'vitest';
import { patternFill } from '#lib/core/report/charts/palette.ts';
import { solidChartFills } from './print-charts.ts';

describe('charts for the PDF', () => {
	it('turns each pattern fill into its base colour and keeps other references', () => {
		const hatched = patternFill('c-1-p0', '#e66101', 'down');
		const svg = `<svg><defs>${hatched.defs}<clipPath id="clip"><rect/></clipPath></defs><rect fill="${hatched.fill}" clip-path="url(#clip)"/><rect fill="#fff"/></svg>`;
		expect(svg).toContain('<pattern');
		expect(solidChartFills(svg)).toBe('<svg><defs><clipPath id="clip"><rect/></clipPath></defs><rect fill="#e66101" clip-path="url(#clip)"/><rect fill="#fff"/></svg>');
	});
});
