/**
 * Elastic IPs belong to the interface they are associated with, not to an instance: they follow it through
 * detach and re-attach, and are disassociated (never released) when the interface is deleted. Associating an
 * Elastic IP with an address that had a launch-time public IP replaces that public IP, as on AWS.
 */
import type { RequestContext } from '../core/context';
import { ElasticIpErrors, GatewayErrors, InstanceErrors, NatGatewayErrors, NotFoundErrors } from '../errors';
import type { AddressRow } from '../store/rows';
import { nextPublicIp } from './addressing';
import { ipToInt, isIpv4 } from './cidr';
import { PUBLIC_POOL } from './addressing';

export function allocateAddress(ctx: RequestContext, requested?: string): AddressRow {
  let ip: string;
  let n: number;
  if (requested !== undefined) {
    n = isIpv4(requested) ? ipToInt(requested) : -1;
    const inPool = n > PUBLIC_POOL.base && n < PUBLIC_POOL.base + PUBLIC_POOL.size - 1;
    if (!inPool || ctx.store.addresses.lowestFree(n, n + 1) === undefined) throw ElasticIpErrors.addressNotInPool(requested);
    ip = requested;
  } else {
    ({ ip, n } = nextPublicIp(ctx));
  }
  const row = {
    public_ip: ip,
    public_ip_int: n,
    allocation_id: ctx.ids.id('eipalloc'),
    account: ctx.scope.account,
    region: ctx.scope.region,
    domain: 'vpc',
    association_id: null,
    network_interface_id: null,
    private_ip: null,
  };
  ctx.store.addresses.insert(row);
  return ctx.store.addresses.byAllocation(ctx.scope, row.allocation_id)!;
}

interface AssociateRequest {
  allocationId?: string;
  publicIp?: string;
  instanceId?: string;
  networkInterfaceId?: string;
  privateIpAddress?: string;
  allowReassociation?: boolean;
}

function requireAllocation(ctx: RequestContext, allocationId?: string, publicIp?: string, site: 'associate' | 'release' = 'associate'): AddressRow {
  if (allocationId === undefined) {
    if (publicIp !== undefined) {
      if (!ctx.store.addresses.byPublicIp(ctx.scope, publicIp)) throw NotFoundErrors.address(publicIp);
      throw site === 'associate' ? ElasticIpErrors.allocationRequiredAssociate() : ElasticIpErrors.allocationRequiredRelease();
    }
    throw NotFoundErrors.allocation('');
  }
  const a = ctx.store.addresses.byAllocation(ctx.scope, allocationId);
  if (!a) throw NotFoundErrors.allocation(allocationId);
  return a;
}

export function associateAddress(ctx: RequestContext, req: AssociateRequest): string {
  const { store, scope } = ctx;
  const address = requireAllocation(ctx, req.allocationId, req.publicIp);
  let eniId = req.networkInterfaceId;
  if (eniId === undefined) {
    if (req.instanceId === undefined) throw ElasticIpErrors.targetRequired();
    const instance = store.instances.get(scope, req.instanceId);
    if (!instance) throw NotFoundErrors.instances([req.instanceId]);
    const attachments = store.attachments.ofInstance(instance.id);
    if (attachments.length === 0) throw ElasticIpErrors.instanceState(instance.id);
    if (attachments.length > 1) throw InstanceErrors.multipleInterfaces(instance.id);
    eniId = attachments[0].network_interface_id;
  }
  const eni = store.networkInterfaces.get(scope, eniId);
  if (!eni) throw NotFoundErrors.networkInterface(eniId);
  if (eni.requester_managed === 1 || heldByService(ctx, address)) throw NatGatewayErrors.managed();
  const privateIp = req.privateIpAddress ?? eni.private_ip;
  const ips = store.privateIps.ofInterfaces([eni.id]).get(eni.id) ?? [];
  if (!ips.some((p) => p.ip === privateIp)) throw ElasticIpErrors.privateIpNotOnInterface(privateIp, eni.id);
  if (!store.internetGateways.attachedTo(eni.vpc_id)) throw GatewayErrors.vpcWithoutGateway(eni.vpc_id);
  if (address.association_id && !req.allowReassociation) {
    const same = address.network_interface_id === eni.id && address.private_ip === privateIp;
    if (!same) throw ElasticIpErrors.alreadyAssociated(address.allocation_id!, address.association_id);
  }
  // Whatever served that private address before (a launch-time public IP or another Elastic IP) gives way.
  for (const other of store.addresses.ofInterfaces([eni.id]).get(eni.id) ?? []) {
    if (other.private_ip !== privateIp || other.public_ip === address.public_ip) continue;
    if (other.allocation_id === null) store.addresses.delete(other.public_ip);
    else store.addresses.update(other.public_ip, { association_id: null, network_interface_id: null, private_ip: null });
  }
  const associationId = ctx.ids.id('eipassoc');
  store.addresses.update(address.public_ip, { association_id: associationId, network_interface_id: eni.id, private_ip: privateIp });
  return associationId;
}

/** The address is associated with a requester-managed interface (a NAT gateway's): its service manages it. */
function heldByService(ctx: RequestContext, address: AddressRow): boolean {
  if (!address.network_interface_id) return false;
  return ctx.store.networkInterfaces.get(ctx.scope, address.network_interface_id)?.requester_managed === 1;
}

export function disassociate(ctx: RequestContext, address: AddressRow): void {
  ctx.store.addresses.update(address.public_ip, { association_id: null, network_interface_id: null, private_ip: null });
}

/** By association id; the PublicIp form is refused as AWS refuses it in a VPC. */
export function disassociateAddress(ctx: RequestContext, associationId?: string, publicIp?: string): void {
  if (associationId === undefined) {
    if (publicIp === undefined) throw NotFoundErrors.association('');
    if (!ctx.store.addresses.byPublicIp(ctx.scope, publicIp)) throw NotFoundErrors.address(publicIp);
    throw ElasticIpErrors.allocationRequiredAssociate();
  }
  const a = ctx.store.addresses.byAssociation(ctx.scope, associationId);
  if (!a) throw NotFoundErrors.association(associationId);
  if (heldByService(ctx, a)) throw NatGatewayErrors.managed();
  disassociate(ctx, a);
}

/** An associated Elastic IP must be disassociated first. */
export function releaseAddress(ctx: RequestContext, allocationId?: string, publicIp?: string): void {
  const a = requireAllocation(ctx, allocationId, publicIp, 'release');
  if (heldByService(ctx, a)) throw NatGatewayErrors.managed();
  if (a.association_id) throw ElasticIpErrors.inUse(a.allocation_id!);
  ctx.store.addresses.delete(a.public_ip);
}

/** The scope's Elastic IPs, narrowed to the allocation ids and public IPs asked for (each of which must exist). */
export function listAddresses(ctx: RequestContext, allocationIds: readonly string[] = [], publicIps: readonly string[] = []): AddressRow[] {
  const rows = ctx.store.addresses.list(ctx.scope);
  for (const id of allocationIds) if (!rows.some((r) => r.allocation_id === id)) throw NotFoundErrors.allocation(id);
  for (const ip of publicIps) if (!rows.some((r) => r.public_ip === ip)) throw NotFoundErrors.addressDescribe(ip);
  return rows.filter((r) => (!allocationIds.length || allocationIds.includes(r.allocation_id!)) && (!publicIps.length || publicIps.includes(r.public_ip)));
}
