/**
 * The topology the browser view draws, for one account and region: VPCs -> subnets -> instances -> interfaces, route
 * tables, Elastic IPs and the back end's schedule. It is read through the API pipeline itself (Gateway.invoke with
 * the Describe calls), so the view shows exactly what a client would see and adds no second way into the store.
 */
import { createHash } from 'node:crypto';
import type {
  Address,
  DescribeAddressesResult,
  DescribeInstancesResult,
  DescribeNetworkInterfacesResult,
  DescribeRouteTablesResult,
  DescribeSubnetsResult,
  DescribeVpcsResult,
  Instance,
  NetworkInterface,
  Tag,
} from '../protocol/model/types.generated';
import type { Runtime } from '../core/runtime';
import type { Scope } from '../store/query';

interface UiInterface {
  id: string;
  instanceId?: string;
  subnetId?: string;
  deviceIndex?: number;
  networkCardIndex?: number;
  status?: string;
  attachmentStatus?: string;
  deleteOnTermination?: boolean;
  mac?: string;
  privateIps: string[];
  publicIp?: string;
  allocationId?: string;
  ipv6: string[];
  prefixes: string[];
  groups: string[];
  interfaceType?: string;
  requesterManaged?: boolean;
  description?: string;
  name?: string;
  tags: Record<string, string>;
}

interface UiInstance {
  id: string;
  state?: string;
  type?: string;
  name?: string;
  subnetId?: string;
  zone?: string;
  eniLimit: number;
  interfaces: UiInterface[];
  tags: Record<string, string>;
}

interface UiRoute {
  destination?: string;
  target?: string;
  state?: string;
}

export interface UiTopology {
  account: string;
  region: string;
  /** Every account and region that has state, for the scope picker. */
  scopes: Scope[];
  /** A fingerprint of everything below: the page redraws only when it changes. */
  version: string;
  vpcs: Array<{
    id: string;
    cidr?: string;
    isDefault?: boolean;
    name?: string;
    subnets: Array<{ id: string; cidr?: string; zone?: string; free?: number; name?: string; instances: UiInstance[]; interfaces: UiInterface[] }>;
    routeTables: Array<{ id: string; main: boolean; subnets: string[]; name?: string; routes: UiRoute[] }>;
  }>;
  elasticIps: Array<{ publicIp?: string; allocationId?: string; networkInterfaceId?: string; privateIp?: string }>;
  backend: { paused: boolean; now: string; transitions: Array<{ kind: string; resourceId: string; from: string | null; to: string; dueAt: string; due: boolean }> };
}

const tagMap = (tags: readonly Tag[] | undefined) => Object.fromEntries((tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));

function uiInterface(n: NetworkInterface): UiInterface {
  const tags = tagMap(n.TagSet);
  return {
    id: n.NetworkInterfaceId!,
    instanceId: n.Attachment?.InstanceId,
    subnetId: n.SubnetId,
    deviceIndex: n.Attachment?.DeviceIndex,
    networkCardIndex: n.Attachment?.NetworkCardIndex,
    status: n.Status,
    attachmentStatus: n.Attachment?.Status,
    deleteOnTermination: n.Attachment?.DeleteOnTermination,
    mac: n.MacAddress,
    privateIps: (n.PrivateIpAddresses ?? []).map((p) => p.PrivateIpAddress!).filter(Boolean),
    publicIp: n.Association?.PublicIp,
    allocationId: n.Association?.AllocationId,
    ipv6: (n.Ipv6Addresses ?? []).map((a) => a.Ipv6Address!).filter(Boolean),
    prefixes: [...(n.Ipv4Prefixes ?? []).map((p) => p.Ipv4Prefix!), ...(n.Ipv6Prefixes ?? []).map((p) => p.Ipv6Prefix!)].filter(Boolean),
    groups: (n.Groups ?? []).map((g) => g.GroupName ?? g.GroupId ?? ''),
    interfaceType: n.InterfaceType,
    requesterManaged: n.RequesterManaged,
    description: n.Description || undefined,
    name: tags.Name,
    tags,
  };
}

export class TopologyReader {
  constructor(private readonly runtime: Runtime) {}

  scopes(): Scope[] {
    return this.runtime.store.scopes.all().map((s) => ({ account: s.account, region: s.region }));
  }

  read(scope: Scope): UiTopology {
    const scopes = this.scopes();
    const known = scopes.some((s) => s.account === scope.account && s.region === scope.region);
    // A scope nobody has used yet is shown empty: describing it would create its default VPC, and the view is read-only.
    const call = <T>(action: string): T | undefined => {
      if (!known) return undefined;
      // The operator's view: never throttled, and it sees what exists (no fault plan applies).
      const result = this.runtime.services.faults.bypass(() => this.runtime.gateway.invoke(action, {}, scope));
      return result.ok ? (result.output as T) : undefined;
    };
    const vpcs = call<DescribeVpcsResult>('DescribeVpcs')?.Vpcs ?? [];
    const subnets = call<DescribeSubnetsResult>('DescribeSubnets')?.Subnets ?? [];
    const reservations = call<DescribeInstancesResult>('DescribeInstances')?.Reservations ?? [];
    const interfaces = (call<DescribeNetworkInterfacesResult>('DescribeNetworkInterfaces')?.NetworkInterfaces ?? []).map(uiInterface);
    const routeTables = call<DescribeRouteTablesResult>('DescribeRouteTables')?.RouteTables ?? [];
    const addresses: Address[] = call<DescribeAddressesResult>('DescribeAddresses')?.Addresses ?? [];

    const byInstance = new Map<string, UiInterface[]>();
    for (const eni of interfaces) if (eni.instanceId) byInstance.set(eni.instanceId, [...(byInstance.get(eni.instanceId) ?? []), eni]);
    const instances = reservations.flatMap((r) => r.Instances ?? []).map((i) => this.uiInstance(i, byInstance.get(i.InstanceId!) ?? []));

    const topology: Omit<UiTopology, 'version'> = {
      account: scope.account,
      region: scope.region,
      scopes,
      vpcs: vpcs.map((v) => ({
        id: v.VpcId!,
        cidr: v.CidrBlock,
        isDefault: v.IsDefault,
        name: tagMap(v.Tags).Name,
        subnets: subnets
          .filter((s) => s.VpcId === v.VpcId)
          .map((s) => ({
            id: s.SubnetId!,
            cidr: s.CidrBlock,
            zone: s.AvailabilityZone,
            free: s.AvailableIpAddressCount,
            name: tagMap(s.Tags).Name,
            instances: instances.filter((i) => i.subnetId === s.SubnetId),
            interfaces: interfaces.filter((n) => n.subnetId === s.SubnetId && !n.instanceId),
          })),
        routeTables: routeTables
          .filter((t) => t.VpcId === v.VpcId)
          .map((t) => ({
            id: t.RouteTableId!,
            main: (t.Associations ?? []).some((a) => a.Main),
            subnets: (t.Associations ?? []).map((a) => a.SubnetId!).filter(Boolean),
            name: tagMap(t.Tags).Name,
            routes: (t.Routes ?? []).map((r) => ({
              destination: r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock ?? r.DestinationPrefixListId,
              target: r.NetworkInterfaceId ?? r.GatewayId ?? r.InstanceId ?? r.NatGatewayId ?? r.TransitGatewayId ?? r.VpcPeeringConnectionId ?? r.CarrierGatewayId ?? r.EgressOnlyInternetGatewayId,
              state: r.State,
            })),
          })),
      })),
      elasticIps: addresses.map((a) => ({
        publicIp: a.PublicIp,
        allocationId: a.AllocationId,
        networkInterfaceId: a.NetworkInterfaceId,
        privateIp: a.PrivateIpAddress,
      })),
      backend: this.backend(scope),
    };
    // The clock moves on every tick; leave it out of the fingerprint so an idle topology keeps its version.
    const { now: _now, ...stableBackend } = topology.backend;
    const version = createHash('sha256').update(JSON.stringify({ ...topology, backend: stableBackend })).digest('hex').slice(0, 16);
    return { ...topology, version };
  }

  private uiInstance(i: Instance, enis: UiInterface[]): UiInstance {
    const primary = enis.find((n) => n.deviceIndex === 0 && (n.networkCardIndex ?? 0) === 0);
    return {
      id: i.InstanceId!,
      state: i.State?.Name,
      type: i.InstanceType,
      name: tagMap(i.Tags).Name,
      subnetId: primary?.subnetId ?? i.SubnetId,
      zone: i.Placement?.AvailabilityZone,
      eniLimit: i.InstanceType ? this.runtime.services.instanceTypes.limits(i.InstanceType).maxNetworkInterfaces : 0,
      interfaces: enis.sort((a, b) => (a.networkCardIndex ?? 0) - (b.networkCardIndex ?? 0) || (a.deviceIndex ?? 0) - (b.deviceIndex ?? 0)),
      tags: tagMap(i.Tags),
    };
  }

  private backend(scope: Scope): UiTopology['backend'] {
    const { backend } = this.runtime;
    const { clock } = this.runtime.services;
    return {
      paused: backend.isPaused,
      now: new Date(clock.now()).toISOString(),
      transitions: backend
        .list()
        .filter((t) => t.account === scope.account && t.region === scope.region)
        .map((t) => ({ kind: t.kind, resourceId: t.resource_id, from: t.from_state, to: t.to_state, dueAt: new Date(t.due_at).toISOString(), due: t.due })),
    };
  }
}
