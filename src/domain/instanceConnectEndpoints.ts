/**
 * EC2 Instance Connect Endpoints (docs/behavior.md "Instance Connect Endpoints"): a requester-managed interface
 * (type `ec2_instance_connect_endpoint`) in one subnet, with the given security groups (else the VPC's default one).
 * Create answers `create-in-progress` and the back end makes it `create-complete`; Delete answers
 * `delete-in-progress`, then the endpoint and its interface go. Nothing connects through it.
 */
import type { RequestContext } from '../core/context';
import { InstanceConnectEndpointErrors } from '../errors';
import type { Tag } from '../protocol/model/types.generated';
import type { ListOptions } from '../store/query';
import type { InstanceConnectEndpointRow } from '../store/rows';
import { createInterface, deleteInterface, resolveInterfaceGroups } from './networkInterfaces';
import { requireSubnet } from './subnets';
import { addTags } from './tags';

/** The account AWS's Instance Connect service plugs its interfaces in from (shown as their RequesterId). */
const EICE_SERVICE_ACCOUNT = '570499187245';

export function requireInstanceConnectEndpoint(ctx: RequestContext, id: string): InstanceConnectEndpointRow {
  const row = ctx.store.instanceConnectEndpoints.get(ctx.scope, id);
  if (!row) throw InstanceConnectEndpointErrors.notFound(id);
  return row;
}

export function listInstanceConnectEndpoints(ctx: RequestContext, opts: ListOptions): InstanceConnectEndpointRow[] {
  return ctx.store.instanceConnectEndpoints.list(ctx.scope, opts);
}

export interface NewInstanceConnectEndpoint {
  SubnetId: string;
  SecurityGroupIds?: readonly string[];
  PreserveClientIp?: boolean;
  IpAddressType?: string;
}

export function createInstanceConnectEndpoint(ctx: RequestContext, input: NewInstanceConnectEndpoint, tags: readonly Tag[]): InstanceConnectEndpointRow {
  const subnet = requireSubnet(ctx, input.SubnetId);
  // AWS's default follows the subnet: dualstack with both families, ipv6 when IPv6-only, else ipv4
  const natural = subnet.ipv6_native === 1 ? 'ipv6' : subnet.ipv6_cidr ? 'dualstack' : 'ipv4';
  const ipType = input.IpAddressType ?? natural;
  if ((ipType !== 'ipv4' && !subnet.ipv6_cidr) || (ipType !== 'ipv6' && subnet.ipv6_native === 1)) throw InstanceConnectEndpointErrors.ipAddressType(ipType, subnet.id);
  if (input.PreserveClientIp === true && ipType !== 'ipv4') throw InstanceConnectEndpointErrors.preserveClientIpNeedsIpv4();
  const groupIds = resolveInterfaceGroups(ctx, subnet, input.SecurityGroupIds);
  const id = ctx.ids.id('eice');
  const eni = createInterface(ctx, {
    subnet,
    groupIds,
    addresses: {},
    description: `EC2 Instance Connect Endpoint ${id}`,
    interfaceType: 'ec2_instance_connect_endpoint',
    site: 'interface',
    managedBy: { requesterId: EICE_SERVICE_ACCOUNT },
  });
  ctx.store.instanceConnectEndpoints.insert({
    id,
    account: ctx.scope.account,
    region: ctx.scope.region,
    vpc_id: subnet.vpc_id,
    subnet_id: subnet.id,
    availability_zone: subnet.availability_zone,
    network_interface_id: eni.id,
    preserve_client_ip: input.PreserveClientIp ? 1 : 0,
    security_group_ids: JSON.stringify(groupIds),
    ip_address_type: ipType,
    dns_token: ctx.ids.hex(8),
    state: 'create-in-progress',
    created_at: ctx.now,
  });
  addTags(ctx, id, 'instance-connect-endpoint', tags);
  ctx.backend.schedule(ctx.scope, 'instance-connect-endpoint', id, 'create-in-progress', 'create-complete', ctx.now + ctx.config.natGatewayMs);
  return requireInstanceConnectEndpoint(ctx, id);
}

export function deleteInstanceConnectEndpoint(ctx: RequestContext, id: string): InstanceConnectEndpointRow {
  const row = requireInstanceConnectEndpoint(ctx, id);
  if (row.state === 'delete-in-progress') return row;
  ctx.store.instanceConnectEndpoints.update(row.id, { state: 'delete-in-progress' });
  ctx.backend.schedule(ctx.scope, 'instance-connect-endpoint', row.id, 'delete-in-progress', 'delete-complete', ctx.now + ctx.config.natGatewayMs);
  return requireInstanceConnectEndpoint(ctx, id);
}

/** The back end: `create-complete`, or gone with its interface once the delete completes. */
export function applyInstanceConnectEndpointTransition(ctx: RequestContext, id: string, to: string): void {
  const row = ctx.store.instanceConnectEndpoints.get(ctx.scope, id);
  if (!row) return;
  if (to !== 'delete-complete') {
    ctx.store.instanceConnectEndpoints.update(row.id, { state: to });
    return;
  }
  const eni = row.network_interface_id ? ctx.store.networkInterfaces.get(ctx.scope, row.network_interface_id) : undefined;
  if (eni) deleteInterface(ctx, eni);
  ctx.store.instanceConnectEndpoints.delete(row.id);
}

