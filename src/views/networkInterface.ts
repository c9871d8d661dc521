/**
 * Network interfaces as the API shows them. One record per interface (row + attachment + addresses + groups +
 * public associations + tags), loaded in a fixed number of queries per page; two presenters, because EC2 shows an
 * interface in two shapes: NetworkInterface (DescribeNetworkInterfaces) and InstanceNetworkInterface (inside an
 * Instance, no tags / zone / requester fields, attachment without instance id).
 */
import type { LoadContext, ScopedLoadContext } from './context';
import { privateDnsName, publicDnsName, zoneByName } from '../domain/regions';
import type {
  AttachmentStatus,
  InstanceNetworkInterface,
  NetworkInterface,
  NetworkInterfaceAssociation,
  NetworkInterfacePermission,
  NetworkInterfaceStatus,
  NetworkInterfaceType,
  Tag,
} from '../protocol/model/types.generated';
import type { InterfaceGroup } from '../store/networkInterfaceRepo';
import type {
  AddressRow,
  AttachmentRow,
  Ipv4PrefixRow,
  Ipv6AddressRow,
  Ipv6PrefixRow,
  NetworkInterfacePermissionRow,
  NetworkInterfaceRow,
  PrivateIpRow,
} from '../store/rows';

export interface InterfaceRecord {
  row: NetworkInterfaceRow;
  attachment?: AttachmentRow;
  ips: PrivateIpRow[];
  /** IPv6 addresses, the primary IPv6 (if any) first. */
  ipv6: Ipv6AddressRow[];
  /** IPv4 /28 and IPv6 /80 prefixes (prefix delegation). */
  ipv4Prefixes: Ipv4PrefixRow[];
  ipv6Prefixes: Ipv6PrefixRow[];
  groups: InterfaceGroup[];
  /** Public addresses associated with this interface's private addresses. */
  addresses: AddressRow[];
  tags: Tag[];
}

export function loadInterfaceRecords(ctx: LoadContext, rows: readonly NetworkInterfaceRow[]): InterfaceRecord[] {
  const ids = rows.map((r) => r.id);
  const attachments = ctx.store.attachments.ofInterfaces(ids);
  const ips = ctx.store.privateIps.ofInterfaces(ids);
  const ipv6 = ctx.store.ipv6Addresses.ofInterfaces(ids);
  const ipv4Prefixes = ctx.store.ipv4Prefixes.ofInterfaces(ids);
  const ipv6Prefixes = ctx.store.ipv6Prefixes.ofInterfaces(ids);
  const groups = ctx.store.networkInterfaces.groupsOf(ids);
  const addresses = ctx.store.addresses.ofInterfaces(ids);
  const tags = ctx.store.tags.forResources(ctx.scope, ids);
  return rows.map((row) => ({
    row,
    attachment: attachments.get(row.id),
    ips: ips.get(row.id) ?? [],
    ipv6: ipv6.get(row.id) ?? [],
    ipv4Prefixes: ipv4Prefixes.get(row.id) ?? [],
    ipv6Prefixes: ipv6Prefixes.get(row.id) ?? [],
    groups: groups.get(row.id) ?? [],
    addresses: addresses.get(row.id) ?? [],
    tags: tags.get(row.id) ?? [],
  }));
}

export function loadInterfaceRecordsById(ctx: ScopedLoadContext, ids: readonly string[]): Map<string, InterfaceRecord> {
  const rows = ctx.store.networkInterfaces.getMany(ctx.scope, ids);
  const records = loadInterfaceRecords(ctx, ids.map((id) => rows.get(id)).filter((r): r is NetworkInterfaceRow => r !== undefined));
  return new Map(records.map((r) => [r.row.id, r]));
}

/** `in-use` while any attachment exists (attaching, attached or detaching, or a service's), else `available`. */
export function interfaceStatus(rec: InterfaceRecord): NetworkInterfaceStatus {
  return rec.attachment || rec.row.service_attachment_id ? 'in-use' : 'available';
}

/** Who AWS names as the owner of a service's attachment (a NAT gateway's interface, for one). */
export const SERVICE_ATTACHMENT_OWNER = 'amazon-aws';

/**
 * The attachment as the filters see it: an instance's, or a requester-managed interface's service attachment
 * (`ela-attach-…`: no instance, owner `amazon-aws`, device index 1, attached, never deleted on termination).
 */
export function attachmentOf(rec: InterfaceRecord):
  | { id: string; instanceId?: string; owner: string; deviceIndex: number; card?: number; status: string; attachTime: number; deleteOnTermination: boolean }
  | undefined {
  const a = rec.attachment;
  if (a) {
    return {
      id: a.id,
      instanceId: a.instance_id,
      owner: a.account,
      deviceIndex: a.device_index,
      card: a.network_card_index,
      status: a.status,
      attachTime: a.attach_time,
      deleteOnTermination: a.delete_on_termination === 1,
    };
  }
  const { row } = rec;
  if (!row.service_attachment_id) return undefined;
  return {
    id: row.service_attachment_id,
    owner: SERVICE_ATTACHMENT_OWNER,
    deviceIndex: 1,
    status: 'attached',
    attachTime: row.service_attach_time ?? row.created_at,
    deleteOnTermination: false,
  };
}

function association(rec: InterfaceRecord, privateIp: string): NetworkInterfaceAssociation | undefined {
  const a = rec.addresses.find((x) => x.private_ip === privateIp);
  if (!a) return undefined;
  return {
    AllocationId: a.allocation_id ?? undefined,
    AssociationId: a.association_id ?? undefined,
    // AWS shows "amazon" as the owner of public IPs it assigned at launch
    IpOwnerId: a.allocation_id ? a.account : 'amazon',
    PublicDnsName: publicDnsName(rec.row.region, a.public_ip),
    PublicIp: a.public_ip,
  };
}

const groupsOf = (rec: InterfaceRecord) => rec.groups.map((g) => ({ GroupId: g.group_id, GroupName: g.name }));
const ipv6Of = (rec: InterfaceRecord) => rec.ipv6.map((a) => ({ Ipv6Address: a.address, IsPrimaryIpv6: a.is_primary === 1 }));

// left out when empty, as AWS does, so IPv4-only answers are unchanged
const ipv4PrefixesOf = (rec: InterfaceRecord) => (rec.ipv4Prefixes.length ? rec.ipv4Prefixes.map((p) => ({ Ipv4Prefix: p.prefix })) : undefined);
const ipv6PrefixesOf = (rec: InterfaceRecord) => (rec.ipv6Prefixes.length ? rec.ipv6Prefixes.map((p) => ({ Ipv6Prefix: p.prefix })) : undefined);

/** The interface's primary IPv6 (EnablePrimaryIpv6), which the instance also shows as its Ipv6Address. */
export function primaryIpv6(rec: InterfaceRecord): string | undefined {
  return rec.ipv6.find((a) => a.is_primary === 1)?.address;
}

/** A service's attachment as AWS shows it (a real NAT gateway capture: no instance, no time, no card). */
function serviceAttachment(rec: InterfaceRecord): NetworkInterface['Attachment'] {
  if (!rec.row.service_attachment_id) return undefined;
  return {
    AttachmentId: rec.row.service_attachment_id,
    DeleteOnTermination: false,
    DeviceIndex: 1,
    InstanceOwnerId: SERVICE_ATTACHMENT_OWNER,
    Status: 'attached',
  };
}

export function presentNetworkInterface(rec: InterfaceRecord): NetworkInterface {
  const { row, attachment } = rec;
  const region = row.region;
  return {
    Association: association(rec, row.private_ip),
    Attachment: attachment
      ? {
          AttachTime: new Date(attachment.attach_time),
          AttachmentId: attachment.id,
          DeleteOnTermination: attachment.delete_on_termination === 1,
          DeviceIndex: attachment.device_index,
          NetworkCardIndex: attachment.network_card_index,
          InstanceId: attachment.instance_id,
          InstanceOwnerId: attachment.account,
          Status: attachment.status as AttachmentStatus,
        }
      : serviceAttachment(rec),
    AvailabilityZone: row.availability_zone,
    Description: row.description,
    Groups: groupsOf(rec),
    InterfaceType: row.interface_type as NetworkInterfaceType,
    Ipv6Addresses: ipv6Of(rec),
    Ipv6Address: primaryIpv6(rec),
    MacAddress: row.mac_address,
    NetworkInterfaceId: row.id,
    OwnerId: row.account,
    PrivateDnsName: row.private_ip ? privateDnsName(region, row.private_ip) : undefined,
    PrivateIpAddress: row.private_ip || undefined,
    PrivateIpAddresses: rec.ips.map((ip) => ({
      Association: association(rec, ip.ip),
      Primary: ip.is_primary === 1,
      PrivateDnsName: privateDnsName(region, ip.ip),
      PrivateIpAddress: ip.ip,
    })),
    Ipv4Prefixes: ipv4PrefixesOf(rec),
    Ipv6Prefixes: ipv6PrefixesOf(rec),
    RequesterId: row.requester_id ?? undefined,
    RequesterManaged: row.requester_managed === 1,
    SourceDestCheck: row.source_dest_check === 1,
    Status: interfaceStatus(rec),
    SubnetId: row.subnet_id,
    TagSet: rec.tags,
    VpcId: row.vpc_id,
    // an interface in an IPv6-only subnet has no private IPv4
    Ipv6Native: row.private_ip === '',
    Operator: { Managed: false },
    AvailabilityZoneId: zoneByName(region, row.availability_zone)?.id,
  };
}

export function presentInstanceNetworkInterface(rec: InterfaceRecord): InstanceNetworkInterface {
  const { row, attachment } = rec;
  const region = row.region;
  const assoc = association(rec, row.private_ip);
  return {
    Association: assoc && { IpOwnerId: assoc.IpOwnerId, PublicDnsName: assoc.PublicDnsName, PublicIp: assoc.PublicIp },
    Attachment: attachment && {
      AttachTime: new Date(attachment.attach_time),
      AttachmentId: attachment.id,
      DeleteOnTermination: attachment.delete_on_termination === 1,
      DeviceIndex: attachment.device_index,
      Status: attachment.status as AttachmentStatus,
      NetworkCardIndex: attachment.network_card_index,
    },
    Description: row.description,
    Groups: groupsOf(rec),
    Ipv6Addresses: ipv6Of(rec),
    MacAddress: row.mac_address,
    NetworkInterfaceId: row.id,
    OwnerId: row.account,
    PrivateDnsName: row.private_ip ? privateDnsName(region, row.private_ip) : undefined,
    PrivateIpAddress: row.private_ip || undefined,
    PrivateIpAddresses: rec.ips.map((ip) => {
      const a = association(rec, ip.ip);
      return {
        Association: a && { IpOwnerId: a.IpOwnerId, PublicDnsName: a.PublicDnsName, PublicIp: a.PublicIp },
        Primary: ip.is_primary === 1,
        PrivateDnsName: privateDnsName(region, ip.ip),
        PrivateIpAddress: ip.ip,
      };
    }),
    SourceDestCheck: row.source_dest_check === 1,
    Status: interfaceStatus(rec),
    SubnetId: row.subnet_id,
    VpcId: row.vpc_id,
    InterfaceType: row.interface_type,
    Ipv4Prefixes: ipv4PrefixesOf(rec),
    Ipv6Prefixes: ipv6PrefixesOf(rec),
    Operator: { Managed: false },
  };
}

/** The public association of an interface's primary address, if any. */
export function primaryAssociation(rec: InterfaceRecord): NetworkInterfaceAssociation | undefined {
  return association(rec, rec.row.private_ip);
}

export function presentPermission(r: NetworkInterfacePermissionRow): NetworkInterfacePermission {
  return {
    NetworkInterfacePermissionId: r.id,
    NetworkInterfaceId: r.network_interface_id,
    AwsAccountId: r.aws_account_id ?? undefined,
    AwsService: r.aws_service ?? undefined,
    Permission: r.permission as 'INSTANCE-ATTACH',
    PermissionState: { State: r.state as 'granted' },
  };
}

/** Interfaces as DescribeNetworkInterfaces shows them, loaded in batch. */
export function presentInterfaces(ctx: LoadContext, rows: readonly NetworkInterfaceRow[]): NetworkInterface[] {
  return loadInterfaceRecords(ctx, rows).map(presentNetworkInterface);
}
