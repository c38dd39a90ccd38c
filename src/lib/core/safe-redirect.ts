/**
 * A local path to return to after a form, never another site: `//evil.example` and
 * `https://…` fall back to `/`.
 */
export function safeRedirectPath(target: string): string {
	if (!target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return '/';
	return target;
}
