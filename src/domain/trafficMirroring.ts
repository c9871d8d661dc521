/**
 * Traffic mirroring (docs/behavior.md "Traffic mirroring"): targets (an interface, a Network Load Balancer or a
 * Gateway Load Balancer endpoint), filters with ingress and egress rules, and sessions that copy a source
 * interface's traffic to a target through a filter. Nothing is mirrored; the resources and their rules are kept
 * as AWS keeps them. A target or a session goes with its interface when the interface goes another way than
 * DeleteNetworkInterface (which refuses a target's interface).
 */
import type { RequestContext } from '../core/context';
import { NotFoundErrors, TrafficMirrorErrors, VpcErrors } from '../errors';
import type {
  CreateTrafficMirrorFilterRuleRequest,
  CreateTrafficMirrorSessionRequest,
  ModifyTrafficMirrorFilterRuleRequest,
  ModifyTrafficMirrorSessionRequest,
  Tag,
  TrafficMirrorPortRangeRequest,
} from '../protocol/model/types.generated';
import type { ListOptions } from '../store/query';
import type { TrafficMirrorFilterRow, TrafficMirrorFilterRuleRow, TrafficMirrorSessionRow, TrafficMirrorTargetRow } from '../store/rows';
import { parseCidr } from './cidr';
import { addTags } from './tags';

const scoped = (ctx: RequestContext) => ({ account: ctx.scope.account, region: ctx.scope.region });

// ------------------------------------------------------------------------------------------------- targets

export function requireMirrorTarget(ctx: RequestContext, id: string): TrafficMirrorTargetRow {
  const row = ctx.store.mirrorTargets.get(ctx.scope, id);
  if (!row) throw TrafficMirrorErrors.targetNotFound(id);
  return row;
}

export function listMirrorTargets(ctx: RequestContext, opts: ListOptions): TrafficMirrorTargetRow[] {
  return ctx.store.mirrorTargets.list(ctx.scope, opts);
}

const NLB_ARN = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:loadbalancer\/net\/[A-Za-z0-9-]+\/[0-9a-f]+$/;

export function createMirrorTarget(
  ctx: RequestContext,
  spec: { NetworkInterfaceId?: string; NetworkLoadBalancerArn?: string; GatewayLoadBalancerEndpointId?: string; Description?: string },
  tags: readonly Tag[],
): TrafficMirrorTargetRow {
  const given = [spec.NetworkInterfaceId, spec.NetworkLoadBalancerArn, spec.GatewayLoadBalancerEndpointId].filter((v) => v !== undefined);
  if (given.length !== 1) throw TrafficMirrorErrors.oneTarget();
  let type = 'network-interface';
  if (spec.NetworkInterfaceId !== undefined) {
    const eni = ctx.store.networkInterfaces.get(ctx.scope, spec.NetworkInterfaceId);
    if (!eni) throw NotFoundErrors.networkInterface(spec.NetworkInterfaceId);
    if (ctx.store.mirrorTargets.ofInterface(eni.id)) throw TrafficMirrorErrors.interfaceIsTarget(eni.id);
  } else if (spec.NetworkLoadBalancerArn !== undefined) {
    // ec2lite serves no load balancers: any well-formed NLB arn is taken as given
    if (!NLB_ARN.test(spec.NetworkLoadBalancerArn)) throw TrafficMirrorErrors.invalidArn(spec.NetworkLoadBalancerArn);
    type = 'network-load-balancer';
  } else {
    type = 'gateway-load-balancer-endpoint';
  }
  const id = ctx.ids.id('tmt');
  ctx.store.mirrorTargets.insert({
    id,
    ...scoped(ctx),
    type,
    network_interface_id: spec.NetworkInterfaceId ?? null,
    network_load_balancer_arn: spec.NetworkLoadBalancerArn ?? null,
    gateway_load_balancer_endpoint_id: spec.GatewayLoadBalancerEndpointId ?? null,
    description: spec.Description ?? null,
  });
  addTags(ctx, id, 'traffic-mirror-target', tags);
  return requireMirrorTarget(ctx, id);
}

export function deleteMirrorTarget(ctx: RequestContext, id: string): void {
  const target = requireMirrorTarget(ctx, id);
  if (ctx.store.mirrorSessions.countUsing('target_id', target.id) > 0) throw TrafficMirrorErrors.targetInUse(target.id);
  ctx.store.mirrorTargets.delete(target.id);
}

// ------------------------------------------------------------------------------------------------- filters

export function requireMirrorFilter(ctx: RequestContext, id: string): TrafficMirrorFilterRow {
  const row = ctx.store.mirrorFilters.get(ctx.scope, id);
  if (!row) throw TrafficMirrorErrors.filterNotFound(id);
  return row;
}

export function listMirrorFilters(ctx: RequestContext, opts: ListOptions): TrafficMirrorFilterRow[] {
  return ctx.store.mirrorFilters.list(ctx.scope, opts);
}

export function createMirrorFilter(ctx: RequestContext, description: string | undefined, tags: readonly Tag[]): TrafficMirrorFilterRow {
  const id = ctx.ids.id('tmf');
  ctx.store.mirrorFilters.insert({ id, ...scoped(ctx), description: description ?? null });
  addTags(ctx, id, 'traffic-mirror-filter', tags);
  return requireMirrorFilter(ctx, id);
}

/** Refused while a session uses the filter; its rules go with it. */
export function deleteMirrorFilter(ctx: RequestContext, id: string): void {
  const filter = requireMirrorFilter(ctx, id);
  if (ctx.store.mirrorSessions.countUsing('filter_id', filter.id) > 0) throw TrafficMirrorErrors.filterInUse(filter.id);
  ctx.store.mirrorFilters.delete(filter.id);
}

// ------------------------------------------------------------------------------------------- filter rules

export function requireMirrorRule(ctx: RequestContext, id: string): TrafficMirrorFilterRuleRow {
  const row = ctx.store.mirrorFilters.rules.get(ctx.scope, id);
  if (!row) throw TrafficMirrorErrors.ruleNotFound(id);
  return row;
}

function checkRuleNumber(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > 32766) throw TrafficMirrorErrors.ruleNumber(n);
}

function checkCidr(param: string, cidr: string): string {
  const parsed = parseCidr(cidr);
  if (!parsed) throw VpcErrors.invalidCidr(param, cidr);
  return parsed.text;
}

function portColumns(range: TrafficMirrorPortRangeRequest | undefined, param: string): [number | null, number | null] {
  if (!range) return [null, null];
  const from = range.FromPort ?? 0;
  const to = range.ToPort ?? 65535;
  if (from < 0 || to > 65535 || from > to) throw TrafficMirrorErrors.portRange(param);
  return [from, to];
}

/** The rule's columns after validation: ports only with TCP (6) or UDP (17), as AWS requires. */
function ruleColumns(
  rule: { protocol: number | null; destination_cidr: string; source_cidr: string },
  spec: { DestinationPortRange?: TrafficMirrorPortRangeRequest; SourcePortRange?: TrafficMirrorPortRangeRequest },
  current?: TrafficMirrorFilterRuleRow,
) {
  if (rule.protocol !== null && (!Number.isInteger(rule.protocol) || rule.protocol < 0 || rule.protocol > 255)) throw TrafficMirrorErrors.protocol(rule.protocol);
  const [dFrom, dTo] = spec.DestinationPortRange ? portColumns(spec.DestinationPortRange, 'destinationPortRange') : [current?.destination_from_port ?? null, current?.destination_to_port ?? null];
  const [sFrom, sTo] = spec.SourcePortRange ? portColumns(spec.SourcePortRange, 'sourcePortRange') : [current?.source_from_port ?? null, current?.source_to_port ?? null];
  if ((dFrom !== null || sFrom !== null) && rule.protocol !== 6 && rule.protocol !== 17) throw TrafficMirrorErrors.portsNeedProtocol();
  return { destination_from_port: dFrom, destination_to_port: dTo, source_from_port: sFrom, source_to_port: sTo };
}

export function createMirrorRule(ctx: RequestContext, spec: CreateTrafficMirrorFilterRuleRequest, tags: readonly Tag[]): TrafficMirrorFilterRuleRow {
  const filter = requireMirrorFilter(ctx, spec.TrafficMirrorFilterId);
  checkRuleNumber(spec.RuleNumber);
  const base = {
    protocol: spec.Protocol ?? null,
    destination_cidr: checkCidr('destinationCidrBlock', spec.DestinationCidrBlock),
    source_cidr: checkCidr('sourceCidrBlock', spec.SourceCidrBlock),
  };
  const ports = ruleColumns(base, spec);
  if (ctx.store.mirrorFilters.ruleAt(filter.id, spec.TrafficDirection, spec.RuleNumber)) throw TrafficMirrorErrors.ruleExists(spec.RuleNumber, spec.TrafficDirection);
  const id = ctx.ids.id('tmfr');
  ctx.store.mirrorFilters.rules.insert({
    id,
    ...scoped(ctx),
    filter_id: filter.id,
    direction: spec.TrafficDirection,
    rule_number: spec.RuleNumber,
    action: spec.RuleAction,
    ...base,
    ...ports,
    description: spec.Description ?? null,
  });
  addTags(ctx, id, 'traffic-mirror-filter-rule', tags);
  return requireMirrorRule(ctx, id);
}

/** Changes the given fields; RemoveFields clears ports, protocol or description. */
export function modifyMirrorRule(ctx: RequestContext, spec: ModifyTrafficMirrorFilterRuleRequest): TrafficMirrorFilterRuleRow {
  const rule = requireMirrorRule(ctx, spec.TrafficMirrorFilterRuleId);
  const remove = new Set(spec.RemoveFields ?? []);
  const direction = spec.TrafficDirection ?? rule.direction;
  const number = spec.RuleNumber ?? rule.rule_number;
  if (spec.RuleNumber !== undefined) checkRuleNumber(spec.RuleNumber);
  if (direction !== rule.direction || number !== rule.rule_number) {
    if (ctx.store.mirrorFilters.ruleAt(rule.filter_id, direction, number)) throw TrafficMirrorErrors.ruleExists(number, direction);
  }
  const cleared: TrafficMirrorFilterRuleRow = {
    ...rule,
    protocol: remove.has('protocol') ? null : rule.protocol,
    destination_from_port: remove.has('destination-port-range') ? null : rule.destination_from_port,
    destination_to_port: remove.has('destination-port-range') ? null : rule.destination_to_port,
    source_from_port: remove.has('source-port-range') ? null : rule.source_from_port,
    source_to_port: remove.has('source-port-range') ? null : rule.source_to_port,
  };
  const base = {
    protocol: spec.Protocol ?? cleared.protocol,
    destination_cidr: spec.DestinationCidrBlock !== undefined ? checkCidr('destinationCidrBlock', spec.DestinationCidrBlock) : rule.destination_cidr,
    source_cidr: spec.SourceCidrBlock !== undefined ? checkCidr('sourceCidrBlock', spec.SourceCidrBlock) : rule.source_cidr,
  };
  const ports = ruleColumns(base, spec, cleared);
  ctx.store.mirrorFilters.rules.update(rule.id, {
    direction,
    rule_number: number,
    action: spec.RuleAction ?? rule.action,
    ...base,
    ...ports,
    description: remove.has('description') ? null : (spec.Description ?? rule.description),
  });
  return requireMirrorRule(ctx, rule.id);
}

export function deleteMirrorRule(ctx: RequestContext, id: string): void {
  ctx.store.mirrorFilters.rules.delete(requireMirrorRule(ctx, id).id);
}

// ------------------------------------------------------------------------------------------------ sessions

export function requireMirrorSession(ctx: RequestContext, id: string): TrafficMirrorSessionRow {
  const row = ctx.store.mirrorSessions.get(ctx.scope, id);
  if (!row) throw TrafficMirrorErrors.sessionNotFound(id);
  return row;
}

export function listMirrorSessions(ctx: RequestContext, opts: ListOptions): TrafficMirrorSessionRow[] {
  return ctx.store.mirrorSessions.list(ctx.scope, opts);
}

function checkSessionNumber(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > 32766) throw TrafficMirrorErrors.sessionNumber(n);
}

function checkVni(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > 16777215) throw TrafficMirrorErrors.virtualNetworkId(n);
}

function checkPacketLength(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > 8500) throw TrafficMirrorErrors.packetLength(n);
}

/** A session from a source interface to a target through a filter; its number is unique per source interface. */
export function createMirrorSession(ctx: RequestContext, spec: CreateTrafficMirrorSessionRequest, tags: readonly Tag[]): TrafficMirrorSessionRow {
  const eni = ctx.store.networkInterfaces.get(ctx.scope, spec.NetworkInterfaceId);
  if (!eni) throw NotFoundErrors.networkInterface(spec.NetworkInterfaceId);
  const target = requireMirrorTarget(ctx, spec.TrafficMirrorTargetId);
  const filter = requireMirrorFilter(ctx, spec.TrafficMirrorFilterId);
  if (target.network_interface_id === eni.id) throw TrafficMirrorErrors.sourceIsTarget();
  checkSessionNumber(spec.SessionNumber);
  if (spec.VirtualNetworkId !== undefined) checkVni(spec.VirtualNetworkId);
  if (spec.PacketLength !== undefined) checkPacketLength(spec.PacketLength);
  if (ctx.store.mirrorSessions.bySessionNumber(eni.id, spec.SessionNumber)) throw TrafficMirrorErrors.sessionNumberTaken(spec.SessionNumber, eni.id);
  const id = ctx.ids.id('tms');
  ctx.store.mirrorSessions.insert({
    id,
    ...scoped(ctx),
    network_interface_id: eni.id,
    target_id: target.id,
    filter_id: filter.id,
    packet_length: spec.PacketLength ?? null,
    session_number: spec.SessionNumber,
    // AWS picks a random VXLAN id when none is given
    virtual_network_id: spec.VirtualNetworkId ?? 1 + ctx.ids.int(16777215),
    description: spec.Description ?? null,
  });
  addTags(ctx, id, 'traffic-mirror-session', tags);
  return requireMirrorSession(ctx, id);
}

export function modifyMirrorSession(ctx: RequestContext, spec: ModifyTrafficMirrorSessionRequest): TrafficMirrorSessionRow {
  const session = requireMirrorSession(ctx, spec.TrafficMirrorSessionId);
  const remove = new Set(spec.RemoveFields ?? []);
  const target = spec.TrafficMirrorTargetId !== undefined ? requireMirrorTarget(ctx, spec.TrafficMirrorTargetId) : undefined;
  const filter = spec.TrafficMirrorFilterId !== undefined ? requireMirrorFilter(ctx, spec.TrafficMirrorFilterId) : undefined;
  if (target && target.network_interface_id === session.network_interface_id) throw TrafficMirrorErrors.sourceIsTarget();
  if (spec.SessionNumber !== undefined) {
    checkSessionNumber(spec.SessionNumber);
    const other = ctx.store.mirrorSessions.bySessionNumber(session.network_interface_id, spec.SessionNumber);
    if (other && other.id !== session.id) throw TrafficMirrorErrors.sessionNumberTaken(spec.SessionNumber, session.network_interface_id);
  }
  if (spec.VirtualNetworkId !== undefined) checkVni(spec.VirtualNetworkId);
  if (spec.PacketLength !== undefined) checkPacketLength(spec.PacketLength);
  ctx.store.mirrorSessions.update(session.id, {
    target_id: target?.id ?? session.target_id,
    filter_id: filter?.id ?? session.filter_id,
    session_number: spec.SessionNumber ?? session.session_number,
    packet_length: remove.has('packet-length') ? null : (spec.PacketLength ?? session.packet_length),
    virtual_network_id: remove.has('virtual-network-id') ? 1 + ctx.ids.int(16777215) : (spec.VirtualNetworkId ?? session.virtual_network_id),
    description: remove.has('description') ? null : (spec.Description ?? session.description),
  });
  return requireMirrorSession(ctx, session.id);
}

export function deleteMirrorSession(ctx: RequestContext, id: string): void {
  ctx.store.mirrorSessions.delete(requireMirrorSession(ctx, id).id);
}
