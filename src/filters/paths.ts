/**
 * Filters named after a nested member path ("network-info.maximum-network-interfaces" ->
 * NetworkInfo.MaximumNetworkInterfaces): each dash-separated segment matches a member by its lower-cased name,
 * plural or not; lists are flattened on the way.
 */
import type { FilterValue } from './engine';

const norm = (s: string) => s.replace(/-/g, '').toLowerCase();

export function valueAtPath(obj: unknown, filterName: string): FilterValue {
  let current: unknown[] = [obj];
  for (const segment of filterName.split('.')) {
    const want = norm(segment);
    const next: unknown[] = [];
    for (const o of current) {
      if (!o || typeof o !== 'object') continue;
      const key = Object.keys(o).find((k) => {
        const l = k.toLowerCase();
        return l === want || l === `${want}s` || l === `${want}es`;
      });
      if (key === undefined) continue;
      const v = (o as Record<string, unknown>)[key];
      if (Array.isArray(v)) next.push(...v);
      else next.push(v);
    }
    current = next;
  }
  return current.filter((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v)) as FilterValue;
}
