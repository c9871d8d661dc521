/**
 * Generates the trimmed EC2 shape model that drives the query parser and the XML serializer.
 *
 *   npm run generate:model [-- /path/to/botocore/data/ec2/2016-11-15/service-2.json.gz]
 *
 * Input: botocore's public EC2 service model (Apache-2.0). Without an argument the script asks python3 where
 * botocore is installed. Output (both committed; the runtime depends on neither botocore nor this script):
 *   src/protocol/model/ec2.json            operations we support + every shape they reach, docs stripped,
 *                                           plus the filter names each Describe* documents
 *   src/protocol/model/types.generated.ts  TypeScript interfaces for those shapes (handler inputs/outputs)
 * Operations AWS's model lacks (Eucalyptus extensions) come from overlay.json, marked `"ec2lite": true`.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { SUPPORTED_OPERATIONS } from '../src/protocol/model/operations';
import { OPEN_ENUMS } from '../src/protocol/openEnums';

interface RawMember { shape: string; locationName?: string; queryName?: string; documentation?: string }
interface RawShape {
  type: string;
  members?: Record<string, RawMember>;
  member?: RawMember;
  required?: string[];
  enum?: string[];
  min?: number;
  max?: number;
  documentation?: string;
  ec2lite?: boolean;
}
interface RawOperation { name: string; input?: { shape: string }; output?: { shape: string }; ec2lite?: boolean }
interface RawModel { metadata: Record<string, unknown>; operations: Record<string, RawOperation>; shapes: Record<string, RawShape> }

const ROOT = path.resolve(__dirname, '..', '..');
const MODEL_DIR = path.join(ROOT, 'src', 'protocol', 'model');

function locateBotocoreModel(): string {
  const dir = execFileSync('python3', ['-c', 'import botocore,os;print(os.path.dirname(botocore.__file__))'], {
    encoding: 'utf8',
  }).trim();
  return path.join(dir, 'data', 'ec2', '2016-11-15', 'service-2.json.gz');
}

function botocoreVersion(): string {
  try {
    return execFileSync('python3', ['-c', 'import botocore;print(botocore.__version__)'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** Filter names listed in the documentation of an input's `Filters` member (`<li><p><code>name</code> - …`). */
function filterNames(doc: string | undefined): string[] {
  if (!doc) return [];
  const names = new Set<string>();
  // Only items of the outermost list name filters: a nested list under an item lists that filter's values
  // (DescribeCapacityReservations' `state` lists `active`, `expired`, ...).
  const re = /<(\/?)ul>|<li>\s*<p>\s*<code>([^<]+)<\/code>(\s*:\s*&lt;key&gt;)?/g;
  let depth = 0;
  for (let m = re.exec(doc); m; m = re.exec(doc)) {
    if (m[2] === undefined) {
      depth += m[1] ? -1 : 1;
      continue;
    }
    if (depth > 1) continue;
    let name = m[2].trim().replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    if (m[3] || name === 'tag' || name.startsWith('tag:')) name = 'tag:<key>';
    if (/^[a-z0-9][a-z0-9.:<>-]*$/i.test(name)) names.add(name);
  }
  return [...names].sort();
}

const ucfirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function main() {
  const source = process.argv[2] ?? locateBotocoreModel();
  const raw = JSON.parse(zlib.gunzipSync(fs.readFileSync(source)).toString('utf8')) as RawModel;
  const overlay = JSON.parse(fs.readFileSync(path.join(MODEL_DIR, 'overlay.json'), 'utf8')) as {
    operations: Record<string, RawOperation>;
    shapes: Record<string, RawShape>;
  };
  const operations = { ...raw.operations, ...overlay.operations };
  const shapes = { ...raw.shapes, ...overlay.shapes };

  const reached = new Set<string>();
  const visit = (name: string) => {
    if (reached.has(name)) return;
    const shape = shapes[name];
    if (!shape) throw new Error(`shape ${name} missing from the model`);
    reached.add(name);
    if (shape.type === 'structure') for (const m of Object.values(shape.members ?? {})) visit(m.shape);
    if (shape.type === 'list' && shape.member) visit(shape.member.shape);
  };

  const outOps: Record<string, unknown> = {};
  for (const name of [...SUPPORTED_OPERATIONS].sort()) {
    const op = operations[name];
    if (!op) throw new Error(`operation ${name} is in neither the botocore model nor overlay.json`);
    if (op.input) visit(op.input.shape);
    if (op.output) visit(op.output.shape);
    // Most Describes call the member `Filters`; a few (DescribeFlowLogs) call it `Filter`.
    const members = op.input ? shapes[op.input.shape].members : undefined;
    const filters = filterNames((members?.Filters ?? members?.Filter)?.documentation);
    outOps[name] = {
      input: op.input?.shape ?? null,
      output: op.output?.shape ?? null,
      ...(filters.length ? { filters } : {}),
      ...(op.ec2lite ? { ec2lite: true } : {}),
    };
  }

  const outShapes: Record<string, unknown> = {};
  for (const name of [...reached].sort()) {
    const s = shapes[name];
    const out: Record<string, unknown> = { type: s.type };
    if (s.type === 'structure') {
      const members: Record<string, unknown> = {};
      for (const [mName, m] of Object.entries(s.members ?? {})) {
        // EC2 dialect: wire key = queryName, else capitalised locationName, else the member name;
        // XML element = locationName, else the member name.
        members[mName] = { shape: m.shape, wire: m.queryName ?? (m.locationName ? ucfirst(m.locationName) : mName), xml: m.locationName ?? mName };
      }
      out.members = members;
      if (s.required?.length) out.required = s.required;
    } else if (s.type === 'list') {
      out.member = { shape: s.member!.shape, xml: s.member!.locationName ?? 'member' };
    } else {
      if (s.enum) out.enum = s.enum;
      if (s.min !== undefined) out.min = s.min;
      if (s.max !== undefined) out.max = s.max;
    }
    if (s.ec2lite) out.ec2lite = true;
    outShapes[name] = out;
  }

  const model = {
    comment: 'Generated by tools/generateModel.ts from botocore\'s EC2 model (Apache-2.0) and overlay.json. Do not edit.',
    source: `botocore ${botocoreVersion()} data/ec2/2016-11-15/service-2.json.gz`,
    apiVersion: raw.metadata.apiVersion,
    xmlNamespace: 'http://ec2.amazonaws.com/doc/2016-11-15/',
    operations: outOps,
    shapes: outShapes,
  };
  fs.writeFileSync(path.join(MODEL_DIR, 'ec2.json'), JSON.stringify(model, null, 1) + '\n');
  fs.writeFileSync(
    path.join(MODEL_DIR, 'types.generated.ts'),
    renderTypes(outShapes as Record<string, RawShapeOut>, outOps as Record<string, { input: string | null; output: string | null }>),
  );
  console.log(`wrote ${Object.keys(outOps).length} operations and ${reached.size} shapes to ${path.relative(ROOT, MODEL_DIR)}`);
}

interface RawShapeOut {
  type: string;
  members?: Record<string, { shape: string }>;
  member?: { shape: string };
  required?: string[];
  enum?: string[];
}

/** TypeScript types for the reached shapes; input `required` members are non-optional. */
function renderTypes(
  shapes: Record<string, RawShapeOut>,
  ops: Record<string, { input: string | null; output: string | null }>,
): string {
  const lines = [
    '// Generated by tools/generateModel.ts from the trimmed EC2 model. Do not edit.',
    '/* eslint-disable */',
    '',
  ];
  const ref = (name: string): string => {
    const s = shapes[name];
    switch (s.type) {
      case 'structure':
      case 'list':
        return name;
      case 'string':
        return s.enum ? name : 'string';
      case 'integer':
      case 'long':
      case 'double':
      case 'float':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'timestamp':
        return 'Date';
      case 'blob':
        return 'string';
      default:
        return 'unknown';
    }
  };
  for (const [name, s] of Object.entries(shapes)) {
    if (s.type === 'structure') {
      lines.push(`export interface ${name} {`);
      const required = new Set(s.required ?? []);
      for (const [m, def] of Object.entries(s.members ?? {})) lines.push(`  ${m}${required.has(m) ? '' : '?'}: ${ref(def.shape)};`);
      lines.push('}', '');
    } else if (s.type === 'list') {
      lines.push(`export type ${name} = ${ref(s.member!.shape)}[];`, '');
    } else if (s.type === 'string' && s.enum) {
      const values = s.enum.map((v) => JSON.stringify(v));
      // Large and open enums (InstanceType, AccountAttributeName) stay `string`.
      lines.push(`export type ${name} = ${values.length > 60 || OPEN_ENUMS.has(name) ? 'string' : values.join(' | ')};`, '');
    }
  }
  lines.push('/** Input and output type of every supported operation (output `void`: AWS answers <return>true</return>). */');
  lines.push('export interface Operations {');
  for (const [name, op] of Object.entries(ops)) {
    lines.push(`  ${name}: { input: ${op.input ?? 'Record<string, never>'}; output: ${op.output ?? 'void'} };`);
  }
  lines.push('}', '');
  return lines.join('\n');
}

main();
