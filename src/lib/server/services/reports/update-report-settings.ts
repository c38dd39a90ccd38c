import type { Actor } from '#lib/core/permissions.ts';
import { readReportSettings, reportSettingsSchema, type ReportSettings, type ReportSettingsInput } from '#lib/core/report/settings.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import { updateReportSettings as storeReportSettings } from '#lib/server/db/report-scope.ts';
import { parseOrThrow } from '../collection/parse-input.ts';
import { loadStudyAccess, requireManageStudy } from '../collection/study-access.ts';
import { inTransaction } from '../collection/transaction.ts';
import type { Deps } from '../deps.ts';

/**
 * Sets a study's report settings (`study.manage`; audited): the minimum group size (5 or more —
 * a smaller one is refused with `invalid_input` on `minGroupSize`), derived segment groups and
 * the segment gaps to test. Fields left out keep their stored value; returns the settings in force.
 */
export async function updateReportSettings(deps: Deps, actor: Actor, studyKey: string, input: ReportSettingsInput): Promise<ReportSettings> {
	const changes = parseOrThrow(reportSettingsSchema, input, 'report settings');
	const now = deps.now();
	return inTransaction(deps.db, async (trx) => {
		const access = await loadStudyAccess(trx, studyKey, now);
		requireManageStudy(actor, access);
		const stored = reportSettingsSchema.parse(access.study.reportSettings ?? {});
		const next = Object.fromEntries(Object.entries({ ...stored, ...changes }).filter(([, value]) => value !== undefined));
		await storeReportSettings(trx, access.study.id, next, now);
		await insertAuditEvent(trx, {
			actorUserId: actor.id,
			action: 'study.report_settings',
			targetType: 'study',
			targetId: access.study.id,
			details: { fields: Object.keys(changes).filter((field) => changes[field as keyof typeof changes] !== undefined) }
		});
		return readReportSettings(next);
	});
}
