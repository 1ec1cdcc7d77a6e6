import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id in @node-rs/argon2 (a const enum, which isolated modules cannot import).
const ARGON2ID = 2;

const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const PASSWORD_POLICY_MESSAGE =
  '密码至少 8 位，且须包含大写字母、小写字母、数字、符号中的至少三类';

/** Returns a Chinese message when the password breaks the policy, otherwise null. */
export function checkPasswordPolicy(password: string): string | null {
  if (password.length < 8 || password.length > 128) return PASSWORD_POLICY_MESSAGE;
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) =>
    re.test(password),
  ).length;
  return classes >= 3 ? null : PASSWORD_POLICY_MESSAGE;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against a fixed hash for unknown users keeps response times alike.
let decoyHash: Promise<string> | undefined;
export async function verifyDecoy(password: string): Promise<void> {
  decoyHash ??= hashPassword('decoy-password-Taizhang-1');
  await verifyPassword(await decoyHash, password);
}
