/**
 * Writes a host render into a directory: every file atomically (a temporary file in the same directory, then a
 * rename, so a reader sees the old file or the new one, never half of one), and files of the previous render
 * (listed in its manifest.json) that this render no longer has are removed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RenderedFile } from './manager';

const MANIFEST = 'manifest.json';

function safeRelative(p: string): string {
  const normal = path.posix.normalize(p);
  if (path.posix.isAbsolute(normal) || normal.startsWith('..') || normal === '.' || normal.includes('\0')) {
    throw new Error(`refusing to write outside the output directory: ${p}`);
  }
  return normal;
}

export function writeFileAtomic(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    const fd = fs.openSync(tmp, 'w', 0o644);
    try {
      fs.writeFileSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

function previousFiles(dir: string): string[] {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8')) as { files?: unknown };
    return Array.isArray(manifest.files) ? manifest.files.filter((f): f is string => typeof f === 'string') : [];
  } catch {
    return [];
  }
}

/** Writes the render under `dir` (manifest last); returns what was written and what was removed. */
export function writeRender(dir: string, files: readonly RenderedFile[]): { written: string[]; removed: string[] } {
  const wanted = files.map((f) => ({ ...f, path: safeRelative(f.path) }));
  const stale = previousFiles(dir)
    .map((f) => {
      try {
        return safeRelative(f);
      } catch {
        return undefined;
      }
    })
    .filter((f): f is string => f !== undefined && f !== MANIFEST && !wanted.some((w) => w.path === f));
  fs.mkdirSync(dir, { recursive: true });
  const ordered = [...wanted.filter((f) => f.path !== MANIFEST), ...wanted.filter((f) => f.path === MANIFEST)];
  for (const f of ordered) writeFileAtomic(path.join(dir, ...f.path.split('/')), f.content);
  const removed: string[] = [];
  for (const f of stale) {
    const full = path.join(dir, ...f.split('/'));
    if (fs.existsSync(full)) {
      fs.rmSync(full, { force: true });
      removed.push(f);
    }
  }
  return { written: ordered.map((f) => f.path), removed };
}
