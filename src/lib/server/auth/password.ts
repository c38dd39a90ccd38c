import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';

/**
 * Password hashing with argon2id at OWASP's first recommended setting (19 MiB, 2 passes, one
 * lane): about 30 ms here, slow enough for an attacker with a stolen table, fast enough for a
 * sign-in. The PHC string in the database carries its own parameters, so raising them later still
 * verifies old hashes.
 */
const OPTIONS: Options = {
	algorithm: 2 as Algorithm, // Argon2id (a const enum in the package types, so written as its value)
	memoryCost: 19_456,
	timeCost: 2,
	parallelism: 1
};

export async function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

/** False for a wrong password and for a hash that cannot be read (never throws for bad input). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time of one real verification when there is no account (or no password) to check,
 * so the response time of a sign-in does not tell whether an address has an account.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
	dummyHash ??= hashPassword('aspa-dummy-password-for-timing');
	await verifyPassword(await dummyHash, password);
	return false;
}
