/** Vocabulary of the organisation model, shared by core, database and UI. */
export const networkKinds = ['development_area', 'consortium', 'project'] as const;
export type NetworkKind = (typeof networkKinds)[number];

export const libraryKinds = ['main', 'branch', 'mobile', 'other'] as const;
export type LibraryKind = (typeof libraryKinds)[number];

export const sizeClasses = ['small', 'medium', 'large'] as const;
export type SizeClass = (typeof sizeClasses)[number];

export const roles = ['admin', 'coordinator', 'director', 'staff', 'observer'] as const;
export type Role = (typeof roles)[number];

export const scopeTypes = ['global', 'network', 'municipality', 'library'] as const;
export type ScopeType = (typeof scopeTypes)[number];

export const locales = ['fi', 'sv', 'en'] as const;
export type Locale = (typeof locales)[number];
