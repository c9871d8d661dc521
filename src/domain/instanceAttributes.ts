/**
 * Instance attributes: the primary interface's (source/dest check, groups) and the instance's own, changed one at a
 * time. instanceType and userData need a stopped instance; groups need an instance with a single interface, as
 * AWS requires.
 */
import type { RequestContext } from '../core/context';
import { setCapacityReservationSpec } from './capacityReservations';
import type { CapacityReservationSpecification } from '../protocol/model/types.generated';
import { InstanceErrors } from '../errors';
import type { InterfaceGroup } from '../store/networkInterfaceRepo';
import type { InstanceRow, NetworkInterfaceRow } from '../store/rows';
import { setInterfaceGroups, setSourceDestCheck } from './networkInterfaces';

/** The interface at device index 0, if the instance still has one. */
export function primaryInterfaceOf(ctx: RequestContext, instanceId: string): NetworkInterfaceRow | undefined {
  const a = ctx.store.attachments.primaryOf(instanceId);
  return a && ctx.store.networkInterfaces.get(ctx.scope, a.network_interface_id);
}

export function interfaceGroups(ctx: RequestContext, eni: NetworkInterfaceRow): InterfaceGroup[] {
  return ctx.store.networkInterfaces.groupsOf([eni.id]).get(eni.id) ?? [];
}

/** Attributes of this kind change only while the instance is stopped (AWS's IncorrectInstanceState otherwise). */
export const requireStopped = (instance: InstanceRow) => {
  if (instance.state !== 'stopped') throw InstanceErrors.notStopped(instance.id);
};

const parseBool = (attr: string, v: string) => {
  if (v === 'true' || v === 'false') return v === 'true';
  throw InstanceErrors.attributeValue(attr, v);
};

/** One attribute, by its API name; `value` is the typed member's value or the generic form's string. */
export function setInstanceAttribute(ctx: RequestContext, instance: InstanceRow, attr: string, value: string | boolean | string[]): void {
  const str = String(value);
  switch (attr) {
    case 'instanceType':
      requireStopped(instance);
      if (!ctx.instanceTypes.exists(str)) throw InstanceErrors.instanceType(str);
      // the CPU options go back to the new type's defaults (AWS's user guide)
      ctx.store.instances.update(instance.id, { instance_type: str, core_count: null, threads_per_core: null });
      return;
    case 'userData':
      requireStopped(instance);
      ctx.store.instances.update(instance.id, { user_data: str });
      return;
    case 'disableApiTermination':
      ctx.store.instances.update(instance.id, { disable_api_termination: typeof value === 'boolean' ? (value ? 1 : 0) : parseBool(attr, str) ? 1 : 0 });
      return;
    case 'disableApiStop':
      ctx.store.instances.update(instance.id, { disable_api_stop: typeof value === 'boolean' ? (value ? 1 : 0) : parseBool(attr, str) ? 1 : 0 });
      return;
    case 'ebsOptimized':
      ctx.store.instances.update(instance.id, { ebs_optimized: typeof value === 'boolean' ? (value ? 1 : 0) : parseBool(attr, str) ? 1 : 0 });
      return;
    case 'instanceInitiatedShutdownBehavior':
      if (str !== 'stop' && str !== 'terminate') throw InstanceErrors.attributeValue('instanceInitiatedShutdownBehavior', str);
      ctx.store.instances.update(instance.id, { shutdown_behavior: str });
      return;
    case 'sourceDestCheck': {
      const eni = primaryInterfaceOf(ctx, instance.id);
      const on = typeof value === 'boolean' ? value : parseBool(attr, str);
      if (eni) setSourceDestCheck(ctx, eni, on);
      return;
    }
    case 'groupSet': {
      const attachments = ctx.store.attachments.ofInstance(instance.id);
      if (attachments.length > 1) throw InstanceErrors.multipleInterfaces(instance.id);
      const eni = primaryInterfaceOf(ctx, instance.id);
      if (!eni) return;
      setInterfaceGroups(ctx, eni, Array.isArray(value) ? value : [str]);
      return;
    }
    default:
      throw InstanceErrors.unknownAttribute(attr);
  }
}

export interface MetadataOptions {
  HttpTokens?: string;
  HttpEndpoint?: string;
  HttpPutResponseHopLimit?: number;
  HttpProtocolIpv6?: string;
  InstanceMetadataTags?: string;
}

/** Settings the IMDS honours at once (HttpTokens=required turns IMDSv1 off); returns the instance as changed. */
export function setMetadataOptions(ctx: RequestContext, instance: InstanceRow, o: MetadataOptions): InstanceRow {
  const hop = o.HttpPutResponseHopLimit;
  if (hop !== undefined && (hop < 1 || hop > 64)) throw InstanceErrors.attributeValue('httpPutResponseHopLimit', String(hop));
  ctx.store.instances.update(instance.id, {
    http_tokens: o.HttpTokens ?? instance.http_tokens,
    http_endpoint: o.HttpEndpoint ?? instance.http_endpoint,
    http_put_response_hop_limit: hop ?? instance.http_put_response_hop_limit,
    http_protocol_ipv6: o.HttpProtocolIpv6 ?? instance.http_protocol_ipv6,
    instance_metadata_tags: o.InstanceMetadataTags ?? instance.instance_metadata_tags,
  });
  return ctx.store.instances.get(ctx.scope, instance.id)!;
}

/**
 * ModifyPrivateDnsNameOptions: the hostname type changes only while the instance is stopped (AWS's user guide); the
 * resource-name A / AAAA records at any time. Members not sent stay.
 */
export function setPrivateDnsNameOptions(
  ctx: RequestContext,
  instance: InstanceRow,
  o: { PrivateDnsHostnameType?: string; EnableResourceNameDnsARecord?: boolean; EnableResourceNameDnsAAAARecord?: boolean },
): void {
  if (o.PrivateDnsHostnameType !== undefined && o.PrivateDnsHostnameType !== instance.hostname_type) requireStopped(instance);
  ctx.store.instances.update(instance.id, {
    hostname_type: o.PrivateDnsHostnameType ?? instance.hostname_type,
    dns_a_record: o.EnableResourceNameDnsARecord === undefined ? instance.dns_a_record : o.EnableResourceNameDnsARecord ? 1 : 0,
    dns_aaaa_record: o.EnableResourceNameDnsAAAARecord === undefined ? instance.dns_aaaa_record : o.EnableResourceNameDnsAAAARecord ? 1 : 0,
  });
}

/** ModifyInstanceMaintenanceOptions: simplified automatic recovery on (`default`) or off; returns the setting. */
export function setAutoRecovery(ctx: RequestContext, instance: InstanceRow, autoRecovery: string | undefined): string {
  const value = autoRecovery ?? instance.auto_recovery;
  ctx.store.instances.update(instance.id, { auto_recovery: value });
  return value;
}

/** ModifyInstanceCapacityReservationAttributes: a stopped instance's capacity reservation preference or target. */
export function setCapacityReservation(ctx: RequestContext, instance: InstanceRow, spec: CapacityReservationSpecification): void {
  requireStopped(instance);
  setCapacityReservationSpec(ctx, instance, spec);
}

/**
 * ResetInstanceAttribute: AWS resets only kernel and ramdisk (of a stopped instance; neither is modelled, so nothing
 * changes) and sourceDestCheck (back to true on the primary interface).
 */
export function resetInstanceAttribute(ctx: RequestContext, instance: InstanceRow, attr: string): void {
  switch (attr) {
    case 'sourceDestCheck': {
      const eni = primaryInterfaceOf(ctx, instance.id);
      if (eni) setSourceDestCheck(ctx, eni, true);
      return;
    }
    case 'kernel':
    case 'ramdisk':
      requireStopped(instance);
      return;
    default:
      throw InstanceErrors.notResettable(attr);
  }
}
