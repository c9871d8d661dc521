/**
 * Dedicated hosts (docs/behavior.md "Dedicated hosts"). A host is allocated for one instance type or for a family
 * in one zone; its capacity is counted in vCPUs (96, as an m5 host has), so a type host holds
 * floor(96 / vCPUs of the type) instances and a family host any mix of its sizes that fits. RunInstances with
 * Placement.Tenancy=host goes to the named HostId, or else to the first available auto-placement host of the zone
 * that fits. Released hosts stay visible as `released`.
 */
import type { RequestContext } from '../core/context';
import { HostErrors, HostFailures, InstanceErrors, VpcErrors } from '../errors';
import type { Tag } from '../protocol/model/types.generated';
import type { ListOptions } from '../store/query';
import type { HostRow, InstanceRow } from '../store/rows';
import { zoneByName } from './regions';
import { addTags } from './tags';

export const HOST_VCPUS = 96;

export function requireHost(ctx: RequestContext, id: string): HostRow {
  const h = ctx.store.hosts.get(ctx.scope, id);
  if (!h) throw HostErrors.notFound(id);
  return h;
}

export function listHosts(ctx: RequestContext, opts: ListOptions): HostRow[] {
  return ctx.store.hosts.list(ctx.scope, opts);
}

const familyOf = (type: string) => type.split('.')[0];
const vcpusOf = (ctx: RequestContext, type: string) => ctx.instanceTypes.get(type)?.VCpuInfo?.DefaultVCpus ?? 2;

/** The instance types of a family the fixture knows, smallest first. */
function typesOfFamily(ctx: RequestContext, family: string): string[] {
  return ctx.instanceTypes
    .names()
    .filter((n) => familyOf(n) === family)
    .sort((a, b) => vcpusOf(ctx, a) - vcpusOf(ctx, b));
}

export interface NewHosts {
  AvailabilityZone?: string;
  InstanceType?: string;
  InstanceFamily?: string;
  AutoPlacement?: string;
  HostRecovery?: string;
  HostMaintenance?: string;
  Quantity?: number;
  ClientToken?: string;
}

export function allocateHosts(ctx: RequestContext, spec: NewHosts, tags: readonly Tag[]): string[] {
  if (spec.AvailabilityZone === undefined) throw HostErrors.zoneRequired();
  if (!zoneByName(ctx.scope.region, spec.AvailabilityZone)) throw VpcErrors.unknownZones([spec.AvailabilityZone]);
  if ((spec.InstanceType === undefined) === (spec.InstanceFamily === undefined)) throw HostErrors.typeOrFamily();
  if (spec.InstanceType !== undefined && !ctx.instanceTypes.exists(spec.InstanceType)) throw InstanceErrors.instanceType(spec.InstanceType);
  if (spec.InstanceFamily !== undefined && typesOfFamily(ctx, spec.InstanceFamily).length === 0) throw HostErrors.family(spec.InstanceFamily);
  const quantity = spec.Quantity ?? 1;
  if (quantity < 1) throw HostErrors.quantity(quantity);
  const ids: string[] = [];
  for (let k = 0; k < quantity; k++) {
    const id = ctx.ids.id('h');
    ctx.store.hosts.insert({
      id,
      account: ctx.scope.account,
      region: ctx.scope.region,
      availability_zone: spec.AvailabilityZone,
      instance_type: spec.InstanceType ?? null,
      instance_family: spec.InstanceFamily ?? null,
      auto_placement: spec.AutoPlacement ?? 'off',
      host_recovery: spec.HostRecovery ?? 'off',
      host_maintenance: spec.HostMaintenance ?? 'on',
      total_vcpus: HOST_VCPUS,
      state: 'available',
      client_token: spec.ClientToken ?? null,
      allocated_at: ctx.now,
      released_at: null,
    });
    addTags(ctx, id, 'dedicated-host', tags);
    ids.push(id);
  }
  return ids;
}

/** Whether the host can take `count` more instances of this type, given what runs on it. */
function fits(ctx: RequestContext, host: HostRow, running: readonly InstanceRow[], type: string, count: number): boolean {
  if (host.state !== 'available') return false;
  if (host.instance_type !== null && host.instance_type !== type) return false;
  if (host.instance_family !== null && host.instance_family !== familyOf(type)) return false;
  const used = running.reduce((n, i) => n + vcpusOf(ctx, i.instance_type), 0);
  return used + count * vcpusOf(ctx, type) <= host.total_vcpus;
}

export interface HostPlacement {
  Tenancy?: string;
  HostId?: string;
}

/** RunInstances' host: the named one (checked), or an auto-placement host of the zone with room; undefined if not host tenancy. */
export function planHost(ctx: RequestContext, placement: HostPlacement | undefined, zone: string, type: string, count: number): string | undefined {
  const hostId = placement?.HostId || undefined;
  const tenancy = placement?.Tenancy ?? (hostId !== undefined ? 'host' : undefined);
  if (tenancy !== 'host') {
    if (hostId !== undefined) throw HostErrors.hostIdTenancy();
    return undefined;
  }
  if (hostId !== undefined) {
    const host = requireHost(ctx, hostId);
    if (host.state !== 'available') throw HostErrors.notAvailable(host.id);
    if (host.availability_zone !== zone) throw HostErrors.hostZone(host.id, zone);
    if (host.instance_type !== null ? host.instance_type !== type : host.instance_family !== familyOf(type)) throw HostErrors.hostType(host.id, type);
    const running = ctx.store.hosts.instancesOn([host.id]).get(host.id) ?? [];
    if (!fits(ctx, host, running, type, count)) throw HostErrors.insufficientCapacity();
    return host.id;
  }
  const candidates = ctx.store.hosts.autoPlacementCandidates(ctx.scope, zone);
  const running = ctx.store.hosts.instancesOn(candidates.map((h) => h.id));
  const host = candidates.find((h) => fits(ctx, h, running.get(h.id) ?? [], type, count));
  if (!host) throw HostErrors.insufficientCapacity();
  return host.id;
}

export interface HostOutcome {
  successful: string[];
  unsuccessful: { ResourceId: string; Error: { Code: string; Message: string } }[];
}

export interface HostChanges {
  AutoPlacement?: string;
  HostRecovery?: string;
  HostMaintenance?: string;
  InstanceType?: string;
  InstanceFamily?: string;
}

/**
 * The per-host loop of ModifyHosts and ReleaseHosts: an unknown or released host fails the same way in both;
 * `refusal` names the call's own failure for a host (given the instances on it), else `apply` changes it.
 */
function eachHost(
  ctx: RequestContext,
  ids: readonly string[],
  refusal: (id: string, instancesOn: InstanceRow[]) => { code: string; message: string } | undefined,
  apply: (host: HostRow) => void,
): HostOutcome {
  const out: HostOutcome = { successful: [], unsuccessful: [] };
  const found = ctx.store.hosts.getMany(ctx.scope, ids);
  const running = ctx.store.hosts.instancesOn(ids);
  for (const id of ids) {
    const host = found.get(id);
    const failure = !host ? HostFailures.notFound(id) : host.state === 'released' ? HostFailures.released(id) : refusal(id, running.get(id) ?? []);
    if (failure) out.unsuccessful.push({ ResourceId: id, Error: { Code: failure.code, Message: failure.message } });
    else {
      apply(host!);
      out.successful.push(id);
    }
  }
  return out;
}

/** ModifyHosts: per host; the type or family changes only on a host with no instances. */
export function modifyHosts(ctx: RequestContext, ids: readonly string[], changes: HostChanges): HostOutcome {
  if (changes.InstanceType !== undefined && changes.InstanceFamily !== undefined) throw HostErrors.typeOrFamily();
  if (changes.InstanceType !== undefined && !ctx.instanceTypes.exists(changes.InstanceType)) throw InstanceErrors.instanceType(changes.InstanceType);
  if (changes.InstanceFamily !== undefined && typesOfFamily(ctx, changes.InstanceFamily).length === 0) throw HostErrors.family(changes.InstanceFamily);
  const retype = changes.InstanceType !== undefined || changes.InstanceFamily !== undefined;
  return eachHost(
    ctx,
    ids,
    (id, instancesOn) => (retype && instancesOn.length > 0 ? HostFailures.typeWithInstances(id) : undefined),
    (host) =>
      ctx.store.hosts.update(host.id, {
        auto_placement: changes.AutoPlacement ?? host.auto_placement,
        host_recovery: changes.HostRecovery ?? host.host_recovery,
        host_maintenance: changes.HostMaintenance ?? host.host_maintenance,
        instance_type: retype ? (changes.InstanceType ?? null) : host.instance_type,
        instance_family: retype ? (changes.InstanceFamily ?? null) : host.instance_family,
      }),
  );
}

/** ReleaseHosts: per host; a host with instances (not terminated) stays. */
export function releaseHosts(ctx: RequestContext, ids: readonly string[]): HostOutcome {
  return eachHost(
    ctx,
    ids,
    (id, instancesOn) => (instancesOn.length > 0 ? HostFailures.occupied(id) : undefined),
    (host) => ctx.store.hosts.update(host.id, { state: 'released', released_at: ctx.now }),
  );
}

/** What a host shows of its capacity: per type (the type, or each size of the family) and free vCPUs. */
export function hostCapacity(ctx: RequestContext, host: HostRow, running: readonly InstanceRow[]) {
  const used = running.reduce((n, i) => n + vcpusOf(ctx, i.instance_type), 0);
  const free = host.state === 'available' ? host.total_vcpus - used : 0;
  const types = host.instance_type !== null ? [host.instance_type] : typesOfFamily(ctx, host.instance_family ?? '');
  return {
    AvailableVCpus: free,
    AvailableInstanceCapacity: types.map((type) => ({
      InstanceType: type,
      AvailableCapacity: Math.floor(free / vcpusOf(ctx, type)),
      TotalCapacity: Math.floor(host.total_vcpus / vcpusOf(ctx, type)),
    })),
  };
}
