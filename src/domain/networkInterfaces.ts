/**
 * Network interface (ENI) rules: creation (groups, addresses, MAC), deletion (addresses released, Elastic IPs
 * disassociated), and the attachment state machine of the Eucalyptus design:
 *
 *   hot attach:   (running) attach -> attaching --back end--> attached
 *   cold attach:  (stopped) attach -> attached
 *   hot detach:   attached|attaching --detach--> detaching --back end--> gone (interface available)
 *   cold detach:  (stopped) detach -> gone at once
 *   pending:      attach/detach -> IncorrectState;   detach while detaching: no-op
 *
 * The interface owns its addresses, public/Elastic association and groups; they move with it.
 */
import type { RequestContext } from '../core/context';
import {
  AddressingErrors,
  CidrErrors,
  NatGatewayErrors,
  NetworkInterfaceErrors,
  NotFoundErrors,
  SecurityGroupErrors,
} from '../errors';
import type { ListOptions } from '../store/query';
import type { AttachmentRow, InstanceRow, NetworkInterfaceRow, SubnetRow } from '../store/rows';
import { AllocationSite, checkRequestedIp, newMacAddress, nextFreeIp } from './addressing';
import { intToIp } from './cidr';
import { type InstanceTypeLimits, MAX_ENI_LIMIT } from './instanceTypes';
import { defaultIpv6Request, Ipv6Request, ipv6Requested, planIpv6, recordIpv6 } from './ipv6Addresses';
import { ipv6Holdings, planIpv4Prefixes, planIpv6Prefixes, prefixCount, PrefixRequest, recordIpv4Prefixes, recordIpv6Prefixes } from './prefixes';

const MAX_GROUPS_PER_INTERFACE = 5;

/**
 * The requested security groups (default: the VPC's default group), checked as AWS does. `defaults` remembers
 * each VPC's default group across the interfaces of one request (a launch with several interfaces).
 */
export function resolveInterfaceGroups(
  ctx: RequestContext,
  subnet: SubnetRow,
  groupIds: readonly string[] | undefined,
  defaults?: Map<string, readonly string[]>,
): string[] {
  if (!groupIds || groupIds.length === 0) {
    let ids = defaults?.get(subnet.vpc_id);
    if (!ids) {
      const def = ctx.store.securityGroups.defaultOf(subnet.vpc_id);
      ids = def ? [def.id] : [];
      defaults?.set(subnet.vpc_id, ids);
    }
    return [...ids];
  }
  const unique = [...new Set(groupIds)];
  if (unique.length > MAX_GROUPS_PER_INTERFACE) throw SecurityGroupErrors.perInterfaceLimit();
  const found = ctx.store.securityGroups.getMany(ctx.scope, unique);
  for (const id of unique) {
    const g = found.get(id);
    if (!g) throw NotFoundErrors.securityGroup(id);
    if (g.vpc_id !== subnet.vpc_id) throw SecurityGroupErrors.differentNetworks(id, subnet.id);
  }
  return unique;
}

export interface AddressRequest {
  /** The primary address, when the caller names it. */
  primary?: string;
  /** Secondary addresses named by the caller. */
  secondaries?: readonly string[];
  /** How many more secondary addresses to pick. */
  secondaryCount?: number;
}

/** Validates the shape of an address request (duplicates, count together with a list). */
export function checkAddressRequest(req: AddressRequest): void {
  const named = [req.primary, ...(req.secondaries ?? [])].filter((x): x is string => x !== undefined);
  const seen = new Set<string>();
  for (const ip of named) {
    if (seen.has(ip)) throw AddressingErrors.duplicateAddress(ip);
    seen.add(ip);
  }
  if (req.secondaryCount !== undefined && (req.secondaries?.length ?? 0) > 0) throw AddressingErrors.countAndList();
  if (req.secondaryCount !== undefined && req.secondaryCount < 0) throw AddressingErrors.countAndList();
}

export function addressCount(req: AddressRequest): number {
  return 1 + (req.secondaries?.length ?? 0) + (req.secondaryCount ?? 0);
}

interface NewInterface {
  subnet: SubnetRow;
  groupIds: readonly string[];
  addresses: AddressRequest;
  description?: string;
  interfaceType?: string;
  sourceDestCheck?: boolean;
  site: AllocationSite;
  /** IPv6 addresses (the subnet's AssignIpv6AddressOnCreation adds one when none is asked). */
  ipv6?: Ipv6Request;
  /** IPv4 /28 and IPv6 /80 prefixes (prefix delegation). */
  prefixes?: { ipv4?: PrefixRequest; ipv6?: PrefixRequest };
  /** A requester-managed interface: the service's account, plugged into the service (an `ela-attach-` attachment). */
  managedBy?: { requesterId: string };
}

/** Creates an interface with its addresses and groups; everything is checked before the first write. */
export function createInterface(ctx: RequestContext, spec: NewInterface): NetworkInterfaceRow {
  const { store, scope } = ctx;
  const { subnet, addresses } = spec;
  checkAddressRequest(addresses);
  // Explicit addresses first: a clash must fail before anything is written.
  const primaryN = addresses.primary !== undefined ? checkRequestedIp(ctx, subnet, addresses.primary, spec.site) : undefined;
  const secondaryNs = (addresses.secondaries ?? []).map((ip) => checkRequestedIp(ctx, subnet, ip, spec.site));
  // An IPv6-only subnet (no IPv4 block) gives its interfaces no private IPv4 (private_ip ''), and at least one
  // IPv6 address unless the call delegates an IPv6 prefix instead (docs/behavior.md "Prefix delegation").
  const ipv6Only = subnet.cidr_size === 0;
  if (ipv6Only && (addresses.secondaryCount ?? 0) > 0) throw AddressingErrors.subnetFull();
  const askedIpv6 = spec.ipv6 ?? {};
  const ipv6Request =
    ipv6Only && !ipv6Requested(askedIpv6) && prefixCount(spec.prefixes?.ipv6) === 0 ? { ...askedIpv6, count: 1 } : defaultIpv6Request(subnet, askedIpv6);
  const ipv6 = planIpv6(ctx, subnet, ipv6Request);

  const id = ctx.ids.id('eni');
  const primary = ipv6Only ? undefined : (primaryN ?? nextFreeIp(ctx, subnet, spec.site, new Set(secondaryNs)));
  const row = store.networkInterfaces.insertRow({
    id,
    account: scope.account,
    region: scope.region,
    subnet_id: subnet.id,
    vpc_id: subnet.vpc_id,
    availability_zone: subnet.availability_zone,
    description: spec.description ?? '',
    mac_address: newMacAddress(ctx, subnet.mac_prefix),
    interface_type: spec.interfaceType ?? 'interface',
    source_dest_check: spec.sourceDestCheck === false ? 0 : 1,
    requester_managed: spec.managedBy ? 1 : 0,
    requester_id: spec.managedBy?.requesterId ?? null,
    private_ip: primary === undefined ? '' : intToIp(primary),
    created_at: ctx.now,
    service_attachment_id: spec.managedBy ? ctx.ids.id('ela-attach') : null,
    service_attach_time: spec.managedBy ? ctx.now : null,
  });
  if (primary !== undefined) recordIp(ctx, subnet, id, primary, true, primaryN === undefined);
  for (const n of secondaryNs) recordIp(ctx, subnet, id, n, false, false);
  for (let i = 0; i < (addresses.secondaryCount ?? 0); i++) recordIp(ctx, subnet, id, nextFreeIp(ctx, subnet, spec.site), false, true);
  recordIpv6(ctx, subnet.id, id, ipv6, ipv6Request.primary === true);
  // prefixes after the addresses: the transaction undoes everything if none is free
  recordIpv4Prefixes(ctx, subnet.id, id, planIpv4Prefixes(ctx, subnet, spec.prefixes?.ipv4 ?? {}));
  recordIpv6Prefixes(ctx, subnet.id, id, planIpv6Prefixes(ctx, subnet, spec.prefixes?.ipv6 ?? {}));
  store.networkInterfaces.addGroups(id, spec.groupIds);
  return row;
}

/** Stores one private address of an interface; an auto-picked one moves the subnet's allocation hint. */
export function recordIp(ctx: RequestContext, subnet: SubnetRow, eniId: string, n: number, primary: boolean, auto: boolean): string {
  const ip = intToIp(n);
  ctx.store.privateIps.insert({
    subnet_id: subnet.id,
    ip_int: n,
    ip,
    network_interface_id: eniId,
    is_primary: primary ? 1 : 0,
    account: ctx.scope.account,
    region: ctx.scope.region,
  });
  if (auto) ctx.store.privateIps.setHint(subnet.id, n + 1);
  return ip;
}

/**
 * Deletes an interface: its private addresses return to the subnet, a public IP assigned at launch is released,
 * an Elastic IP is disassociated (not released), and routes through it turn blackhole.
 */
export function deleteInterface(ctx: RequestContext, eni: NetworkInterfaceRow): void {
  releasePublicAddresses(ctx, eni.id, { elastic: 'disassociate' });
  ctx.store.networkInterfaces.delete(eni.id); // private_ips, groups and attachment go with it (ON DELETE CASCADE)
  ctx.events.routeTargetsChanged(eni.id);
}

/** Launch-time public IPs are released; Elastic IPs are disassociated or kept. */
export function releasePublicAddresses(ctx: RequestContext, eniId: string, opts: { elastic: 'disassociate' | 'keep' }): void {
  for (const a of ctx.store.addresses.ofInterfaces([eniId]).get(eniId) ?? []) {
    if (a.allocation_id === null) ctx.store.addresses.delete(a.public_ip);
    else if (opts.elastic === 'disassociate') {
      ctx.store.addresses.update(a.public_ip, { association_id: null, network_interface_id: null, private_ip: null });
    }
  }
}

/** Instance states in which an attachment may be added. */
const ATTACHABLE = new Set(['running', 'stopped']);
/** Instance states in which a detach completes at once (no back end involved). */
const TORN_DOWN = new Set(['stopped', 'terminated']);

interface AttachRequest {
  eniId: string;
  instanceId: string;
  deviceIndex: number;
  networkCardIndex?: number;
}

/**
 * AttachNetworkInterface, checked in the Eucalyptus order (docs/behavior.md "Attach check order"): lookups, in use,
 * index range, card range, index taken (device indexes are per network card), zone, VPC, limits (the type's total,
 * then the card's own from NetworkInfo.NetworkCards), then instance state. This is the one place that order is
 * written; RunInstances applies the same rules (below) to its plan, in its own order.
 */
export function attachInterface(ctx: RequestContext, req: AttachRequest): AttachmentRow {
  const { store, scope } = ctx;
  const eni = store.networkInterfaces.get(scope, req.eniId);
  if (!eni) throw NotFoundErrors.networkInterface(req.eniId);
  const instance = store.instances.get(scope, req.instanceId);
  if (!instance) throw NotFoundErrors.instances([req.instanceId]);
  checkNotInUse(ctx, eni);
  if (eni.requester_managed === 1) throw NetworkInterfaceErrors.managedAttachment();
  const card = req.networkCardIndex ?? 0;
  const limits = ctx.instanceTypes.limits(instance.instance_type);
  if (req.deviceIndex < 0 || req.deviceIndex >= MAX_ENI_LIMIT) throw NetworkInterfaceErrors.deviceIndexInvalid(req.deviceIndex);
  checkNetworkCard(limits, card);
  if (store.attachments.atIndex(instance.id, card, req.deviceIndex)) throw NetworkInterfaceErrors.deviceIndexTaken(instance.id, req.deviceIndex);
  checkSameZoneAndVpc(eni, instance);
  const linked = store.attachments.ofInstance(instance.id);
  const onCard = linked.filter((a) => a.network_card_index === card).length + 1;
  checkInterfaceCounts(limits, instance.instance_type, linked.length + 1, [[card, onCard]]);
  // the type's IPv6 addresses per interface (a /80 prefix counts as one), as AssignIpv6Addresses checks
  if (ipv6Holdings(ctx, eni.id) > limits.ipv6AddressesPerInterface) throw CidrErrors.ipv6Limit(limits.ipv6AddressesPerInterface);
  if (!ATTACHABLE.has(instance.state)) throw NetworkInterfaceErrors.attachState(instance.id);

  const hot = instance.state === 'running';
  const attachment = createAttachment(ctx, eni, instance, {
    deviceIndex: req.deviceIndex,
    card,
    status: hot ? 'attaching' : 'attached',
    createdWithInstance: false,
  });
  if (hot) ctx.backend.schedule(scope, 'attachment', attachment.id, 'attaching', 'attached', ctx.now + ctx.config.attachMs);
  // nova modes: the network of the new interface gets a host to serve it, as at launch
  ctx.networkManagers.forRegion(scope.region).allocated?.(ctx, instance.id);
  return attachment;
}

// The rules an interface must pass to join an instance, shared by AttachNetworkInterface and RunInstances.

/** An interface with an attachment in any state, or plugged into its service, is in use. */
export function checkNotInUse(ctx: RequestContext, eni: NetworkInterfaceRow): void {
  if (isInUse(ctx, eni)) throw NetworkInterfaceErrors.inUse(eni.id);
}

function isInUse(ctx: RequestContext, eni: NetworkInterfaceRow): boolean {
  return eni.service_attachment_id !== null || ctx.store.attachments.ofInterface(eni.id) !== undefined;
}

/** The network card index exists on the instance type. */
export function checkNetworkCard(limits: InstanceTypeLimits, card: number): void {
  if (card < 0 || card >= limits.maxNetworkCards) throw NetworkInterfaceErrors.networkCardInvalid(card);
}

/** Every interface of an instance is in the instance's zone and VPC. */
export function checkSameZoneAndVpc(
  nic: { availability_zone: string; vpc_id: string },
  instance: { availability_zone: string; vpc_id: string },
): void {
  if (nic.availability_zone !== instance.availability_zone) throw NetworkInterfaceErrors.zoneInvalid();
  if (nic.vpc_id !== instance.vpc_id) throw NetworkInterfaceErrors.vpcInvalid();
}

/** The type's ENI limit on the instance's total, then each listed card's own limit (`[card, count]`, in order). */
export function checkInterfaceCounts(
  limits: InstanceTypeLimits,
  instanceType: string,
  total: number,
  perCard: Iterable<readonly [number, number]>,
): void {
  if (total > limits.maxNetworkInterfaces) throw NetworkInterfaceErrors.attachmentLimit(total, instanceType);
  for (const [card, count] of perCard) {
    if (count > limits.cardLimits[card]) throw NetworkInterfaceErrors.cardAttachmentLimit(count, instanceType, card);
  }
}

interface NewAttachment {
  deviceIndex: number;
  card: number;
  status: 'attaching' | 'attached';
  /** True for an interface the launch creates along with its instance. */
  createdWithInstance: boolean;
  /** What the request asked for, when it did. */
  deleteOnTermination?: boolean;
}

/**
 * A new attachment. Its delete-on-termination is chosen here and nowhere else: what the request asked, else true
 * for an interface a launch creates and false for one that existed before (given by id at launch, or attached
 * later), as on AWS (docs/behavior.md "Delete-on-termination").
 */
export function createAttachment(
  ctx: RequestContext,
  eni: NetworkInterfaceRow,
  instance: InstanceRow,
  { deviceIndex, card, status, createdWithInstance, deleteOnTermination }: NewAttachment,
): AttachmentRow {
  const row = ctx.store.attachments.insertRow({
    id: ctx.ids.id('eni-attach'),
    network_interface_id: eni.id,
    instance_id: instance.id,
    account: ctx.scope.account,
    region: ctx.scope.region,
    device_index: deviceIndex,
    network_card_index: card,
    status,
    attach_time: ctx.now,
    delete_on_termination: (deleteOnTermination ?? createdWithInstance) ? 1 : 0,
  });
  ctx.events.routeTargetsChanged(eni.id);
  return row;
}

/** DetachNetworkInterface (`Force` behaves as a normal detach, as on Eucalyptus). */
export function detachAttachment(ctx: RequestContext, attachmentId: string): void {
  const { store, scope } = ctx;
  const attachment = store.attachments.get(scope, attachmentId);
  if (!attachment) {
    // a service's attachment (`ela-attach-…`) is the service's to manage (docs/behavior.md "Detach")
    if (store.networkInterfaces.byServiceAttachment(scope, attachmentId)) throw NetworkInterfaceErrors.managedAttachment();
    throw NotFoundErrors.attachment(attachmentId);
  }
  if (attachment.device_index === 0 && attachment.network_card_index === 0) throw NetworkInterfaceErrors.detachPrimary();
  const eni = store.networkInterfaces.get(scope, attachment.network_interface_id)!;
  if (eni.requester_managed === 1) throw NetworkInterfaceErrors.managedAttachment();
  if (attachment.status === 'detaching') return; // already on its way: a no-op that succeeds
  const instance = store.instances.get(scope, attachment.instance_id)!;
  if (instance.state === 'pending') throw NetworkInterfaceErrors.detachState();
  if (TORN_DOWN.has(instance.state)) {
    finishDetach(ctx, attachment);
    return;
  }
  store.attachments.update(attachment.id, { status: 'detaching' });
  ctx.events.routeTargetsChanged(eni.id);
  ctx.backend.schedule(scope, 'attachment', attachment.id, 'detaching', 'detached', ctx.now + ctx.config.detachMs);
}

/** The attachment is gone: the interface is available again, keeping its addresses. */
export function finishDetach(ctx: RequestContext, attachment: AttachmentRow): void {
  ctx.backend.cancel('attachment', attachment.id);
  ctx.store.attachments.delete(attachment.id);
  ctx.events.routeTargetsChanged(attachment.network_interface_id);
}

/** The back end's step for an attachment: attaching -> attached, or detaching -> gone. */
export function applyAttachmentTransition(ctx: RequestContext, attachmentId: string, to: string): void {
  const attachment = ctx.store.attachments.get(ctx.scope, attachmentId);
  if (!attachment) return;
  if (to === 'attached' && attachment.status === 'attaching') {
    ctx.store.attachments.update(attachment.id, { status: 'attached' });
    ctx.events.routeTargetsChanged(attachment.network_interface_id);
  } else if (to === 'detached' && attachment.status === 'detaching') {
    finishDetach(ctx, attachment);
  }
}

export function requireInterface(ctx: RequestContext, id: string): NetworkInterfaceRow {
  const eni = ctx.store.networkInterfaces.get(ctx.scope, id);
  if (!eni) throw NotFoundErrors.networkInterface(id);
  return eni;
}

export function listInterfaces(ctx: RequestContext, opts: ListOptions): NetworkInterfaceRow[] {
  return ctx.store.networkInterfaces.list(ctx.scope, opts);
}

/**
 * An interface the user may change: a requester-managed one (a NAT gateway's) belongs to its service, and AWS
 * refuses changes to it (docs/behavior.md "NAT gateways").
 */
export function requireUserInterface(ctx: RequestContext, id: string): NetworkInterfaceRow {
  const eni = requireInterface(ctx, id);
  if (eni.requester_managed === 1) throw NatGatewayErrors.managed();
  return eni;
}

/**
 * DeleteNetworkInterface: an attached interface (in any attachment state, a service's included: AWS answers "is
 * currently in use" for a NAT gateway's, cloud-nuke PR 1132) or a managed one cannot be deleted.
 */
export function deleteNetworkInterface(ctx: RequestContext, id: string): void {
  const eni = requireInterface(ctx, id);
  if (isInUse(ctx, eni)) throw NetworkInterfaceErrors.deleteInUse(eni.id);
  if (eni.requester_managed === 1) throw NetworkInterfaceErrors.deleteManaged(eni.id);
  // a traffic mirror target's interface is in use (guess); a mirror source's sessions go with it (schema 013)
  if (ctx.store.mirrorTargets.ofInterface(eni.id)) throw NetworkInterfaceErrors.deleteInUse(eni.id);
  deleteInterface(ctx, eni);
}

/** Delete-on-termination of the interface's current attachment (`attachmentId`, when given, must name it). */
export function setDeleteOnTermination(ctx: RequestContext, eni: NetworkInterfaceRow, attachmentId: string | undefined, value: boolean | undefined): void {
  const current = ctx.store.attachments.ofInterface(eni.id);
  if (!current || (attachmentId !== undefined && attachmentId !== current.id)) throw NotFoundErrors.attachment(attachmentId ?? '');
  if (value !== undefined) ctx.store.attachments.update(current.id, { delete_on_termination: value ? 1 : 0 });
}

export function setDescription(ctx: RequestContext, eni: NetworkInterfaceRow, description: string): void {
  ctx.store.networkInterfaces.update(eni.id, { description });
}

export function setSourceDestCheck(ctx: RequestContext, eni: NetworkInterfaceRow, on: boolean): void {
  ctx.store.networkInterfaces.update(eni.id, { source_dest_check: on ? 1 : 0 });
}

/** Replaces the interface's groups, checked as at creation (groups of its VPC, at most five). */
export function setInterfaceGroups(ctx: RequestContext, eni: NetworkInterfaceRow, groupIds: readonly string[]): void {
  const subnet = ctx.store.subnets.get(ctx.scope, eni.subnet_id)!;
  ctx.store.networkInterfaces.setGroups(eni.id, resolveInterfaceGroups(ctx, subnet, groupIds));
}
