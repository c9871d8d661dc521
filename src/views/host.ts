/** Dedicated hosts as the API shows them. */
import type { RequestContext } from '../core/context';
import { hostCapacity } from '../domain/hosts';
import { zoneByName } from '../domain/regions';
import type { Host } from '../protocol/model/types.generated';
import type { HostRow } from '../store/rows';

export function presentHosts(ctx: RequestContext, rows: readonly HostRow[]): Host[] {
  const ids = rows.map((r) => r.id);
  const tags = ctx.store.tags.forResources(ctx.scope, ids);
  const running = ctx.store.hosts.instancesOn(ids);
  return rows.map((h) => {
    const instances = h.state === 'available' ? (running.get(h.id) ?? []) : [];
    const vcpus = h.total_vcpus;
    return {
      HostId: h.id,
      AutoPlacement: h.auto_placement as 'on',
      AvailabilityZone: h.availability_zone,
      AvailabilityZoneId: zoneByName(h.region, h.availability_zone)?.id,
      AvailableCapacity: hostCapacity(ctx, h, instances),
      ClientToken: h.client_token ?? undefined,
      HostProperties: {
        Cores: vcpus / 2,
        Sockets: 2,
        TotalVCpus: vcpus,
        InstanceType: h.instance_type ?? undefined,
        InstanceFamily: h.instance_family ?? undefined,
      },
      Instances: instances.map((i) => ({ InstanceId: i.id, InstanceType: i.instance_type, OwnerId: i.account })),
      State: h.state as 'available',
      AllocationTime: new Date(h.allocated_at),
      ReleaseTime: h.released_at !== null ? new Date(h.released_at) : undefined,
      Tags: tags.get(h.id) ?? [],
      HostRecovery: h.host_recovery as 'off',
      AllowsMultipleInstanceTypes: h.instance_family !== null ? 'on' : 'off',
      OwnerId: h.account,
      MemberOfServiceLinkedResourceGroup: false,
      HostMaintenance: h.host_maintenance as 'on',
    };
  });
}
