/**
 * Enum shapes the parser does not check (and whose generated types stay `string`): AWS accepts more values than
 * the model lists (account attributes such as max-instances), or the action validates them with AWS's own
 * wording (instance types, taggable resource types), or AWS takes a value in another case than the model's: Spot
 * Fleet's ExcessCapacityTerminationPolicy `Default` (what terraform-provider-aws sends and reads back).
 */
export const OPEN_ENUMS: ReadonlySet<string> = new Set(['InstanceType', 'AccountAttributeName', 'ResourceType', 'ExcessCapacityTerminationPolicy']);

/**
 * Values AWS takes for an enum beyond the model's, kept as sent. CreateFleet takes Spot Fleet's camelCase
 * allocation strategies as well as its own kebab-case ones: moto's AWS-verified test_delete_fleet creates a
 * `maintain` fleet with `SpotOptions.AllocationStrategy=lowestPrice`, and terraform-provider-aws's acceptance test
 * TestAccEC2Fleet_basic reads `lowestPrice` back from DescribeFleets for both the Spot and the On-Demand strategy
 * (AWS's own default), so AWS does not rewrite the value into the model's spelling.
 */
export const EXTRA_ENUM_VALUES: Readonly<Record<string, ReadonlySet<string>>> = {
  SpotAllocationStrategy: new Set(['lowestPrice', 'capacityOptimized', 'capacityOptimizedPrioritized', 'priceCapacityOptimized']),
  FleetOnDemandAllocationStrategy: new Set(['lowestPrice']),
};
