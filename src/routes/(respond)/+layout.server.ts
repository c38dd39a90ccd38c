/**
 * Respondent pages (survey, kiosk, pulse, thank-you, resume, privacy notice) are server-rendered
 * HTML forms without SvelteKit's client: they must work without JavaScript and fit the byte budget
 * (ADR 0013). Their only script is the small one RespondShell links (components/respond/script).
 */
export const csr = false;
