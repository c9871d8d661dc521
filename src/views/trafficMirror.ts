/** Traffic mirror targets, filters (with their rules) and sessions as the API shows them. */
import type { LoadContext } from './context';
import type { Tag, TrafficMirrorFilter, TrafficMirrorFilterRule, TrafficMirrorSession, TrafficMirrorTarget } from '../protocol/model/types.generated';
import type { TrafficMirrorFilterRow, TrafficMirrorFilterRuleRow, TrafficMirrorSessionRow, TrafficMirrorTargetRow } from '../store/rows';

export function presentMirrorTargets(ctx: LoadContext, rows: readonly TrafficMirrorTargetRow[]): TrafficMirrorTarget[] {
  const tags = ctx.store.tags.forResources(ctx.scope, rows.map((r) => r.id));
  return rows.map((r) => ({
    TrafficMirrorTargetId: r.id,
    NetworkInterfaceId: r.network_interface_id ?? undefined,
    NetworkLoadBalancerArn: r.network_load_balancer_arn ?? undefined,
    GatewayLoadBalancerEndpointId: r.gateway_load_balancer_endpoint_id ?? undefined,
    Type: r.type as 'network-interface',
    Description: r.description ?? undefined,
    OwnerId: r.account,
    Tags: tags.get(r.id) ?? [],
  }));
}

const range = (from: number | null, to: number | null) => (from !== null && to !== null ? { FromPort: from, ToPort: to } : undefined);

export function presentMirrorRule(r: TrafficMirrorFilterRuleRow, tags: Tag[] = []): TrafficMirrorFilterRule {
  return {
    TrafficMirrorFilterRuleId: r.id,
    TrafficMirrorFilterId: r.filter_id,
    TrafficDirection: r.direction as 'ingress',
    RuleNumber: r.rule_number,
    RuleAction: r.action as 'accept',
    Protocol: r.protocol ?? undefined,
    DestinationPortRange: range(r.destination_from_port, r.destination_to_port),
    SourcePortRange: range(r.source_from_port, r.source_to_port),
    DestinationCidrBlock: r.destination_cidr,
    SourceCidrBlock: r.source_cidr,
    Description: r.description ?? undefined,
    Tags: tags,
  };
}

/** Filters with their rules split by direction, and tags (one query each). */
export function presentMirrorFilters(ctx: LoadContext, rows: readonly TrafficMirrorFilterRow[]): TrafficMirrorFilter[] {
  const ids = rows.map((r) => r.id);
  const rules = ctx.store.mirrorFilters.rulesOf(ids);
  const ruleList = [...rules.values()].flat();
  const tags = ctx.store.tags.forResources(ctx.scope, [...ids, ...ruleList.map((r) => r.id)]);
  return rows.map((r) => {
    const own = rules.get(r.id) ?? [];
    const show = (dir: string) => own.filter((x) => x.direction === dir).map((x) => presentMirrorRule(x, tags.get(x.id) ?? []));
    return {
      TrafficMirrorFilterId: r.id,
      IngressFilterRules: show('ingress'),
      EgressFilterRules: show('egress'),
      NetworkServices: [],
      Description: r.description ?? undefined,
      Tags: tags.get(r.id) ?? [],
    };
  });
}

export function presentMirrorRules(ctx: LoadContext, rows: readonly TrafficMirrorFilterRuleRow[]): TrafficMirrorFilterRule[] {
  const tags = ctx.store.tags.forResources(ctx.scope, rows.map((r) => r.id));
  return rows.map((r) => presentMirrorRule(r, tags.get(r.id) ?? []));
}

export function presentMirrorSessions(ctx: LoadContext, rows: readonly TrafficMirrorSessionRow[]): TrafficMirrorSession[] {
  const tags = ctx.store.tags.forResources(ctx.scope, rows.map((r) => r.id));
  return rows.map((r) => ({
    TrafficMirrorSessionId: r.id,
    TrafficMirrorTargetId: r.target_id,
    TrafficMirrorFilterId: r.filter_id,
    NetworkInterfaceId: r.network_interface_id,
    OwnerId: r.account,
    PacketLength: r.packet_length ?? undefined,
    SessionNumber: r.session_number,
    VirtualNetworkId: r.virtual_network_id,
    Description: r.description ?? undefined,
    Tags: tags.get(r.id) ?? [],
  }));
}
