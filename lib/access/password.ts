/**
 * Passwords hashed with scrypt (memory-hard, from the runtime's node:crypto), stored
 * with their salt and cost so the cost can be raised later without locking anyone out.
 */
import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from "node:crypto";

export interface PasswordHash {
  algorithm: "scrypt";
  /** CPU/memory cost, block size, parallelism: 32 MiB of memory per check. */
  N: number;
  r: number;
  p: number;
  salt: string;
  hash: string;
}

const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_BYTES = 32;
/** Passwords shorter than this are refused: a street official's login guards residents' data. */
export const MIN_PASSWORD_LENGTH = 10;

/**
 * Derivations at once. Each holds 32 MiB while it runs and the runtime would start all of
 * them in threads of their own: fifty people signing in at once (a shift starting, or a
 * flood of guesses under fifty names) took the server's memory up by a gigabyte. In turns,
 * a crowd costs time, not memory; two keep both cores busy.
 */
const DERIVATIONS_AT_ONCE = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  if (running >= DERIVATIONS_AT_ONCE) await new Promise<void>((admit) => waiting.push(admit));
  else running++;
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  try {
    return await new Promise((resolve, reject) =>
      scrypt(password.normalize("NFC"), salt, KEY_BYTES, options, (e, key) => e ? reject(e) : resolve(key))
    );
  } finally {
    // The slot passes to the next in line as it is, or is given back.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

export async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return { algorithm: "scrypt", ...COST, salt: salt.toString("base64"), hash: key.toString("base64") };
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  if (stored.algorithm !== "scrypt") return false;
  const expected = Buffer.from(stored.hash, "base64");
  const key = await derive(password, Buffer.from(stored.salt, "base64"), stored);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Why a new password is refused, or null. */
export function passwordProblem(password: string): string | null {
  return [...password].length < MIN_PASSWORD_LENGTH
    ? `a password needs at least ${MIN_PASSWORD_LENGTH} characters`
    : null;
}
