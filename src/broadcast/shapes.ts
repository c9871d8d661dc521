/**
 * The `network-data` document, described once: the shapes below are what the one XML writer
 * (src/protocol/xmlSerializer.ts) walks, and the TypeScript types build.ts fills are derived from them, so an
 * element cannot be added to one and forgotten in the other. Member order = element order; `attribute` members
 * print as attributes; wrapped lists print their wrapper even when empty (`<vpcs/>`); `flattened` lists repeat the
 * element with no wrapper (the `<property>` and `<cluster>` families). Absent (undefined) members are omitted, and
 * only members marked `opt(…)` may be absent. See docs/behavior.md "Broadcast document layout".
 */
import type { ShapeResolver, XmlShape } from '../protocol/xmlSerializer';

const ref = <S extends string, X extends string>(shape: S, xml: X) => ({ shape, xml });
const str = <X extends string>(xml: X) => ref('String', xml);
const int = <X extends string>(xml: X) => ref('Integer', xml);
/** Members printed as an attribute of their element. */
const attr = <X extends string>(xml: X) => ({ ...str(xml), attribute: true as const });
const intAttr = <X extends string>(xml: X) => ({ ...int(xml), attribute: true as const });
/** A member that may be absent (omitted from the document). */
const opt = <M extends object>(member: M) => ({ ...member, optional: true as const });
const wrapped = <S extends string>(member: S, item: string) => ({ type: 'list' as const, member: { shape: member, xml: item } });
const flat = <S extends string>(member: S, item: string) => ({ type: 'list' as const, member: { shape: member, xml: item }, flattened: true });
const struct = <M extends Record<string, { shape: string; xml: string }>>(members: M) => ({ type: 'structure' as const, members });

const SHAPES = {
  String: { type: 'string' as const },
  Integer: { type: 'integer' as const },
  Boolean: { type: 'boolean' as const },
  Values: wrapped('String', 'value'),
  FlatValues: flat('String', 'value'),

  NetworkData: struct({
    version: opt(attr('version')),
    appliedVersion: opt(attr('applied-version')),
    appliedTime: opt(attr('applied-time')),
    configuration: ref('Configuration', 'configuration'),
    vpcs: ref('VpcList', 'vpcs'),
    instances: ref('InstanceList', 'instances'),
    dhcpOptionSets: ref('DhcpOptionSetList', 'dhcpOptionSets'),
    internetGateways: ref('InternetGatewayList', 'internetGateways'),
    securityGroups: ref('SecurityGroupList', 'securityGroups'),
  }),

  // <configuration>: a run of <property name="…"> elements (plain, mido, subnets, managedSubnet, clusters).
  Configuration: struct({ properties: ref('FlatProperties', 'property') }),
  FlatProperties: flat('Property', 'property'),
  /**
   * One `<property name="…">`: plain ones carry `<value>`s; the grouping ones (mido, gateways, subnets,
   * managedSubnet, clusters, nodes) carry nested properties or their own child elements instead.
   */
  Property: struct({
    name: attr('name'),
    values: opt(ref('FlatValues', 'value')),
    properties: opt(ref('FlatProperties', 'property')),
    gateways: opt(ref('FlatGateways', 'gateway')),
    subnets: opt(ref('FlatNamedGroups', 'subnet')),
    managedSubnets: opt(ref('FlatManagedSubnets', 'managedSubnet')),
    clusters: opt(ref('FlatClusters', 'cluster')),
    nodes: opt(ref('FlatNodes', 'node')),
  }),
  FlatGateways: flat('Gateway', 'gateway'),
  Gateway: struct({ properties: ref('FlatProperties', 'property') }),
  FlatNamedGroups: flat('NamedGroup', 'subnet'),
  FlatManagedSubnets: flat('NamedGroup', 'managedSubnet'),
  /** `<subnet name="1.0.0.0">` / `<managedSubnet name="…">`: a name and its properties. */
  NamedGroup: struct({ name: attr('name'), properties: ref('FlatProperties', 'property') }),
  FlatClusters: flat('Cluster', 'cluster'),
  Cluster: struct({
    name: attr('name'),
    subnet: opt(ref('NamedGroup', 'subnet')),
    properties: ref('FlatProperties', 'property'),
  }),
  FlatNodes: flat('Node', 'node'),
  Node: struct({ name: attr('name'), instanceIds: ref('Values', 'instanceIds') }),

  VpcList: wrapped('Vpc', 'vpc'),
  Vpc: struct({
    name: attr('name'),
    ownerId: str('ownerId'),
    cidr: str('cidr'),
    /** ec2lite's addition (Eucalyptus had no IPv6): the VPC's IPv6 block, when it has one. */
    ipv6Cidr: opt(str('ipv6Cidr')),
    dhcpOptionSet: opt(str('dhcpOptionSet')),
    subnets: ref('VpcSubnetList', 'subnets'),
    networkAcls: ref('NetworkAclList', 'networkAcls'),
    routeTables: ref('RouteTableList', 'routeTables'),
    natGateways: ref('NatGatewayList', 'natGateways'),
    internetGateways: ref('Values', 'internetGateways'),
  }),
  VpcSubnetList: wrapped('VpcSubnet', 'subnet'),
  VpcSubnet: struct({
    name: attr('name'),
    ownerId: str('ownerId'),
    cidr: str('cidr'),
    ipv6Cidr: opt(str('ipv6Cidr')),
    cluster: str('cluster'),
    networkAcl: str('networkAcl'),
    routeTable: opt(str('routeTable')),
  }),
  NetworkAclList: wrapped('NetworkAcl', 'networkAcl'),
  NetworkAcl: struct({
    name: attr('name'),
    ownerId: str('ownerId'),
    ingressEntries: ref('AclEntryList', 'ingressEntries'),
    egressEntries: ref('AclEntryList', 'egressEntries'),
  }),
  AclEntryList: wrapped('AclEntry', 'entry'),
  AclEntry: struct({
    number: intAttr('number'),
    protocol: int('protocol'),
    action: str('action'),
    cidr: str('cidr'),
    icmpCode: opt(int('icmpCode')),
    icmpType: opt(int('icmpType')),
    portRangeFrom: opt(int('portRangeFrom')),
    portRangeTo: opt(int('portRangeTo')),
  }),
  RouteTableList: wrapped('RouteTable', 'routeTable'),
  RouteTable: struct({ name: attr('name'), ownerId: str('ownerId'), routes: ref('RouteList', 'routes') }),
  RouteList: wrapped('Route', 'route'),
  Route: struct({
    destinationCidr: str('destinationCidr'),
    gatewayId: opt(str('gatewayId')),
    networkInterfaceId: opt(str('networkInterfaceId')),
    natGatewayId: opt(str('natGatewayId')),
    // optional: documents without peering routes stay byte-identical
    vpcPeeringConnectionId: opt(str('vpcPeeringConnectionId')),
  }),
  NatGatewayList: wrapped('NatGateway', 'natGateway'),
  NatGateway: struct({
    name: attr('name'),
    ownerId: str('ownerId'),
    macAddress: opt(str('macAddress')),
    publicIp: opt(str('publicIp')),
    privateIp: str('privateIp'),
    vpc: str('vpc'),
    subnet: str('subnet'),
  }),

  InstanceList: wrapped('Instance', 'instance'),
  Instance: struct({
    name: attr('name'),
    ownerId: str('ownerId'),
    macAddress: opt(str('macAddress')),
    publicIp: opt(str('publicIp')),
    privateIp: str('privateIp'),
    vpc: opt(str('vpc')),
    subnet: opt(str('subnet')),
    networkInterfaces: ref('NetworkInterfaceList', 'networkInterfaces'),
    securityGroups: ref('Values', 'securityGroups'),
  }),
  NetworkInterfaceList: wrapped('NetworkInterface', 'networkInterface'),
  NetworkInterface: struct({
    name: attr('name'),
    ownerId: str('ownerId'),
    deviceIndex: int('deviceIndex'),
    attachmentId: str('attachmentId'),
    macAddress: str('macAddress'),
    privateIp: str('privateIp'),
    /** ec2lite's addition: the interface's IPv6 addresses, listed like the other address lists, when it has any. */
    ipv6Addresses: opt(ref('Values', 'ipv6Addresses')),
    /** ec2lite's addition: delegated prefixes (/28 and /80), when the interface has any. */
    ipv4Prefixes: opt(ref('Values', 'ipv4Prefixes')),
    ipv6Prefixes: opt(ref('Values', 'ipv6Prefixes')),
    publicIp: opt(str('publicIp')),
    sourceDestCheck: ref('Boolean', 'sourceDestCheck'),
    vpc: str('vpc'),
    subnet: str('subnet'),
    securityGroups: ref('Values', 'securityGroups'),
  }),

  DhcpOptionSetList: wrapped('DhcpOptionSet', 'dhcpOptionSet'),
  DhcpOptionSet: struct({ name: attr('name'), ownerId: str('ownerId'), properties: ref('FlatProperties', 'property') }),

  InternetGatewayList: wrapped('InternetGateway', 'internetGateway'),
  InternetGateway: struct({ name: attr('name'), ownerId: str('ownerId') }),

  SecurityGroupList: wrapped('SecurityGroup', 'securityGroup'),
  SecurityGroup: struct({
    name: attr('name'),
    ownerId: str('ownerId'),
    rules: ref('Values', 'rules'),
    ingressRules: ref('RuleList', 'ingressRules'),
    egressRules: ref('RuleList', 'egressRules'),
  }),
  RuleList: wrapped('Rule', 'rule'),
  Rule: struct({
    protocol: int('protocol'),
    fromPort: opt(int('fromPort')),
    toPort: opt(int('toPort')),
    icmpType: opt(int('icmpType')),
    icmpCode: opt(int('icmpCode')),
    groupId: opt(str('groupId')),
    groupOwnerId: opt(str('groupOwnerId')),
    cidr: opt(str('cidr')),
  }),
} satisfies Record<string, XmlShape>;

type Shapes = typeof SHAPES;
type ShapeName = keyof Shapes;
/** Every shape name a member or list refers to; the compiler refuses one that is not declared above. */
type Referenced = {
  [N in ShapeName]: Shapes[N] extends { members: infer M }
    ? { [K in keyof M]: M[K] extends { shape: infer S } ? S : never }[keyof M]
    : Shapes[N] extends { member: { shape: infer S } }
      ? S
      : never;
}[ShapeName];
const everyReferenceDeclared: Exclude<Referenced, ShapeName> extends never ? true : Exclude<Referenced, ShapeName> = true;
void everyReferenceDeclared;

export const networkDataResolver: ShapeResolver = (name) => {
  const shape = (SHAPES as Record<string, XmlShape>)[name];
  if (!shape) throw new Error(`broadcast document: unknown shape ${name}`);
  return shape;
};

// ---- The document as plain objects, derived from the shapes ----

/** The value a shape holds: an object for a structure, an array for a list, number/boolean/string for scalars. */
type ValueOf<N> = N extends ShapeName
  ? Shapes[N] extends { type: 'structure'; members: infer M }
    ? StructOf<M>
    : Shapes[N] extends { type: 'list'; member: { shape: infer S } }
      ? ValueOf<S>[]
      : Shapes[N] extends { type: 'integer' }
        ? number
        : Shapes[N] extends { type: 'boolean' }
          ? boolean
          : string
  : never;
type OptionalKeys<M> = { [K in keyof M]: M[K] extends { optional: true } ? K : never }[keyof M];
type MemberValue<R> = R extends { shape: infer S } ? ValueOf<S> : never;
type StructOf<M> = { [K in Exclude<keyof M, OptionalKeys<M>>]: MemberValue<M[K]> } & { [K in OptionalKeys<M>]?: MemberValue<M[K]> };

export type NetworkData = ValueOf<'NetworkData'>;
export type NIProperty = ValueOf<'Property'>;
export type NIVpc = ValueOf<'Vpc'>;
export type NIAclEntry = ValueOf<'AclEntry'>;
export type NIInstance = ValueOf<'Instance'>;
export type NISecurityGroup = ValueOf<'SecurityGroup'>;
export type NIRule = ValueOf<'Rule'>;
