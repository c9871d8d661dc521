/** Fetching and parsing the broadcast document in tests. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseStringPromise } from 'xml2js';

export const GOLDEN_DIR = path.resolve(__dirname, '..', '..', 'fixtures', 'broadcast');

export interface Fetched {
  status: number;
  xml: string;
  version: string | null;
  etag: string | null;
  stale: string | null;
}

export async function fetchBroadcast(url: string, query = '', headers: Record<string, string> = {}): Promise<Fetched> {
  const res = await fetch(`${url}/_ec2lite/broadcast${query}`, { headers });
  return {
    status: res.status,
    xml: await res.text(),
    version: res.headers.get('x-ec2lite-broadcast-version'),
    etag: res.headers.get('etag'),
    stale: res.headers.get('x-ec2lite-broadcast-stale'),
  };
}

/** xml2js tree: elements are arrays, attributes under `$`, text of attribute-bearing elements under `_`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type X = any;

export async function parse(xml: string): Promise<X> {
  return parseStringPromise(xml);
}

/** Children of a wrapper element (`<vpcs><vpc/>…</vpcs>`); an empty wrapper parses as '' and gives []. */
export function items(wrapper: X, name: string): X[] {
  const w = wrapper?.[0];
  if (!w || typeof w === 'string') return [];
  return w[name] ?? [];
}

export const text = (el: X, name: string): string | undefined => el[name]?.[0];
export const values = (el: X, name: string): string[] => items(el[name], 'value');

/** Compares against a golden file line by line (readable diffs); UPDATE_GOLDEN=1 rewrites it. */
export function expectGolden(name: string, xml: string): void {
  const file = path.join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1' || !fs.existsSync(file)) {
    if (process.env.UPDATE_GOLDEN !== '1') throw new Error(`golden file ${file} is missing: run with UPDATE_GOLDEN=1 to create it`);
    fs.mkdirSync(GOLDEN_DIR, { recursive: true });
    fs.writeFileSync(file, xml);
  }
  const golden = fs.readFileSync(file, 'utf8');
  const lines = (s: string) => s.replace(/></g, '>\n<').split('\n');
  expect(lines(xml)).toEqual(lines(golden));
  expect(xml).toBe(golden);
}
