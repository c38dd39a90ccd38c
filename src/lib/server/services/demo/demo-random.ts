import { createHash } from 'node:crypto';

/**
 * A seeded pseudo-random stream for the demo data: the same seed gives the same numbers on every
 * machine and every run, so `aspa demo` is repeatable and tests can name what the demo contains.
 * Mulberry32 (Tommy Ettinger's 32-bit generator): tiny, fast and plenty for synthetic survey
 * answers; not for anything secret.
 */
export interface DemoRandom {
	/** A number in [0, 1). */
	next(): number;
	/** True with probability `p`. */
	chance(p: number): boolean;
	/** An integer in [low, high]. */
	int(low: number, high: number): number;
	/** One of `items`, evenly. */
	pick<T>(items: readonly T[]): T;
	/** A key of `weights`, with probability proportional to its weight. */
	weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
	/** A standard normal deviate (Box–Muller). */
	normal(): number;
}

export function demoRandom(seed: string): DemoRandom {
	let state = createHash('sha256').update(seed).digest().readUInt32LE(0);
	const next = (): number => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		chance: (p) => next() < p,
		int: (low, high) => low + Math.floor(next() * (high - low + 1)),
		pick: (items) => items[Math.floor(next() * items.length)]!,
		weighted: (weights) => {
			const entries = Object.entries(weights) as [keyof typeof weights, number][];
			const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
			let draw = next() * total;
			for (const [key, weight] of entries) {
				draw -= weight;
				if (draw < 0) return key;
			}
			return entries.at(-1)![0];
		},
		normal: () => {
			const u = 1 - next();
			return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
		}
	};
}

/** A stable submission id (UUID v4 form) for the `index`th response of a demo stream. */
export function demoSubmissionId(stream: string, index: number): string {
	const hex = createHash('sha256').update(`aspa-demo:${stream}:${index}`).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[parseInt(hex[16]!, 16) % 4]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
