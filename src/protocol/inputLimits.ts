/**
 * Limits AWS applies to a parsed input that the model's shapes do not state: the MaxResults range of operations
 * whose model member is a plain Integer (the others carry min/max in the model and the parser checks them), and
 * the filter limits every Describe* shares. Checked once, by the gateway, before any handler runs.
 */
import { RequestErrors } from '../errors';

/**
 * MaxResults ranges AWS documents (or answers) where the model has none. DescribeTags: "This value can be between
 * 5 and 1000" (its API reference); DescribeInstances and DescribeInstanceStatus: 5..1000, AWS's answer to 1 is
 * "Expecting a value greater than 5".
 */
const MAX_RESULTS: Readonly<Record<string, readonly [number, number]>> = {
  DescribeInstances: [5, 1000],
  DescribeInstanceStatus: [5, 1000],
  DescribeTags: [5, 1000],
};

/** AWS: at most 200 values over all the filters of one call, each at most 255 characters. */
const MAX_FILTER_VALUES = 200;
const MAX_FILTER_VALUE_LENGTH = 255;

interface LimitedInput {
  MaxResults?: unknown;
  Filters?: unknown;
}

function checkMaxResults(operation: string, maxResults: unknown): void {
  const range = MAX_RESULTS[operation];
  if (!range || typeof maxResults !== 'number') return;
  if (maxResults < range[0]) throw RequestErrors.valueTooSmall('maxResults', maxResults, range[0]);
  if (maxResults > range[1]) throw RequestErrors.valueTooLarge('maxResults', maxResults, range[1]);
}

function checkFilters(filters: unknown): void {
  if (!Array.isArray(filters)) return;
  let count = 0;
  for (const f of filters as Array<{ Values?: unknown }>) {
    const values = Array.isArray(f?.Values) ? (f.Values as unknown[]) : [];
    count += values.length;
    if (count > MAX_FILTER_VALUES) throw RequestErrors.filterValueCount();
    for (const v of values) if (typeof v === 'string' && v.length > MAX_FILTER_VALUE_LENGTH) throw RequestErrors.filterValueLength();
  }
}

export function checkInputLimits(operation: string, input: LimitedInput): void {
  checkFilters(input.Filters);
  checkMaxResults(operation, input.MaxResults);
}
