import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Content-addressed file storage: a file lives at `ab/cd/<sha256>` under the root. */
export class EvidenceStore {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('invalid content address');
    return path.join(path.resolve(this.root), sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /** Stores the bytes (once per content) and returns their SHA-256. */
  async put(bytes: Buffer): Promise<string> {
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(sha256);
    try {
      await fs.access(target);
      return sha256;
    } catch {
      // not stored yet
    }
    await fs.mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    await fs.writeFile(temp, bytes, { flag: 'wx' });
    await fs.rename(temp, target);
    return sha256;
  }

  async read(sha256: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.pathOf(sha256));
    } catch {
      return null;
    }
  }
}
