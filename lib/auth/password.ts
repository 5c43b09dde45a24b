// Passwords are hashed with argon2id (memory-hard), through @node-rs/argon2's prebuilt binary.
import { hash, verify } from "@node-rs/argon2";

// A fixed hash to verify against when the user does not exist, so that timing does not reveal
// which emails have accounts.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$Ozqr8npotINxTCcjwZYGZg$XOQzLO5rYMof+z2BLB0nvzIF8Nh1rnRz8JbcwBQy+M8";

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  try {
    return (await verify(passwordHash ?? DUMMY_HASH, password)) && Boolean(passwordHash);
  } catch {
    return false;
  }
}
