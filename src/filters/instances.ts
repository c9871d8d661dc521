/**
 * DescribeInstances filters: every name AWS documents is accepted. Those about what ec2lite models have real
 * accessors; those about features it does not model (capacity reservations, IPv6, Outposts…) have no
 * value on any instance, so they match nothing, as on AWS for an instance without that feature.
 * `network-interface.<name>` reuses the interface filters: an instance matches when any of its interfaces does.
 */
import { getOperation } from '../protocol/model';
import type { Instance } from '../protocol/model/types.generated';
import type { InstanceRecord } from '../views/instance';
import type { FilterField, FilterSpec, FilterValue } from './engine';
import { INTERFACE_FIELDS } from './networkInterfaces';

interface InstanceItem {
  rec: InstanceRecord;
  api: Instance;
}

type F = FilterField<InstanceItem>;
const none: F = { get: () => undefined };
const api = (get: (i: Instance) => FilterValue, sql?: string): F => ({ get: (x) => get(x.api), sql });

/** While an instance is terminated it has no VPC, subnet or address (its interfaces are gone). */
const liveOnly = (column: string) => `CASE WHEN i.state = 'terminated' THEN NULL ELSE ${column} END`;

/** block-device-mapping.<name>: any of the instance's EBS volumes matches. */
const blockDevice = (get: (m: NonNullable<Instance['BlockDeviceMappings']>[number]) => FilterValue): F => ({
  get: (x) => (x.api.BlockDeviceMappings ?? []).map(get) as FilterValue,
});

const OWN: Record<string, F> = {
  'block-device-mapping.attach-time': blockDevice((m) => m.Ebs?.AttachTime),
  'block-device-mapping.delete-on-termination': blockDevice((m) => m.Ebs?.DeleteOnTermination),
  'block-device-mapping.device-name': blockDevice((m) => m.DeviceName),
  'block-device-mapping.status': blockDevice((m) => m.Ebs?.Status),
  'block-device-mapping.volume-id': {
    get: (x) => x.rec.volumes.map((v) => v.volume_id),
    sqlIn: (json) => ({ sql: 'i.id IN (SELECT instance_id FROM volume_attachments WHERE volume_id IN (SELECT value FROM json_each(?)))', params: [json] }),
  },
  architecture: api((i) => i.Architecture, 'i.architecture'),
  'availability-zone': api((i) => i.Placement?.AvailabilityZone, 'i.availability_zone'),
  'availability-zone-id': api((i) => i.Placement?.AvailabilityZoneId),
  'boot-mode': api((i) => i.BootMode),
  'client-token': api((i) => i.ClientToken, 'i.client_token'),
  'current-instance-boot-mode': api((i) => i.CurrentInstanceBootMode),
  'dns-name': api((i) => i.PublicDnsName),
  'ebs-optimized': api((i) => i.EbsOptimized),
  'ena-support': api((i) => i.EnaSupport),
  'enclave-options.enabled': api((i) => i.EnclaveOptions?.Enabled),
  'hibernation-options.configured': api((i) => i.HibernationOptions?.Configured),
  'host-id': api((i) => i.Placement?.HostId),
  hypervisor: api((i) => i.Hypervisor),
  'image-id': api((i) => i.ImageId, 'i.image_id'),
  'instance-id': api((i) => i.InstanceId, 'i.id'),
  'instance-lifecycle': api((i) => i.InstanceLifecycle, 'i.instance_lifecycle'),
  'instance-state-code': api((i) => i.State?.Code),
  'instance-state-name': api((i) => i.State?.Name, 'i.state'),
  'instance-type': api((i) => i.InstanceType, 'i.instance_type'),
  'instance.group-id': api((i) => i.SecurityGroups?.map((g) => g.GroupId)),
  'instance.group-name': api((i) => i.SecurityGroups?.map((g) => g.GroupName)),
  'ip-address': api((i) => i.PublicIpAddress),
  'key-name': api((i) => i.KeyName, 'i.key_name'),
  'launch-index': api((i) => i.AmiLaunchIndex),
  'launch-time': api((i) => i.LaunchTime),
  'maintenance-options.auto-recovery': api((i) => i.MaintenanceOptions?.AutoRecovery),
  'metadata-options.http-endpoint': api((i) => i.MetadataOptions?.HttpEndpoint),
  'metadata-options.http-protocol-ipv4': api(() => 'enabled'),
  'metadata-options.http-protocol-ipv6': api((i) => i.MetadataOptions?.HttpProtocolIpv6),
  'metadata-options.http-put-response-hop-limit': api((i) => i.MetadataOptions?.HttpPutResponseHopLimit),
  'metadata-options.http-tokens': api((i) => i.MetadataOptions?.HttpTokens),
  'metadata-options.instance-metadata-tags': api((i) => i.MetadataOptions?.InstanceMetadataTags),
  'metadata-options.state': api((i) => i.MetadataOptions?.State),
  'monitoring-state': api((i) => i.Monitoring?.State),
  'operator.managed': api(() => false),
  'owner-id': { get: (x) => x.rec.row.account, sql: 'i.account' },
  'placement-group-name': api((i) => i.Placement?.GroupName || undefined),
  'placement-partition-number': api((i) => i.Placement?.PartitionNumber),
  platform: api((i) => i.Platform),
  'platform-details': api((i) => i.PlatformDetails),
  'private-dns-name': api((i) => i.PrivateDnsName),
  'private-dns-name-options.enable-resource-name-dns-a-record': api((i) => i.PrivateDnsNameOptions?.EnableResourceNameDnsARecord),
  'private-dns-name-options.enable-resource-name-dns-aaaa-record': api((i) => i.PrivateDnsNameOptions?.EnableResourceNameDnsAAAARecord),
  'private-dns-name-options.hostname-type': api((i) => i.PrivateDnsNameOptions?.HostnameType),
  'private-ip-address': api((i) => i.PrivateIpAddress),
  'product-code': api(() => undefined),
  reason: api((i) => i.StateTransitionReason),
  'requester-id': { get: (x) => x.rec.row.requester_id },
  'reservation-id': { get: (x) => x.rec.row.reservation_id, sql: 'i.reservation_id' },
  'root-device-name': api((i) => i.RootDeviceName, 'i.root_device_name'),
  'root-device-type': api((i) => i.RootDeviceType, 'i.root_device_type'),
  'source-dest-check': api((i) => i.SourceDestCheck),
  'state-reason-code': api((i) => i.StateReason?.Code),
  'state-reason-message': api((i) => i.StateReason?.Message),
  'subnet-id': api((i) => i.SubnetId, liveOnly('i.subnet_id')),
  tenancy: api((i) => i.Placement?.Tenancy),
  'spot-instance-request-id': api((i) => i.SpotInstanceRequestId, 'i.spot_instance_request_id'),
  'usage-operation': api((i) => i.UsageOperation),
  'usage-operation-update-time': api((i) => i.UsageOperationUpdateTime),
  'virtualization-type': api((i) => i.VirtualizationType),
  'vpc-id': api((i) => i.VpcId, liveOnly('i.vpc_id')),
};

/** network-interface.<name>: any of the instance's interfaces matches. */
function interfaceFields(): Record<string, F> {
  const out: Record<string, F> = {};
  for (const [name, field] of Object.entries(INTERFACE_FIELDS)) {
    out[`network-interface.${name}`] = { get: (x) => x.rec.interfaces.flatMap((r) => toArray(field.get(r))) };
  }
  out['network-interface.addresses.private-dns-name'] = out['network-interface.private-dns-name'];
  out['network-interface.tag-key'] = { get: (x) => x.rec.interfaces.flatMap((r) => r.tags.map((t) => t.Key)) };
  out['network-interface.tag-value'] = { get: (x) => x.rec.interfaces.flatMap((r) => r.tags.map((t) => t.Value)) };
  return out;
}

const toArray = (v: FilterValue) => (Array.isArray(v) ? v : [v]);

/** Every documented name, defaulting to "no value" for features ec2lite does not model. */
function documented(): Record<string, F> {
  const out: Record<string, F> = {};
  for (const name of getOperation('DescribeInstances')?.filters ?? []) if (!name.startsWith('tag:')) out[name] = none;
  return out;
}

export const instanceFilters: FilterSpec<InstanceItem> = {
  idSql: 'i.id',
  tags: (x) => x.rec.tags,
  fields: { ...documented(), ...interfaceFields(), ...OWN },
};
