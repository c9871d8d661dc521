/**
 * Enum shapes the parser does not check (and whose generated types stay `string`): AWS accepts more values than
 * the model lists (account attributes such as max-instances), or the action validates them with AWS's own
 * wording (instance types, taggable resource types), or AWS takes a value in another case than the model's: Spot
 * Fleet's ExcessCapacityTerminationPolicy `Default` (what terraform-provider-aws sends and reads back).
 */
export const OPEN_ENUMS: ReadonlySet<string> = new Set(['InstanceType', 'AccountAttributeName', 'ResourceType', 'ExcessCapacityTerminationPolicy']);
