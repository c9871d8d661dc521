/**
 * Elastic IPs belong to the interface they are associated with, not to an instance: they follow it through
 * detach and re-attach, and are disassociated (never released) when the interface is deleted. Associating an
 * Elastic IP with an address that had a launch-time public IP replaces that public IP, as on AWS.
 */
import type { RequestContext } from '../core/context';
import { ElasticIpErrors, GatewayErrors, InstanceErrors, NatGatewayErrors, NotFoundErrors } from '../errors';
import { paginate, type Page } from '../pagination';
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
  if (a.association_id) throw ElasticIpErrors.inUse(a.public_ip);
  ctx.store.addresses.delete(a.public_ip);
}

/** The scope's Elastic IPs, narrowed to the allocation ids and public IPs asked for (each of which must exist). */
export function listAddresses(ctx: RequestContext, allocationIds: readonly string[] = [], publicIps: readonly string[] = []): AddressRow[] {
  const rows = ctx.store.addresses.list(ctx.scope);
  for (const id of allocationIds) if (!rows.some((r) => r.allocation_id === id)) throw NotFoundErrors.allocation(id);
  for (const ip of publicIps) if (!rows.some((r) => r.public_ip === ip)) throw NotFoundErrors.addressDescribe(ip);
  return rows.filter((r) => (!allocationIds.length || allocationIds.includes(r.allocation_id!)) && (!publicIps.length || publicIps.includes(r.public_ip)));
}

// ---- Reverse DNS (PTR) records: DescribeAddressesAttribute / ModifyAddressAttribute / ResetAddressAttribute ----
// docs/behavior.md "Elastic IP address attributes". A change is PENDING until the back end applies it (delay 0:
// the next call sees it done), as AWS reports it; only addresses with a record or a change in progress are listed.

const PTR_KIND = 'address-ptr';

/** A host name as DNS takes it: labels of letters, digits and hyphens, at most 253 characters; a final dot is allowed. */
function validDomainName(name: string): boolean {
  const bare = name.endsWith('.') ? name.slice(0, -1) : name;
  if (bare.length === 0 || bare.length > 253) return false;
  return bare.split('.').every((l) => /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(l));
}

function schedulePtrChange(ctx: RequestContext, a: AddressRow, record: string): AddressRow {
  ctx.store.addresses.update(a.public_ip, { ptr_update: record });
  ctx.backend.schedule(ctx.scope, PTR_KIND, a.allocation_id!, 'PENDING', 'done', ctx.now);
  return ctx.store.addresses.byAllocation(ctx.scope, a.allocation_id!)!;
}

/** Sets the PTR record (stored fully qualified, with its trailing dot, as AWS shows it). */
export function modifyAddressDomainName(ctx: RequestContext, allocationId: string, domainName: string | undefined): AddressRow {
  const a = requireAllocation(ctx, allocationId);
  if (domainName === undefined) throw ElasticIpErrors.domainNameMissing();
  if (!validDomainName(domainName)) throw ElasticIpErrors.domainName(domainName);
  return schedulePtrChange(ctx, a, (domainName.endsWith('.') ? domainName : `${domainName}.`).toLowerCase());
}

export function resetAddressDomainName(ctx: RequestContext, allocationId: string): AddressRow {
  return schedulePtrChange(ctx, requireAllocation(ctx, allocationId), '');
}

/** The back end: the PENDING change takes effect (a released address simply has nothing left to change). */
export function applyPtrTransition(ctx: RequestContext, allocationId: string): void {
  const a = ctx.store.addresses.byAllocation(ctx.scope, allocationId);
  if (!a || a.ptr_update === null) return;
  ctx.store.addresses.update(a.public_ip, { ptr_record: a.ptr_update === '' ? null : a.ptr_update, ptr_update: null });
}

/** Elastic IPs with a PTR record or a change in progress, narrowed to `allocationIds` (each of which must exist). */
export function describeAddressAttributes(
  ctx: RequestContext,
  req: { allocationIds?: readonly string[]; maxResults?: number; nextToken?: string },
): Page<AddressRow> {
  const ids = req.allocationIds ?? [];
  const rows = ctx.store.addresses.list(ctx.scope);
  for (const id of ids) if (!rows.some((r) => r.allocation_id === id)) throw NotFoundErrors.allocation(id);
  const listed = rows.filter((r) => (ids.length === 0 || ids.includes(r.allocation_id!)) && (r.ptr_record !== null || r.ptr_update !== null));
  return paginate(
    { maxResults: req.maxResults, nextToken: req.nextToken, fingerprint: `addresses-attribute|${ids.join(',')}` },
    (afterSeq, limit) => listed.filter((r) => r.seq > afterSeq).slice(0, limit < 0 ? undefined : limit).map((r) => ({ seq: r.seq, item: r })),
  );
}
