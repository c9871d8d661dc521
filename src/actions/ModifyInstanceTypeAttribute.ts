import { MAX_ENI_LIMIT, MIN_ENI_LIMIT } from '../domain/instanceTypes';
import { InstanceErrors } from '../errors';
import type { Ec2liteInstanceTypeDetails } from '../protocol/model/types.generated';
import type { InstanceTypeCatalog } from '../domain/instanceTypes';
import { defineAction } from './define';

function details(catalog: InstanceTypeCatalog, name: string): Ec2liteInstanceTypeDetails {
  const t = catalog.get(name)!;
  return {
    Name: name,
    Cpu: t.VCpuInfo?.DefaultVCpus,
    Disk: t.InstanceStorageInfo?.TotalSizeInGB ?? 0,
    Memory: t.MemoryInfo?.SizeInMiB,
    NetworkInterfaces: t.NetworkInfo?.MaximumNetworkInterfaces,
  };
}

/**
 * ec2lite's (Eucalyptus VmTypesManager) extension: the operator changes a type's limits; `Reset=true` restores
 * the defaults. New launches and attaches use the new ENI limit at once. Bound: 1..64 (docs/decisions.md "ENI limits").
 */
export default defineAction('ModifyInstanceTypeAttribute', (input, ctx) => {
  const catalog = ctx.instanceTypes;
  if (!catalog.exists(input.Name)) throw InstanceErrors.unknownInstanceType(input.Name);
  const n = input.NetworkInterfaces;
  if (n !== undefined && (n < MIN_ENI_LIMIT || n > MAX_ENI_LIMIT)) throw InstanceErrors.instanceTypeLimit(n);
  for (const [param, v] of [['Cpu', input.Cpu], ['Disk', input.Disk], ['Memory', input.Memory]] as const) {
    if (v !== undefined && v < 1) throw InstanceErrors.attributeValue(param, String(v));
  }
  const previous = details(catalog, input.Name);
  // Reset first, so that values given with it apply on top of the defaults.
  if (input.Reset) catalog.reset(input.Name);
  if ([n, input.Cpu, input.Disk, input.Memory].some((v) => v !== undefined)) {
    catalog.setOverride(input.Name, { maxNetworkInterfaces: n, cpu: input.Cpu, disk: input.Disk, memory: input.Memory });
  }
  return { InstanceType: details(catalog, input.Name), PreviousInstanceType: previous };
});
