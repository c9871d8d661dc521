/**
 * Availability Zones, Local Zones and Wavelength Zones as one account sees them in one Region (docs/behavior.md
 * "Availability Zones, Local Zones and Wavelength Zones"). Standard zones need no opt-in; a Local or Wavelength
 * Zone is usable (listed without AllAvailabilityZones, subnets may be created in it) once the account opted in to
 * its group with ModifyAvailabilityZoneGroup. The zone data is in regions.ts.
 */
import type { RequestContext } from '../core/context';
import { VpcErrors, ZoneGroupErrors } from '../errors';
import type { AvailabilityZone } from '../protocol/model/types.generated';
import { edgeZonesOf, zoneById, zoneByName, zoneGroup, zonesOf, type Zone } from './regions';

type Ctx = Pick<RequestContext, 'store' | 'scope'>;

/** Whether the account may use this zone: standard ones always, Local and Wavelength ones once opted in. */
export function zoneUsable(ctx: Ctx, zone: Zone, opted: Set<string> = ctx.store.zoneOptIns.groups(ctx.scope)): boolean {
  return zone.type === 'availability-zone' || opted.has(zone.group);
}

/** The zones the account can use in its Region: the standard ones, then the opted-in Local and Wavelength Zones. */
export function usableZones(ctx: Ctx): Zone[] {
  const edge = edgeZonesOf(ctx.scope.region);
  if (edge.length === 0) return zonesOf(ctx.scope.region);
  const opted = ctx.store.zoneOptIns.groups(ctx.scope);
  return [...zonesOf(ctx.scope.region), ...edge.filter((z) => opted.has(z.group))];
}

/**
 * A zone named by CreateSubnet (by name or by id) that the account can use; otherwise AWS's answer for a zone
 * it cannot create subnets in, listing the ones it can (a Local or Wavelength Zone not opted in reads the same).
 */
export function requireUsableZone(ctx: Ctx, param: 'availabilityZone' | 'availabilityZoneId', value: string): Zone {
  const zone = param === 'availabilityZone' ? zoneByName(ctx.scope.region, value) : zoneById(ctx.scope.region, value);
  if (zone && zoneUsable(ctx, zone)) return zone;
  const usable = usableZones(ctx);
  throw VpcErrors.invalidZone(param, value, usable.map((z) => (param === 'availabilityZone' ? z.name : z.id)));
}

export function presentZone(zone: Zone, optedIn: boolean): AvailabilityZone {
  return {
    OptInStatus: zone.type === 'availability-zone' ? 'opt-in-not-required' : optedIn ? 'opted-in' : 'not-opted-in',
    Messages: [],
    RegionName: zone.region,
    ZoneName: zone.name,
    ZoneId: zone.id,
    GroupName: zone.group,
    GroupLongName: zone.groupLongName,
    NetworkBorderGroup: zone.networkBorderGroup,
    ZoneType: zone.type,
    ParentZoneName: zone.parent?.name,
    ParentZoneId: zone.parent?.id,
    State: 'available',
  };
}

/**
 * DescribeAvailabilityZones' candidates: the usable zones, or with AllAvailabilityZones every zone of the Region
 * whatever the opt-in. Zones named by ZoneName / ZoneId are answered even when not opted in; an unknown one fails.
 */
export function describeZones(
  ctx: Ctx,
  q: { all: boolean; names: readonly string[]; ids: readonly string[] },
): AvailabilityZone[] {
  const region = ctx.scope.region;
  const opted = ctx.store.zoneOptIns.groups(ctx.scope);
  const unknown = [...q.names.filter((n) => !zoneByName(region, n)), ...q.ids.filter((n) => !zoneById(region, n))];
  if (unknown.length > 0) throw VpcErrors.unknownZones(unknown);
  const named = q.names.length > 0 || q.ids.length > 0;
  const every = [...zonesOf(region), ...edgeZonesOf(region)];
  return every
    .filter((z) => (named ? q.names.includes(z.name) || q.ids.includes(z.id) : q.all || zoneUsable(ctx, z, opted)))
    .map((z) => presentZone(z, opted.has(z.group)));
}

/**
 * ModifyAvailabilityZoneGroup: `opted-in` for a Local or Wavelength Zone group of the Region (a repeat is a no-op);
 * opting out is refused (AWS: through AWS Support only), as is a standard zone group (no opt-in there).
 */
export function modifyAvailabilityZoneGroup(ctx: RequestContext, groupName: string, status: string): void {
  const zones = zoneGroup(ctx.scope.region, groupName);
  if (!zones) throw ZoneGroupErrors.unknownGroup(groupName);
  if (zones[0].type === 'availability-zone') throw ZoneGroupErrors.optInNotRequired(groupName);
  if (status !== 'opted-in') throw ZoneGroupErrors.optOut();
  ctx.store.zoneOptIns.optIn(ctx.scope, groupName, ctx.now);
}

/** Whether the account has opted in to a Wavelength Zone group of its Region (carrier gateways need one). */
export function hasWavelengthOptIn(ctx: Ctx): boolean {
  const opted = ctx.store.zoneOptIns.groups(ctx.scope);
  return edgeZonesOf(ctx.scope.region).some((z) => z.type === 'wavelength-zone' && opted.has(z.group));
}

export function hasWavelengthZones(region: string): boolean {
  return edgeZonesOf(region).some((z) => z.type === 'wavelength-zone');
}
