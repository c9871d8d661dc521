/**
 * Enum shapes the parser does not check (and whose generated types stay `string`): AWS accepts more values than
 * the model lists (account attributes such as max-instances), or the action validates them with AWS's own
 * wording (instance types, taggable resource types), or AWS takes a value in another case than the model's: Spot
 * Fleet's ExcessCapacityTerminationPolicy `Default` (what terraform-provider-aws sends and reads back).
 */
export const OPEN_ENUMS: ReadonlySet<string> = new Set(['InstanceType', 'AccountAttributeName', 'ResourceType', 'ExcessCapacityTerminationPolicy']);

/**
 * Other spellings AWS takes for an enum's values, read as the model's value. CreateFleet takes Spot Fleet's
 * camelCase allocation strategies as well as its own kebab-case ones: moto's AWS-verified test_delete_fleet
 * creates a `maintain` fleet with `SpotOptions.AllocationStrategy=lowestPrice`, and AWS's documentation team
 * wrote that `lowestPrice` works for every fleet type (awsdocs/aws-cloudformation-user-guide#402).
 */
export const ENUM_ALIASES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  SpotAllocationStrategy: {
    lowestPrice: 'lowest-price',
    capacityOptimized: 'capacity-optimized',
    capacityOptimizedPrioritized: 'capacity-optimized-prioritized',
    priceCapacityOptimized: 'price-capacity-optimized',
  },
  FleetOnDemandAllocationStrategy: { lowestPrice: 'lowest-price' },
};
