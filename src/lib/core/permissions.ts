import type { Role, ScopeType } from './org-types.ts';

/**
 * Who may do what, in one pure function. Every route and service asks `can`; nothing else
 * compares roles. `permissions.test.ts` walks every role × action × scope.
 */

export interface Grant {
	role: Role;
	scopeType: ScopeType;
	/** Id of the network, municipality or library; null for a global grant. */
	scopeId: number | null;
}

export interface Actor {
	id: number;
	email: string;
	displayName: string;
	locale: 'fi' | 'sv' | 'en';
	grants: Grant[];
}
