/**
 * The password of every demo account. Demo accounts exist only in an embedded pilot created by
 * `npm start` on an empty directory or by `aspa demo`; they are marked `is_demo` and the start
 * banner lists them.
 */
export const DEMO_PASSWORD = 'aspa-demo-2026';
