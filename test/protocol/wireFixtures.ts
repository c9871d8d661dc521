/**
 * Reading the golden wire fixtures under fixtures/wire/ and turning their JSON values into the objects the
 * protocol layer uses. JSON cannot hold a Date or bytes, so fixtures write a timestamp as {"$timestamp": "<ISO>"}
 * and a blob as its base64 text; `revive` walks the model shape to restore the right type.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { getShape } from '../../src/protocol/model';

export const WIRE_DIR = path.join(__dirname, '..', '..', 'fixtures', 'wire');

export interface RequestFixture {
  name: string;
  operation: string;
  covers: string;
  client: string;
  query: string;
  expected: Record<string, unknown>;
}

export function loadRequestFixtures(): RequestFixture[] {
  const dir = path.join(WIRE_DIR, 'requests');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f.replace(/\.json$/, ''), ...JSON.parse(readFileSync(path.join(dir, f), 'utf8')) }));
}

/** The form decoding the HTTP layer applies (src/server/app.ts collectParams): `+` is a space, last value wins. */
export function decodeForm(query: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(query)) params[k] = v;
  return params;
}

/**
 * JSON fixture value -> runtime value for `shapeName`. `blobs: 'base64'` keeps blobs as their base64 text (what
 * the parser yields); `blobs: 'bytes'` decodes them (what SDK v3 commands take as input).
 */
export function revive(shapeName: string, value: unknown, blobs: 'base64' | 'bytes' = 'base64'): unknown {
  if (value === undefined || value === null) return value;
  const shape = getShape(shapeName);
  switch (shape.type) {
    case 'structure': {
      const obj = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(obj)) {
        const ref = shape.members[k];
        if (!ref) throw new Error(`fixture member ${k} is not in shape ${shapeName}`);
        out[k] = revive(ref.shape, v, blobs);
      }
      return out;
    }
    case 'list':
      return (value as unknown[]).map((v) => revive(shape.member.shape, v, blobs));
    case 'timestamp': {
      const ts = (value as { $timestamp?: string }).$timestamp;
      if (typeof ts !== 'string') throw new Error(`timestamp in ${shapeName} must be written {"$timestamp": "..."}`);
      return new Date(ts);
    }
    case 'blob':
      return blobs === 'bytes' ? new Uint8Array(Buffer.from(value as string, 'base64')) : value;
    default:
      return value;
  }
}
