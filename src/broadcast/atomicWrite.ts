/**
 * Writes a file so that a reader never sees a partial one: the content goes to a temp file in the same
 * directory, which is then renamed over the target (Eucalyptus' FileOutputApplicator does the same with `.temp`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function writeFileAtomic(file: string, data: string | Buffer): void {
  const target = path.resolve(file);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.temp`);
  try {
    fs.writeFileSync(temp, data);
    fs.renameSync(temp, target);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
}
