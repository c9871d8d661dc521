/**
 * Reads a V8 `.cpuprofile` (node --cpu-prof) and reports where the time went: self and inclusive time per
 * function, and self time per file, with dist/*.js positions mapped back to src/*.ts through the source maps
 * tsc writes beside them. `node dist-dev/bench/profile.js FILE.cpuprofile [top]` prints the same report.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

interface HotSpot {
  /** function name and TS (or JS) file:line */
  where: string;
  selfMs: number;
  selfPct: number;
  totalMs: number;
  totalPct: number;
}

export interface ProfileReport {
  file: string;
  durationMs: number;
  /** Time the process spent waiting (idle), in the garbage collector, and in native code V8 cannot name. */
  idlePct: number;
  gcPct: number;
  programPct: number;
  topSelf: HotSpot[];
  topTotal: HotSpot[];
  byFile: Array<{ file: string; selfMs: number; selfPct: number }>;
}

// ---------------------------------------------------------------------------------------------------------------
// source maps (only what tsc emits: one file, `mappings` with VLQ segments)

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

interface Segment {
  col: number;
  source: number;
  line: number;
}

class SourceMap {
  private readonly lines: Segment[][] = [];
  readonly sources: string[];

  constructor(mapFile: string) {
    const map = JSON.parse(fs.readFileSync(mapFile, 'utf8')) as { sources: string[]; sourceRoot?: string; mappings: string };
    const dir = path.dirname(mapFile);
    this.sources = map.sources.map((s) => path.resolve(dir, map.sourceRoot ?? '', s));
    let source = 0;
    let line = 0;
    for (const text of map.mappings.split(';')) {
      const segs: Segment[] = [];
      let col = 0;
      for (const segText of text.split(',')) {
        if (!segText) continue;
        const v = decodeVlq(segText);
        col += v[0];
        if (v.length >= 4) {
          source += v[1];
          line += v[2];
          segs.push({ col, source, line });
        }
      }
      this.lines.push(segs);
    }
  }

  /** 0-based generated line/column -> original file and 1-based line. */
  lookup(line: number, col: number): { file: string; line: number } | undefined {
    const segs = this.lines[line];
    if (!segs || segs.length === 0) return undefined;
    let best = segs[0];
    for (const s of segs) {
      if (s.col <= col) best = s;
      else break;
    }
    return { file: this.sources[best.source], line: best.line + 1 };
  }
}

function decodeVlq(text: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const c of text) {
    const digit = B64_INDEX.get(c) ?? 0;
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------

const REPO = path.resolve(__dirname, '..', '..');

function shortFile(file: string): string {
  const rel = path.relative(REPO, file);
  if (rel.startsWith('..')) return file;
  const nm = rel.lastIndexOf('node_modules/');
  return nm >= 0 ? rel.slice(nm) : rel;
}

export function analyzeProfile(file: string, top = 25): ProfileReport {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const maps = new Map<string, SourceMap | null>();
  const mapFor = (jsFile: string): SourceMap | null => {
    if (!maps.has(jsFile)) {
      const mapFile = `${jsFile}.map`;
      let m: SourceMap | null = null;
      try {
        if (fs.existsSync(mapFile)) m = new SourceMap(mapFile);
      } catch {
        m = null;
      }
      maps.set(jsFile, m);
    }
    return maps.get(jsFile) ?? null;
  };

  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const n of profile.nodes) byId.set(n.id, n);
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const keyCache = new Map<number, { key: string; file: string }>();
  const keyOf = (id: number): { key: string; file: string } => {
    let k = keyCache.get(id);
    if (k) return k;
    const cf = byId.get(id)!.callFrame;
    const name = cf.functionName || '(anonymous)';
    if (!cf.url) k = { key: name, file: name.startsWith('(') ? name : '(native)' };
    else {
      let jsFile = cf.url;
      if (jsFile.startsWith('file://')) jsFile = fileURLToPath(jsFile);
      const mapped = jsFile.endsWith('.js') && !jsFile.includes('node_modules') ? mapFor(jsFile)?.lookup(cf.lineNumber, cf.columnNumber) : undefined;
      const f = mapped ? shortFile(mapped.file) : shortFile(jsFile);
      const line = mapped ? mapped.line : cf.lineNumber + 1;
      k = { key: `${name} ${f}:${line}`, file: f };
    }
    keyCache.set(id, k);
    return k;
  };

  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const fileSelf = new Map<string, number>();
  let all = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    if (dt <= 0) continue;
    all += dt;
    const id = profile.samples[i];
    const { key, file: f } = keyOf(id);
    self.set(key, (self.get(key) ?? 0) + dt);
    fileSelf.set(f, (fileSelf.get(f) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = keyOf(cur).key;
      if (k === '(root)' || seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + dt);
    }
  }
  const pct = (ms: number) => (all > 0 ? (ms / all) * 100 : 0);
  const spot = (k: string): HotSpot => ({ where: k, selfMs: self.get(k) ?? 0, selfPct: pct(self.get(k) ?? 0), totalMs: total.get(k) ?? 0, totalPct: pct(total.get(k) ?? 0) });
  const special = new Set(['(idle)', '(garbage collector)', '(program)', '(root)']);
  const topSelf = [...self.keys()].filter((k) => !special.has(k)).sort((a, b) => (self.get(b) ?? 0) - (self.get(a) ?? 0)).slice(0, top).map(spot);
  const topTotal = [...total.keys()]
    .filter((k) => !special.has(k) && !k.startsWith('(anonymous) node:') && !/^(processTicksAndRejections|listOnTimeout|processTimers|emit|emitAfterScript|runMicrotasks) /.test(k))
    .sort((a, b) => (total.get(b) ?? 0) - (total.get(a) ?? 0))
    .slice(0, top)
    .map(spot);
  const byFile = [...fileSelf.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([f, ms]) => ({ file: f, selfMs: ms, selfPct: pct(ms) }));
  return {
    file,
    durationMs: (profile.endTime - profile.startTime) / 1000,
    idlePct: pct(self.get('(idle)') ?? 0),
    gcPct: pct(self.get('(garbage collector)') ?? 0),
    programPct: pct(self.get('(program)') ?? 0),
    topSelf,
    topTotal,
    byFile,
  };
}

export function formatProfile(r: ProfileReport, top = 15): string {
  const lines: string[] = [];
  const busy = 100 - r.idlePct;
  lines.push(`profile ${path.relative(process.cwd(), r.file)}: ${(r.durationMs / 1000).toFixed(1)} s, busy ${busy.toFixed(1)}% (gc ${r.gcPct.toFixed(1)}%, native/program ${r.programPct.toFixed(1)}%); % of all samples`);
  lines.push('  self%  total%  function file:line (self time)');
  for (const h of r.topSelf.slice(0, top)) lines.push(`  ${h.selfPct.toFixed(1).padStart(5)}  ${h.totalPct.toFixed(1).padStart(6)}  ${h.where}`);
  lines.push('  total%  function file:line (inclusive time)');
  for (const h of r.topTotal.slice(0, top)) lines.push(`  ${h.totalPct.toFixed(1).padStart(6)}  ${h.where}`);
  lines.push('  self%  file');
  for (const f of r.byFile.slice(0, top)) lines.push(`  ${f.selfPct.toFixed(1).padStart(5)}  ${f.file}`);
  return lines.join('\n');
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: node dist-dev/bench/profile.js FILE.cpuprofile [top]\n');
    process.exit(2);
  }
  const top = Number(process.argv[3] ?? 25);
  process.stdout.write(`${formatProfile(analyzeProfile(file, top), top)}\n`);
}
