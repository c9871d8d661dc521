/**
 * Instances as the API shows them (RunInstances, DescribeInstances). Top-level subnet, VPC, addresses, source/dest
 * check and groups mirror the primary interface (device index 0), as on AWS; a terminated instance has none.
 */
import type { RequestContext } from '../core/context';
import type { ScopedLoadContext } from './context';
import { stateOf } from '../domain/instances';
import { privateDnsName, zoneByName } from '../domain/regions';
import type { Instance, InstanceMonitoring, MonitoringState, Reservation, Tag } from '../protocol/model/types.generated';
import type { InstanceRow, VolumeAttachmentRow } from '../store/rows';
import { InterfaceRecord, loadInterfaceRecordsById, presentInstanceNetworkInterface, primaryAssociation, primaryIpv6 } from './networkInterface';
import { tagsOrNothing } from './vpc';
import { presentBlockDeviceMappings } from './volume';

export interface InstanceRecord {
  row: InstanceRow;
  /** Linked interfaces (attaching, attached, detaching), by card then device index. */
  interfaces: InterfaceRecord[];
  /** EBS volume attachments, in attach order. */
  volumes: VolumeAttachmentRow[];
  tags: Tag[];
  /** The IAM instance profile of its active association (associating or associated). */
  profile?: { Arn: string; Id: string };
  /** Its placement group's name and id (schema 013), if it was launched into one. */
  placementGroup?: { name: string; id: string };
}

export function loadInstanceRecords(ctx: ScopedLoadContext, rows: readonly InstanceRow[]): InstanceRecord[] {
  const ids = rows.map((r) => r.id);
  const attachments = ctx.store.attachments.ofInstances(ids);
  const eniIds = [...attachments.values()].flat().map((a) => a.network_interface_id);
  const interfaces = loadInterfaceRecordsById(ctx, eniIds);
  const tags = ctx.store.tags.forResources(ctx.scope, ids);
  const profiles = ctx.store.iamProfiles.ofInstances(ids);
  const volumes = ctx.store.volumeAttachments.ofInstances(ids);
  const groupIds = [...new Set(rows.map((r) => r.placement_group_id).filter((g): g is string => g !== null))];
  const groups = groupIds.length > 0 ? ctx.store.placementGroups.getMany(ctx.scope, groupIds) : new Map();
  return rows.map((row) => {
    const active = (profiles.get(row.id) ?? []).find((a) => a.state !== 'disassociating');
    return {
      row,
      interfaces: (attachments.get(row.id) ?? []).map((a) => interfaces.get(a.network_interface_id)!).filter(Boolean),
      volumes: volumes.get(row.id) ?? [],
      tags: tags.get(row.id) ?? [],
      profile: active && { Arn: active.profile_arn, Id: active.profile_id },
      placementGroup: row.placement_group_id !== null && groups.has(row.placement_group_id)
        ? { name: groups.get(row.placement_group_id)!.name, id: row.placement_group_id }
        : undefined,
    };
  });
}

export function primaryInterface(rec: InstanceRecord): InterfaceRecord | undefined {
  return rec.interfaces.find((i) => i.attachment?.device_index === 0 && i.attachment.network_card_index === 0);
}

interface InstanceTypeFacts {
  coreCount: number;
  threadsPerCore: number;
}

export function presentInstance(rec: InstanceRecord, cpu: InstanceTypeFacts, opts: { emptyTags?: boolean } = {}): Instance {
  const { row } = rec;
  const primary = primaryInterface(rec);
  const assoc = primary && primaryAssociation(primary);
  const launch = new Date(row.launch_time);
  return {
    InstanceId: row.id,
    ImageId: row.image_id,
    State: stateOf(row.state),
    PrivateDnsName: primary?.row.private_ip ? privateDnsName(row.region, primary.row.private_ip) : '',
    PublicDnsName: assoc?.PublicDnsName ?? '',
    StateTransitionReason: row.state_transition_reason,
    KeyName: row.key_name ?? undefined,
    AmiLaunchIndex: row.ami_launch_index,
    ProductCodes: [],
    InstanceType: row.instance_type,
    InstanceLifecycle: (row.instance_lifecycle ?? undefined) as 'spot' | undefined,
    SpotInstanceRequestId: row.spot_instance_request_id ?? undefined,
    CapacityReservationId: row.capacity_reservation_id ?? undefined,
    LaunchTime: launch,
    Placement: {
      AvailabilityZone: row.availability_zone,
      AvailabilityZoneId: zoneByName(row.region, row.availability_zone)?.id,
      GroupName: rec.placementGroup?.name ?? '',
      GroupId: rec.placementGroup?.id,
      PartitionNumber: row.partition_number ?? undefined,
      HostId: row.host_id ?? undefined,
      Tenancy: row.tenancy as 'default',
    },
    Platform: (row.platform ?? undefined) as 'Windows' | undefined,
    Monitoring: { State: row.monitoring as MonitoringState },
    SubnetId: primary?.row.subnet_id,
    VpcId: primary?.row.vpc_id,
    PrivateIpAddress: primary?.row.private_ip || undefined, // none in an IPv6-only subnet
    PublicIpAddress: assoc?.PublicIp,
    // AWS: the primary interface's primary IPv6 (EnablePrimaryIpv6), else its first IPv6 address
    Ipv6Address: primary ? (primaryIpv6(primary) ?? primary.ipv6[0]?.address) : undefined,
    Architecture: row.architecture as 'x86_64',
    BlockDeviceMappings: presentBlockDeviceMappings(rec.volumes),
    ClientToken: row.client_token,
    EbsOptimized: row.ebs_optimized === 1,
    EnaSupport: true,
    Hypervisor: 'xen',
    IamInstanceProfile: rec.profile,
    NetworkInterfaces: rec.interfaces.map(presentInstanceNetworkInterface),
    RootDeviceName: row.root_device_name,
    RootDeviceType: row.root_device_type as 'ebs',
    SecurityGroups: (primary?.groups ?? []).map((g) => ({ GroupId: g.group_id, GroupName: g.name })),
    SourceDestCheck: primary ? primary.row.source_dest_check === 1 : undefined,
    StateReason: row.state_reason_code ? { Code: row.state_reason_code, Message: row.state_reason_message ?? '' } : undefined,
    Tags: opts.emptyTags ? rec.tags : tagsOrNothing(rec.tags),
    VirtualizationType: 'hvm',
    CpuOptions: { CoreCount: row.core_count ?? cpu.coreCount, ThreadsPerCore: row.threads_per_core ?? cpu.threadsPerCore, AmdSevSnp: (row.amd_sev_snp ?? undefined) as 'enabled' | undefined },
    CapacityReservationSpecification: row.capacity_reservation
      ? (JSON.parse(row.capacity_reservation) as Instance['CapacityReservationSpecification'])
      : { CapacityReservationPreference: 'open' },
    HibernationOptions: { Configured: row.hibernation_configured === 1 },
    MetadataOptions: {
      State: row.state === 'pending' ? 'pending' : 'applied',
      HttpTokens: row.http_tokens as 'optional',
      HttpPutResponseHopLimit: row.http_put_response_hop_limit,
      HttpEndpoint: row.http_endpoint as 'enabled',
      HttpProtocolIpv6: row.http_protocol_ipv6 as 'disabled',
      InstanceMetadataTags: row.instance_metadata_tags as 'disabled',
    },
    EnclaveOptions: { Enabled: false },
    BootMode: 'uefi-preferred',
    PlatformDetails: row.platform ? 'Windows' : 'Linux/UNIX',
    UsageOperation: row.platform ? 'RunInstances:0002' : 'RunInstances',
    UsageOperationUpdateTime: launch,
    PrivateDnsNameOptions: {
      HostnameType: row.hostname_type as 'ip-name',
      EnableResourceNameDnsARecord: row.dns_a_record === 1,
      EnableResourceNameDnsAAAARecord: row.dns_aaaa_record === 1,
    },
    MaintenanceOptions: { AutoRecovery: row.auto_recovery as 'default' },
    CurrentInstanceBootMode: 'legacy-bios',
  };
}

/** The CPU facts an instance shows, from its instance type. */
function cpuOf(ctx: Pick<RequestContext, 'instanceTypes'>, type: string): InstanceTypeFacts {
  const v = ctx.instanceTypes.get(type)?.VCpuInfo;
  return { coreCount: v?.DefaultCores ?? 1, threadsPerCore: v?.DefaultThreadsPerCore ?? 1 };
}

type PresentContext = ScopedLoadContext & Pick<RequestContext, 'instanceTypes'>;

export function presentRecords(ctx: PresentContext, records: readonly InstanceRecord[], opts: { emptyTags?: boolean } = {}): Instance[] {
  // one catalog read per instance type of the page, not per instance
  const cpuByType = new Map<string, InstanceTypeFacts>();
  const cpuFor = (type: string) => cpuByType.get(type) ?? cpuByType.set(type, cpuOf(ctx, type)).get(type)!;
  return records.map((r) => presentInstance(r, cpuFor(r.row.instance_type), opts));
}

export function presentRows(ctx: PresentContext, rows: readonly InstanceRow[], opts: { emptyTags?: boolean } = {}): Instance[] {
  return presentRecords(ctx, loadInstanceRecords(ctx, rows), opts);
}

/** Groups instances into their reservations, in order of first appearance. */
export function toReservations(items: ReadonlyArray<{ row: InstanceRow; api: Instance }>): Reservation[] {
  const byId = new Map<string, Reservation>();
  for (const { row, api } of items) {
    let r = byId.get(row.reservation_id);
    if (!r) {
      r = { ReservationId: row.reservation_id, OwnerId: row.account, RequesterId: row.requester_id ?? undefined, Groups: [], Instances: [] };
      byId.set(row.reservation_id, r);
    }
    r.Instances!.push(api);
  }
  return [...byId.values()];
}

/** MonitorInstances / UnmonitorInstances: each instance's monitoring state after the call. */
export function presentMonitorings(items: ReadonlyArray<{ InstanceId: string; State: string }>): InstanceMonitoring[] {
  return items.map((i) => ({ InstanceId: i.InstanceId, Monitoring: { State: i.State as MonitoringState } }));
}
