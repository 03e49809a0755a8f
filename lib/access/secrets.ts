/**
 * Session ids and wall tokens: 256 random bits, kept on disk only as their SHA-256, so
 * a copy of the files signs nobody in.
 */
import { createHash, randomBytes } from "node:crypto";

export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function secretHash(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
