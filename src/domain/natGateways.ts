/**
 * NAT gateways (docs/behavior.md "NAT gateways"). AWS checks the request at once but builds the gateway
 * asynchronously, and so does ec2lite, through the back end:
 *
 *   create -> pending --(--nat-gateway-ms)--> available          (or failed: FailureCode / FailureMessage)
 *   delete -> deleting --(--nat-gateway-ms)--> deleted --(--terminated-ttl-ms)--> gone
 *
 * Each gateway owns one requester-managed interface in its subnet (type `nat_gateway`, plugged into the service by
 * an `ela-attach-` attachment), created with the gateway so it takes its subnet address at once; a public
 * gateway's Elastic IP is associated with that interface when the gateway becomes available. Failing or deleting
 * frees the interface, its addresses and the Elastic IP. Routes through a gateway are active only while it is
 * `available` (domain/routes.ts).
 */
import type { RequestContext } from '../core/context';
import { NatGatewayErrors, NatGatewayFailures, NotFoundErrors } from '../errors';
import type { Tag } from '../protocol/model/types.generated';
import type { ListOptions } from '../store/query';
import type { NatGatewayRow } from '../store/rows';
import { checkRequestedIp, freeCount } from './addressing';
import { addressCount, checkAddressRequest, createInterface, deleteInterface, type AddressRequest } from './networkInterfaces';
import { requireSubnet } from './subnets';
import { addTags } from './tags';

/**
 * The RequesterId AWS shows on a NAT gateway's interface: the NAT service's account (the value of a real
 * eu-west-1 capture; AWS's differs per region, and nothing keys on it).
 */
export const NAT_SERVICE_ACCOUNT = '036872051663';

export function requireNatGateway(ctx: RequestContext, id: string): NatGatewayRow {
  const nat = ctx.store.natGateways.get(ctx.scope, id);
  if (!nat) throw NotFoundErrors.natGateway(id);
  return nat;
}

export function listNatGateways(ctx: RequestContext, opts: ListOptions): NatGatewayRow[] {
  return ctx.store.natGateways.list(ctx.scope, opts);
}

interface NewNatGateway {
  SubnetId?: string;
  VpcId?: string;
  AvailabilityMode?: string;
  AllocationId?: string;
  ConnectivityType?: string;
  PrivateIpAddress?: string;
  SecondaryAllocationIds?: readonly string[];
  SecondaryPrivateIpAddresses?: readonly string[];
  SecondaryPrivateIpAddressCount?: number;
}

/**
 * CreateNatGateway: the subnet and the Elastic IP must exist (synchronous NotFound errors); whether the VPC has an
 * internet gateway and the address is still free is found out by the back end, as on AWS. A subnet too full for
 * the gateway's addresses makes it `failed` at once.
 */
export function createNatGateway(ctx: RequestContext, spec: NewNatGateway, tags: readonly Tag[]): NatGatewayRow {
  const { store, scope } = ctx;
  if (spec.AvailabilityMode === 'regional' || (spec.VpcId !== undefined && spec.SubnetId === undefined)) throw NatGatewayErrors.regionalUnsupported();
  if (spec.SubnetId === undefined) throw NatGatewayErrors.subnetRequired();
  const subnet = requireSubnet(ctx, spec.SubnetId);
  const connectivity = spec.ConnectivityType ?? 'public';
  let allocationId: string | null = null;
  if (connectivity === 'public') {
    if (spec.AllocationId === undefined) throw NatGatewayErrors.allocationRequired();
    if (!store.addresses.byAllocation(scope, spec.AllocationId)) throw NotFoundErrors.allocation(spec.AllocationId);
    allocationId = spec.AllocationId;
  } else if (spec.AllocationId !== undefined) {
    throw NatGatewayErrors.privateWithAllocation();
  }
  if ((spec.SecondaryAllocationIds?.length ?? 0) > 0) throw NatGatewayErrors.secondaryAllocationsUnsupported();
  const addresses: AddressRequest = {
    primary: spec.PrivateIpAddress,
    secondaries: spec.SecondaryPrivateIpAddresses,
    secondaryCount: spec.SecondaryPrivateIpAddressCount,
  };
  // Named addresses are the caller's mistake (a synchronous error); running out of addresses is the gateway's.
  checkAddressRequest(addresses);
  const named = [addresses.primary, ...(addresses.secondaries ?? [])].filter((ip): ip is string => ip !== undefined);
  for (const ip of named) checkRequestedIp(ctx, subnet, ip, 'interface');

  const id = ctx.ids.id('nat');
  const row: Omit<NatGatewayRow, 'seq'> = {
    id,
    account: scope.account,
    region: scope.region,
    vpc_id: subnet.vpc_id,
    subnet_id: subnet.id,
    connectivity_type: connectivity,
    state: 'pending',
    network_interface_id: null,
    private_ip: null,
    allocation_id: allocationId,
    public_ip: null,
    association_id: null,
    failure_code: null,
    failure_message: null,
    created_at: ctx.now,
    deleted_at: null,
  };
  if (freeCount(subnet) < addressCount(addresses)) {
    const failure = NatGatewayFailures.subnetFull();
    store.natGateways.insert({ ...row, state: 'failed', failure_code: failure.code, failure_message: failure.message });
    ctx.backend.schedule(scope, 'nat-gateway', id, 'failed', 'purged', ctx.now + ctx.config.terminatedTtlMs);
  } else {
    const eni = createInterface(ctx, {
      subnet,
      groupIds: [], // AWS gives a NAT gateway's interface no security group
      addresses,
      description: `Interface for NAT Gateway ${id}`,
      interfaceType: 'nat_gateway',
      sourceDestCheck: false,
      site: 'interface',
      managedBy: { requesterId: NAT_SERVICE_ACCOUNT },
    });
    store.natGateways.insert({ ...row, network_interface_id: eni.id, private_ip: eni.private_ip });
    ctx.backend.schedule(scope, 'nat-gateway', id, 'pending', 'available', ctx.now + ctx.config.natGatewayMs);
  }
  addTags(ctx, id, 'natgateway', tags);
  return requireNatGateway(ctx, id);
}

/**
 * DeleteNatGateway: `deleting`, then `deleted` through the back end. A failed gateway (its interface is already
 * gone) is deleted at once; deleting a `deleting` one is a no-op.
 */
export function deleteNatGateway(ctx: RequestContext, id: string): void {
  const nat = requireNatGateway(ctx, id);
  // guess: AWS's answer for a gateway that is already deleted is not documented; it reads as gone
  if (nat.state === 'deleted') throw NotFoundErrors.natGateway(nat.id);
  if (nat.state === 'deleting') return;
  if (nat.state === 'failed') {
    markDeleted(ctx, nat);
    return;
  }
  ctx.store.natGateways.update(nat.id, { state: 'deleting' });
  ctx.backend.schedule(ctx.scope, 'nat-gateway', nat.id, nat.state, 'deleted', ctx.now + ctx.config.natGatewayMs);
  ctx.events.routeTargetsChanged(nat.id);
}

/** The back end's step for a gateway: pending -> available (or failed), deleting -> deleted, deleted -> gone. */
export function applyNatGatewayTransition(ctx: RequestContext, id: string, to: string): void {
  const nat = ctx.store.natGateways.get(ctx.scope, id);
  if (!nat) return;
  if (to === 'available' && nat.state === 'pending') becomeAvailable(ctx, nat);
  else if (to === 'deleted' && nat.state === 'deleting') markDeleted(ctx, nat);
  else if (to === 'purged' && (nat.state === 'deleted' || nat.state === 'failed')) ctx.store.natGateways.delete(nat.id);
}

/** The checks AWS makes after answering: an internet gateway for a public gateway, and a free Elastic IP. */
function becomeAvailable(ctx: RequestContext, nat: NatGatewayRow): void {
  const { store, scope } = ctx;
  if (nat.connectivity_type === 'public') {
    const address = store.addresses.byAllocation(scope, nat.allocation_id!);
    if (!store.internetGateways.attachedTo(nat.vpc_id)) return fail(ctx, nat, NatGatewayFailures.noInternetGateway(nat.vpc_id));
    if (!address) return fail(ctx, nat, NatGatewayFailures.addressGone(nat.allocation_id!));
    if (address.association_id) return fail(ctx, nat, NatGatewayFailures.addressAssociated(nat.allocation_id!));
    const associationId = ctx.ids.id('eipassoc');
    store.addresses.update(address.public_ip, { association_id: associationId, network_interface_id: nat.network_interface_id, private_ip: nat.private_ip });
    store.natGateways.update(nat.id, { state: 'available', public_ip: address.public_ip, association_id: associationId });
  } else {
    store.natGateways.update(nat.id, { state: 'available' });
  }
  ctx.events.routeTargetsChanged(nat.id);
}

function fail(ctx: RequestContext, nat: NatGatewayRow, failure: { code: string; message: string }): void {
  freeInterface(ctx, nat);
  ctx.store.natGateways.update(nat.id, { state: 'failed', failure_code: failure.code, failure_message: failure.message });
  ctx.backend.schedule(ctx.scope, 'nat-gateway', nat.id, 'failed', 'purged', ctx.now + ctx.config.terminatedTtlMs);
  ctx.events.routeTargetsChanged(nat.id);
}

/** Deleted gateways stay visible for --terminated-ttl-ms, like terminated instances. */
function markDeleted(ctx: RequestContext, nat: NatGatewayRow): void {
  freeInterface(ctx, nat);
  ctx.store.natGateways.update(nat.id, { state: 'deleted', deleted_at: ctx.now });
  ctx.backend.schedule(ctx.scope, 'nat-gateway', nat.id, 'deleted', 'purged', ctx.now + ctx.config.terminatedTtlMs);
  ctx.events.routeTargetsChanged(nat.id);
}

/** The interface goes: its addresses return to the subnet and the Elastic IP is disassociated (kept by the account). */
function freeInterface(ctx: RequestContext, nat: NatGatewayRow): void {
  const eni = nat.network_interface_id ? ctx.store.networkInterfaces.get(ctx.scope, nat.network_interface_id) : undefined;
  if (eni) deleteInterface(ctx, eni);
}
