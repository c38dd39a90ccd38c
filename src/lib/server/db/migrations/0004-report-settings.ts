import type { Kysely } from 'kysely';
import { runScript } from './run-script.ts';

/**
 * Report settings per study (ADR 0018): `minGroupSize` (default 5, configurable upward only) and
 * `derivedGroups` (segment groups such as 45+ = 45–64 ∪ 65+) and `comparisons` (segment gaps the
 * report tests and calls out). `{}` means the defaults of `core/report/settings.ts`. The check
 * keeps the minimum group size from going below 5 even if a script writes the column directly.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await runScript(
		db,
		`
		alter table study add column report_settings jsonb not null default '{}'::jsonb;
		alter table study add constraint study_report_settings_min_group check (
			jsonb_typeof(report_settings) = 'object'
			and (
				not jsonb_exists(report_settings, 'minGroupSize')
				or (jsonb_typeof(report_settings -> 'minGroupSize') = 'number' and (report_settings ->> 'minGroupSize')::numeric >= 5)
			)
		);
	`
	);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await runScript(
		db,
		`
		alter table study drop constraint study_report_settings_min_group;
		alter table study drop column report_settings;
	`
	);
}
