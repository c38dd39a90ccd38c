import { describe, expect, it } from 'vitest';
import { readReportSettings, reportSettingsSchema } from './settings.ts';

describe('report settings', () => {
	it('fills in the defaults: 5, 45+ from the template age bands, 15–29 against 45+', () => {
		const settings = readReportSettings({});
		expect(settings.minGroupSize).toBe(5);
		expect(settings.derivedGroups.find((group) => group.key === '45-plus')).toMatchObject({ segment: 'age_band', values: ['45-64', '65-plus'] });
		expect(settings.comparisons).toContainEqual({ segment: 'age_band', from: '15-29', to: '45-plus' });
	});

	it('refuses a minimum group size under 5 or not whole, and keeps a study’s own empty lists', () => {
		expect(reportSettingsSchema.safeParse({ minGroupSize: 4 }).success).toBe(false);
		expect(reportSettingsSchema.safeParse({ minGroupSize: 5.5 }).success).toBe(false);
		expect(readReportSettings({ minGroupSize: 10, derivedGroups: [], comparisons: [] })).toEqual({ minGroupSize: 10, derivedGroups: [], comparisons: [] });
		expect(() => readReportSettings({ minGroupSize: 3 })).toThrow(/do not parse/);
	});

	it('refuses a derived group named like its values, listed twice, or with a value twice', () => {
		const group = { segment: 'age_band', key: 'old', label: { fi: 'Vanhat' }, values: ['45-64', '65-plus'] };
		expect(reportSettingsSchema.safeParse({ derivedGroups: [group] }).success).toBe(true);
		expect(reportSettingsSchema.safeParse({ derivedGroups: [group, group] }).success).toBe(false);
		expect(reportSettingsSchema.safeParse({ derivedGroups: [{ ...group, key: '45-64' }] }).success).toBe(false);
		expect(reportSettingsSchema.safeParse({ derivedGroups: [{ ...group, values: ['45-64', '45-64'] }] }).success).toBe(false);
		expect(reportSettingsSchema.safeParse({ comparisons: [{ segment: 'age_band', from: 'a', to: 'a' }] }).success).toBe(false);
	});
});
