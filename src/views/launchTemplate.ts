/** Launch templates and versions as the Describe calls show them, and an instance as GetLaunchTemplateData shows it. */
import type { RequestContext } from '../core/context';
import type {
  Instance,
  LaunchTemplate,
  LaunchTemplateInstanceNetworkInterfaceSpecification,
  LaunchTemplateVersion,
  ResponseLaunchTemplateData,
} from '../protocol/model/types.generated';
import type { InstanceRow, LaunchTemplateRow, LaunchTemplateVersionRow } from '../store/rows';

/** With their tags (one query). */
export function presentLaunchTemplates(ctx: Pick<RequestContext, 'store' | 'scope'>, rows: readonly LaunchTemplateRow[]): LaunchTemplate[] {
  const tags = ctx.store.tags.forResources(ctx.scope, rows.map((r) => r.id));
  return rows.map((r) => ({
    LaunchTemplateId: r.id,
    LaunchTemplateName: r.name,
    CreateTime: new Date(r.created_at),
    CreatedBy: r.created_by,
    DefaultVersionNumber: r.default_version,
    LatestVersionNumber: r.latest_version ?? r.default_version,
    Tags: tags.get(r.id) ?? [],
  }));
}

/**
 * The stored RequestLaunchTemplateData answered as ResponseLaunchTemplateData: the two shapes share member names
 * (they differ in wire names, e.g. `SecurityGroupId.N` in, `securityGroupIdSet` out), so the data goes back as is.
 */
export function presentLaunchTemplateVersions(rows: readonly LaunchTemplateVersionRow[]): LaunchTemplateVersion[] {
  return rows.map((r) => ({
    LaunchTemplateId: r.template_id,
    LaunchTemplateName: r.template_name,
    VersionNumber: r.number,
    VersionDescription: r.description ?? undefined,
    CreateTime: new Date(r.created_at),
    CreatedBy: r.created_by,
    DefaultVersion: r.number === r.default_version,
    LaunchTemplateData: JSON.parse(r.data) as ResponseLaunchTemplateData,
  }));
}

/**
 * GetLaunchTemplateData: what a template needs to launch a copy of this instance (AWS CLI reference example:
 * type, image, key, placement, monitoring, each interface with its id, device index, subnet, groups, addresses and
 * delete-on-termination, the instance's tags). `aws:` tags are left out: a template may not carry them.
 */
export function templateDataOfInstance(instance: Instance, row: InstanceRow): ResponseLaunchTemplateData {
  const tags = (instance.Tags ?? []).filter((t) => !(t.Key ?? '').toLowerCase().startsWith('aws:'));
  const nics = [...(instance.NetworkInterfaces ?? [])].sort(
    (a, b) => (a.Attachment?.NetworkCardIndex ?? 0) - (b.Attachment?.NetworkCardIndex ?? 0) || (a.Attachment?.DeviceIndex ?? 0) - (b.Attachment?.DeviceIndex ?? 0),
  );
  return {
    EbsOptimized: instance.EbsOptimized ?? false,
    BlockDeviceMappings: instance.BlockDeviceMappings?.length
      ? instance.BlockDeviceMappings.map((b) => ({ DeviceName: b.DeviceName, Ebs: { DeleteOnTermination: b.Ebs?.DeleteOnTermination } }))
      : undefined,
    NetworkInterfaces: nics.map(
      (n): LaunchTemplateInstanceNetworkInterfaceSpecification => ({
        AssociatePublicIpAddress: n.Association?.PublicIp !== undefined && n.Association.IpOwnerId === 'amazon',
        DeleteOnTermination: n.Attachment?.DeleteOnTermination,
        Description: n.Description ?? '',
        DeviceIndex: n.Attachment?.DeviceIndex,
        Groups: (n.Groups ?? []).map((g) => g.GroupId as string),
        InterfaceType: n.InterfaceType,
        Ipv6Addresses: [],
        NetworkInterfaceId: n.NetworkInterfaceId,
        PrivateIpAddress: n.PrivateIpAddress,
        PrivateIpAddresses: (n.PrivateIpAddresses ?? []).map((p) => ({ Primary: p.Primary, PrivateIpAddress: p.PrivateIpAddress })),
        SubnetId: n.SubnetId,
        NetworkCardIndex: n.Attachment?.NetworkCardIndex,
      }),
    ),
    ImageId: instance.ImageId,
    InstanceType: instance.InstanceType,
    KeyName: instance.KeyName,
    Monitoring: { Enabled: instance.Monitoring?.State === 'enabled' },
    Placement: { AvailabilityZone: instance.Placement?.AvailabilityZone, GroupName: '', Tenancy: instance.Placement?.Tenancy ?? 'default' },
    UserData: row.user_data ?? undefined,
    DisableApiTermination: row.disable_api_termination === 1,
    DisableApiStop: row.disable_api_stop === 1,
    InstanceInitiatedShutdownBehavior: row.shutdown_behavior as 'stop' | 'terminate',
    TagSpecifications: tags.length ? [{ ResourceType: 'instance', Tags: tags }] : undefined,
    MetadataOptions: instance.MetadataOptions && {
      HttpTokens: instance.MetadataOptions.HttpTokens,
      HttpPutResponseHopLimit: instance.MetadataOptions.HttpPutResponseHopLimit,
      HttpEndpoint: instance.MetadataOptions.HttpEndpoint,
      HttpProtocolIpv6: instance.MetadataOptions.HttpProtocolIpv6,
      InstanceMetadataTags: instance.MetadataOptions.InstanceMetadataTags,
    },
    CapacityReservationSpecification: { CapacityReservationPreference: 'open' },
    HibernationOptions: { Configured: false },
    EnclaveOptions: { Enabled: false },
  };
}
