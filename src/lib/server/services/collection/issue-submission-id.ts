import { randomUUID } from 'node:crypto';

/**
 * A fresh submission id for a respondent form's hidden `submissionId` field. The form posts it
 * back with the answers, so a double click or a retry of the same form stores one response
 * (ADR 0011). The kiosk's offline queue makes its own (`crypto.randomUUID()` in the browser).
 */
export function issueSubmissionId(): string {
	return randomUUID();
}
