/**
 * Statistics for reports, computed from counts and sums (never from raw answers). Every function
 * is pure and checked against hand-worked or published reference values in its test.
 * Conventions: 95 % intervals; proportions in 0…1 (the report multiplies by 100 for display);
 * p-values two-sided; a function that cannot compute (n too small, zero variance) returns null
 * fields rather than NaN. Methods and their sources: ADR 0016.
 */
export * from './descriptive.ts';
export * from './intervals.ts';
export * from './indices.ts';
export * from './tests.ts';
export * from './multiple.ts';
