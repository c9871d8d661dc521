/** The filters of DescribeReservedInstancesOfferings and DescribeReservedInstances (the model's names). */
import type { ReservedInstances, ReservedInstancesOffering } from '../protocol/model/types.generated';
import type { FilterSpec } from './engine';

export const reservedInstancesOfferingFilters: FilterSpec<ReservedInstancesOffering> = {
  fields: {
    'availability-zone': { get: (o) => o.AvailabilityZone },
    'availability-zone-id': { get: (o) => o.AvailabilityZoneId },
    duration: { get: (o) => o.Duration },
    'fixed-price': { get: (o) => o.FixedPrice },
    'instance-type': { get: (o) => o.InstanceType },
    marketplace: { get: (o) => o.Marketplace },
    'product-description': { get: (o) => o.ProductDescription },
    'reserved-instances-offering-id': { get: (o) => o.ReservedInstancesOfferingId },
    scope: { get: (o) => o.Scope },
    'usage-price': { get: (o) => o.UsagePrice },
  },
};

export const reservedInstancesFilters: FilterSpec<ReservedInstances> = {
  tags: (r) => r.Tags,
  fields: {
    'availability-zone': { get: (r) => r.AvailabilityZone },
    'availability-zone-id': { get: (r) => r.AvailabilityZoneId },
    duration: { get: (r) => r.Duration },
    end: { get: (r) => r.End },
    'fixed-price': { get: (r) => r.FixedPrice },
    'instance-type': { get: (r) => r.InstanceType },
    'product-description': { get: (r) => r.ProductDescription },
    'reserved-instances-id': { get: (r) => r.ReservedInstancesId },
    scope: { get: (r) => r.Scope },
    start: { get: (r) => r.Start },
    state: { get: (r) => r.State },
    'usage-price': { get: (r) => r.UsagePrice },
  },
};
