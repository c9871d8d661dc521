/** The filters of DescribeInstanceTypes and DescribeInstanceTypeOfferings. */
import { getOperation } from '../protocol/model';
import type { InstanceTypeInfo, InstanceTypeOffering } from '../protocol/model/types.generated';
import type { FilterSpec } from './engine';
import { valueAtPath } from './paths';

/** Every documented filter reads the member path it names. */
export const instanceTypeFilters: FilterSpec<InstanceTypeInfo> = {
  fields: Object.fromEntries(
    (getOperation('DescribeInstanceTypes')?.filters ?? []).map((name) => [name, { get: (t: InstanceTypeInfo) => valueAtPath(t, name) }]),
  ),
};

export const instanceTypeOfferingFilters: FilterSpec<InstanceTypeOffering> = {
  fields: {
    'instance-type': { get: (o) => o.InstanceType },
    location: { get: (o) => o.Location },
  },
};
