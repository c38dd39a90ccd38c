import { createHash } from 'node:crypto';
import { normaliseEmail } from '#lib/core/password-policy.ts';

/**
 * Throttling of failed sign-ins, in two parts:
 * - per e-mail address: failures are stored in `login_failure` under a hash of the normalised
 *   address (never the address), so the limit holds across restarts and server processes;
 * - per client address: counted in this process's memory only and never written anywhere.
 * After MAX_FAILURES within the window, further attempts are refused until the oldest of those
 * failures leaves the window. Refused attempts are not counted, so a person who waits gets in.
 */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
/** Generous: a library's staff often share one public address behind NAT. */
export const MAX_FAILURES_PER_CLIENT = 50;

export function emailThrottleKey(email: string): string {
	return createHash('sha256').update(`aspa-login:${normaliseEmail(email)}`).digest('hex');
}

/**
 * When the attempts may start again, given the failure times inside the window (newest first);
 * null while fewer than `max` failures are in the window.
 */
export function throttledUntil(failuresNewestFirst: readonly Date[], max: number, windowMs = LOGIN_WINDOW_MS): Date | null {
	const limiting = failuresNewestFirst[max - 1];
	return limiting ? new Date(limiting.getTime() + windowMs) : null;
}

/** Failed sign-ins per client address, in memory only. */
export class ClientFailureCounter {
	readonly #failures = new Map<string, number[]>();
	readonly #max: number;
	readonly #maxTracked: number;

	constructor(options: { max?: number; maxTracked?: number } = {}) {
		this.#max = options.max ?? MAX_FAILURES_PER_CLIENT;
		this.#maxTracked = options.maxTracked ?? 10_000;
	}

	/** When the address may try again, or null when it may now. */
	blockedUntil(address: string, now: Date): Date | null {
		const recent = this.#recent(address, now);
		return throttledUntil(recent.map((t) => new Date(t)), this.#max);
	}

	record(address: string, now: Date): void {
		const recent = this.#recent(address, now);
		recent.unshift(now.getTime());
		this.#failures.delete(address);
		this.#failures.set(address, recent.slice(0, this.#max));
		// The Map keeps insertion order, so the first key is the one idle longest.
		if (this.#failures.size > this.#maxTracked) this.#failures.delete(this.#failures.keys().next().value!);
	}

	#recent(address: string, now: Date): number[] {
		return (this.#failures.get(address) ?? []).filter((t) => t > now.getTime() - LOGIN_WINDOW_MS);
	}
}

/** The counter the web sign-in uses: one per server process. */
export const clientFailures = new ClientFailureCounter();
