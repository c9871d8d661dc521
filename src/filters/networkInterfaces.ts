/**
 * DescribeNetworkInterfaces filters (every name AWS documents), over interface records. Exact values of the
 * filters users run at scale go to SQL (ids, subnet, VPC, zone, addresses, groups, attachment fields, tags).
 * DescribeInstances reuses them as `network-interface.<name>`.
 */
import { privateDnsName, publicDnsName, zoneByName } from '../domain/regions';
import type { FilterField, FilterSpec } from './engine';
import type { InterfaceRecord } from '../views/networkInterface';
import { attachmentOf, interfaceStatus, SERVICE_ATTACHMENT_OWNER } from '../views/networkInterface';

type F = FilterField<InterfaceRecord>;
const none: F = { get: () => undefined };
const ownerOf = (rec: InterfaceRecord) => rec.addresses.map((a) => (a.allocation_id ? a.account : 'amazon'));

export const INTERFACE_FIELDS: Record<string, F> = {
  'addresses.association.owner-id': { get: ownerOf },
  'addresses.association.public-ip': { get: (r) => r.addresses.map((a) => a.public_ip) },
  'addresses.primary': { get: (r) => r.ips.map((ip) => ip.is_primary === 1) },
  'addresses.private-ip-address': {
    get: (r) => r.ips.map((ip) => ip.ip),
    sqlIn: (json, scope) => ({
      sql: 'n.id IN (SELECT network_interface_id FROM private_ips WHERE account = ? AND region = ? AND ip IN (SELECT value FROM json_each(?)))',
      params: [scope.account, scope.region, json],
    }),
  },
  'association.allocation-id': { get: (r) => r.addresses.map((a) => a.allocation_id) },
  'association.association-id': { get: (r) => r.addresses.map((a) => a.association_id) },
  'association.ip-owner-id': { get: ownerOf },
  'association.public-ip': { get: (r) => r.addresses.map((a) => a.public_ip) },
  'association.public-dns-name': { get: (r) => r.addresses.map((a) => publicDnsName(r.row.region, a.public_ip)) },
  // an instance's attachment, or a requester-managed interface's service attachment (`ela-attach-…`)
  'attachment.attach-time': { get: (r) => { const a = attachmentOf(r); return a ? new Date(a.attachTime) : undefined; } },
  'attachment.attachment-id': { get: (r) => attachmentOf(r)?.id, sql: 'coalesce(a.id, n.service_attachment_id)' },
  'attachment.delete-on-termination': { get: (r) => attachmentOf(r)?.deleteOnTermination },
  'attachment.device-index': { get: (r) => attachmentOf(r)?.deviceIndex },
  'attachment.instance-id': { get: (r) => r.attachment?.instance_id, sql: 'a.instance_id' },
  'attachment.instance-owner-id': {
    get: (r) => attachmentOf(r)?.owner,
    sql: `coalesce(a.account, CASE WHEN n.service_attachment_id IS NOT NULL THEN '${SERVICE_ATTACHMENT_OWNER}' END)`,
  },
  'attachment.network-card-index': { get: (r) => r.attachment?.network_card_index },
  'attachment.status': { get: (r) => attachmentOf(r)?.status, sql: "coalesce(a.status, CASE WHEN n.service_attachment_id IS NOT NULL THEN 'attached' END)" },
  'availability-zone': { get: (r) => r.row.availability_zone, sql: 'n.availability_zone' },
  'availability-zone-id': { get: (r) => zoneByName(r.row.region, r.row.availability_zone)?.id },
  description: { get: (r) => r.row.description, sql: 'n.description' },
  'group-id': {
    get: (r) => r.groups.map((g) => g.group_id),
    sqlIn: (json) => ({
      sql: 'n.id IN (SELECT network_interface_id FROM network_interface_groups WHERE group_id IN (SELECT value FROM json_each(?)))',
      params: [json],
    }),
  },
  'group-name': { get: (r) => r.groups.map((g) => g.name) },
  'ipv6-addresses.ipv6-address': {
    get: (r) => r.ipv6.map((a) => a.address),
    sqlIn: (json, scope) => ({
      sql: 'n.id IN (SELECT network_interface_id FROM ipv6_addresses WHERE account = ? AND region = ? AND address IN (SELECT value FROM json_each(?)))',
      params: [scope.account, scope.region, json],
    }),
  },
  // prefix delegation: exact values go to SQL through the prefix indexes (schema 013)
  'ipv4-prefixes.ipv4-prefix': {
    get: (r) => r.ipv4Prefixes.map((p) => p.prefix),
    sqlIn: (json, scope) => ({
      sql: 'n.id IN (SELECT network_interface_id FROM ipv4_prefixes WHERE account = ? AND region = ? AND prefix IN (SELECT value FROM json_each(?)))',
      params: [scope.account, scope.region, json],
    }),
  },
  'ipv6-prefixes.ipv6-prefix': {
    get: (r) => r.ipv6Prefixes.map((p) => p.prefix),
    sqlIn: (json, scope) => ({
      sql: 'n.id IN (SELECT network_interface_id FROM ipv6_prefixes WHERE account = ? AND region = ? AND prefix IN (SELECT value FROM json_each(?)))',
      params: [scope.account, scope.region, json],
    }),
  },
  'interface-type': { get: (r) => r.row.interface_type, sql: 'n.interface_type' },
  'mac-address': { get: (r) => r.row.mac_address, sql: 'n.mac_address' },
  'network-interface-id': { get: (r) => r.row.id, sql: 'n.id' },
  'operator.managed': { get: () => false },
  'operator.principal': none,
  'owner-id': { get: (r) => r.row.account, sql: 'n.account' },
  'private-dns-name': { get: (r) => r.ips.map((ip) => privateDnsName(r.row.region, ip.ip)) },
  'private-ip-address': {
    get: (r) => r.ips.map((ip) => ip.ip),
    sqlIn: (json, scope) => ({
      sql: 'n.id IN (SELECT network_interface_id FROM private_ips WHERE account = ? AND region = ? AND ip IN (SELECT value FROM json_each(?)))',
      params: [scope.account, scope.region, json],
    }),
  },
  'requester-id': { get: (r) => r.row.requester_id, sql: 'n.requester_id' },
  'requester-managed': { get: (r) => r.row.requester_managed === 1 },
  'source-dest-check': { get: (r) => r.row.source_dest_check === 1 },
  status: { get: interfaceStatus, sql: "CASE WHEN a.id IS NULL AND n.service_attachment_id IS NULL THEN 'available' ELSE 'in-use' END" },
  'subnet-id': { get: (r) => r.row.subnet_id, sql: 'n.subnet_id' },
  'vpc-id': { get: (r) => r.row.vpc_id, sql: 'n.vpc_id' },
};

export const networkInterfaceFilters: FilterSpec<InterfaceRecord> = {
  idSql: 'n.id',
  tags: (r) => r.tags,
  fields: INTERFACE_FIELDS,
};
