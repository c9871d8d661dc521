/**
 * The declarative shape of the `network-data` document, in the form the one XML writer
 * (src/protocol/xmlSerializer.ts) walks. Member order = element order; `attribute` members print as attributes;
 * wrapped lists print their wrapper even when empty (`<vpcs/>`); `flattened` lists repeat the element with no
 * wrapper (the `<property>` and `<cluster>` families). Absent (undefined) members are omitted.
 * See docs/behavior.md "Broadcast document layout".
 */
import type { ShapeResolver, XmlShape } from '../protocol/xmlSerializer';

type Member = { shape: string; xml: string; attribute?: true };

const str = (xml: string): Member => ({ shape: 'String', xml });
const int = (xml: string): Member => ({ shape: 'Integer', xml });
const attr = (xml: string, shape = 'String'): Member => ({ shape, xml, attribute: true });
const wrapped = (member: string, item: string) => ({ type: 'list' as const, member: { shape: member, xml: item } });
const flat = (member: string, item: string) => ({ type: 'list' as const, member: { shape: member, xml: item }, flattened: true });

const SHAPES: Record<string, XmlShape> = {
  String: { type: 'string' },
  Integer: { type: 'integer' },
  Boolean: { type: 'boolean' },
  Values: wrapped('String', 'value'),
  FlatValues: flat('String', 'value'),

  NetworkData: {
    type: 'structure',
    members: {
      version: attr('version'),
      appliedVersion: attr('applied-version'),
      appliedTime: attr('applied-time'),
      configuration: { shape: 'Configuration', xml: 'configuration' },
      vpcs: { shape: 'VpcList', xml: 'vpcs' },
      instances: { shape: 'InstanceList', xml: 'instances' },
      dhcpOptionSets: { shape: 'DhcpOptionSetList', xml: 'dhcpOptionSets' },
      internetGateways: { shape: 'InternetGatewayList', xml: 'internetGateways' },
      securityGroups: { shape: 'SecurityGroupList', xml: 'securityGroups' },
    },
  },

  // <configuration>: a run of <property name="…"> elements (plain, mido, subnets, managedSubnet, clusters).
  Configuration: { type: 'structure', members: { properties: { shape: 'FlatProperties', xml: 'property' } } },
  FlatProperties: flat('Property', 'property'),
  /**
   * One `<property name="…">`: plain ones carry `<value>`s; the grouping ones (mido, gateways, subnets,
   * managedSubnet, clusters, nodes) carry nested properties or their own child elements instead.
   */
  Property: {
    type: 'structure',
    members: {
      name: attr('name'),
      values: { shape: 'FlatValues', xml: 'value' },
      properties: { shape: 'FlatProperties', xml: 'property' },
      gateways: { shape: 'FlatGateways', xml: 'gateway' },
      subnets: { shape: 'FlatNamedGroups', xml: 'subnet' },
      managedSubnets: { shape: 'FlatManagedSubnets', xml: 'managedSubnet' },
      clusters: { shape: 'FlatClusters', xml: 'cluster' },
      nodes: { shape: 'FlatNodes', xml: 'node' },
    },
  },
  FlatGateways: flat('Gateway', 'gateway'),
  Gateway: { type: 'structure', members: { properties: { shape: 'FlatProperties', xml: 'property' } } },
  FlatNamedGroups: flat('NamedGroup', 'subnet'),
  FlatManagedSubnets: flat('NamedGroup', 'managedSubnet'),
  /** `<subnet name="1.0.0.0">` / `<managedSubnet name="…">`: a name and its properties. */
  NamedGroup: { type: 'structure', members: { name: attr('name'), properties: { shape: 'FlatProperties', xml: 'property' } } },
  FlatClusters: flat('Cluster', 'cluster'),
  Cluster: {
    type: 'structure',
    members: {
      name: attr('name'),
      subnet: { shape: 'NamedGroup', xml: 'subnet' },
      properties: { shape: 'FlatProperties', xml: 'property' },
    },
  },
  FlatNodes: flat('Node', 'node'),
  Node: { type: 'structure', members: { name: attr('name'), instanceIds: { shape: 'Values', xml: 'instanceIds' } } },

  VpcList: wrapped('Vpc', 'vpc'),
  Vpc: {
    type: 'structure',
    members: {
      name: attr('name'),
      ownerId: str('ownerId'),
      cidr: str('cidr'),
      dhcpOptionSet: str('dhcpOptionSet'),
      subnets: { shape: 'VpcSubnetList', xml: 'subnets' },
      networkAcls: { shape: 'NetworkAclList', xml: 'networkAcls' },
      routeTables: { shape: 'RouteTableList', xml: 'routeTables' },
      natGateways: { shape: 'NatGatewayList', xml: 'natGateways' },
      internetGateways: { shape: 'Values', xml: 'internetGateways' },
    },
  },
  VpcSubnetList: wrapped('VpcSubnet', 'subnet'),
  VpcSubnet: {
    type: 'structure',
    members: {
      name: attr('name'),
      ownerId: str('ownerId'),
      cidr: str('cidr'),
      cluster: str('cluster'),
      networkAcl: str('networkAcl'),
      routeTable: str('routeTable'),
    },
  },
  NetworkAclList: wrapped('NetworkAcl', 'networkAcl'),
  NetworkAcl: {
    type: 'structure',
    members: {
      name: attr('name'),
      ownerId: str('ownerId'),
      ingressEntries: { shape: 'AclEntryList', xml: 'ingressEntries' },
      egressEntries: { shape: 'AclEntryList', xml: 'egressEntries' },
    },
  },
  AclEntryList: wrapped('AclEntry', 'entry'),
  AclEntry: {
    type: 'structure',
    members: {
      number: attr('number', 'Integer'),
      protocol: int('protocol'),
      action: str('action'),
      cidr: str('cidr'),
      icmpCode: int('icmpCode'),
      icmpType: int('icmpType'),
      portRangeFrom: int('portRangeFrom'),
      portRangeTo: int('portRangeTo'),
    },
  },
  RouteTableList: wrapped('RouteTable', 'routeTable'),
  RouteTable: {
    type: 'structure',
    members: { name: attr('name'), ownerId: str('ownerId'), routes: { shape: 'RouteList', xml: 'routes' } },
  },
  RouteList: wrapped('Route', 'route'),
  Route: {
    type: 'structure',
    members: {
      destinationCidr: str('destinationCidr'),
      gatewayId: str('gatewayId'),
      networkInterfaceId: str('networkInterfaceId'),
      natGatewayId: str('natGatewayId'),
    },
  },
  NatGatewayList: wrapped('NatGateway', 'natGateway'),
  NatGateway: {
    type: 'structure',
    members: {
      name: attr('name'),
      ownerId: str('ownerId'),
      macAddress: str('macAddress'),
      publicIp: str('publicIp'),
      privateIp: str('privateIp'),
      vpc: str('vpc'),
      subnet: str('subnet'),
    },
  },

  InstanceList: wrapped('Instance', 'instance'),
  Instance: {
    type: 'structure',
    members: {
      name: attr('name'),
      ownerId: str('ownerId'),
      macAddress: str('macAddress'),
      publicIp: str('publicIp'),
      privateIp: str('privateIp'),
      vpc: str('vpc'),
      subnet: str('subnet'),
      networkInterfaces: { shape: 'NetworkInterfaceList', xml: 'networkInterfaces' },
      securityGroups: { shape: 'Values', xml: 'securityGroups' },
    },
  },
  NetworkInterfaceList: wrapped('NetworkInterface', 'networkInterface'),
  NetworkInterface: {
    type: 'structure',
    members: {
      name: attr('name'),
      ownerId: str('ownerId'),
      deviceIndex: int('deviceIndex'),
      attachmentId: str('attachmentId'),
      macAddress: str('macAddress'),
      privateIp: str('privateIp'),
      publicIp: str('publicIp'),
      sourceDestCheck: { shape: 'Boolean', xml: 'sourceDestCheck' },
      vpc: str('vpc'),
      subnet: str('subnet'),
      securityGroups: { shape: 'Values', xml: 'securityGroups' },
    },
  },

  DhcpOptionSetList: wrapped('DhcpOptionSet', 'dhcpOptionSet'),
  DhcpOptionSet: {
    type: 'structure',
    members: { name: attr('name'), ownerId: str('ownerId'), properties: { shape: 'FlatProperties', xml: 'property' } },
  },

  InternetGatewayList: wrapped('InternetGateway', 'internetGateway'),
  InternetGateway: { type: 'structure', members: { name: attr('name'), ownerId: str('ownerId') } },

  SecurityGroupList: wrapped('SecurityGroup', 'securityGroup'),
  SecurityGroup: {
    type: 'structure',
    members: {
      name: attr('name'),
      ownerId: str('ownerId'),
      rules: { shape: 'Values', xml: 'rules' },
      ingressRules: { shape: 'RuleList', xml: 'ingressRules' },
      egressRules: { shape: 'RuleList', xml: 'egressRules' },
    },
  },
  RuleList: wrapped('Rule', 'rule'),
  Rule: {
    type: 'structure',
    members: {
      protocol: int('protocol'),
      fromPort: int('fromPort'),
      toPort: int('toPort'),
      icmpType: int('icmpType'),
      icmpCode: int('icmpCode'),
      groupId: str('groupId'),
      groupOwnerId: str('groupOwnerId'),
      cidr: str('cidr'),
    },
  },
};

export const networkDataResolver: ShapeResolver = (name) => {
  const shape = SHAPES[name];
  if (!shape) throw new Error(`broadcast document: unknown shape ${name}`);
  return shape;
};

// ---- The document as plain objects (member names above) ----

export interface NIProperty {
  name: string;
  values?: string[];
  properties?: NIProperty[];
  gateways?: Array<{ properties: NIProperty[] }>;
  subnets?: NINamedGroup[];
  managedSubnets?: NINamedGroup[];
  clusters?: NICluster[];
  nodes?: NINode[];
}
interface NINamedGroup {
  name: string;
  properties: NIProperty[];
}
interface NICluster {
  name: string;
  subnet?: NINamedGroup;
  properties: NIProperty[];
}
interface NINode {
  name: string;
  instanceIds: string[];
}
export interface NIVpc {
  name: string;
  ownerId: string;
  cidr: string;
  dhcpOptionSet?: string;
  subnets: NIVpcSubnet[];
  networkAcls: NINetworkAcl[];
  routeTables: NIRouteTable[];
  natGateways: NINatGateway[];
  internetGateways: string[];
}
interface NIVpcSubnet {
  name: string;
  ownerId: string;
  cidr: string;
  cluster: string;
  networkAcl: string;
  routeTable?: string;
}
interface NINetworkAcl {
  name: string;
  ownerId: string;
  ingressEntries: NIAclEntry[];
  egressEntries: NIAclEntry[];
}
export interface NIAclEntry {
  number: number;
  protocol: number;
  action: 'allow' | 'deny';
  cidr: string;
  icmpCode?: number;
  icmpType?: number;
  portRangeFrom?: number;
  portRangeTo?: number;
}
interface NIRouteTable {
  name: string;
  ownerId: string;
  routes: NIRoute[];
}
interface NIRoute {
  destinationCidr: string;
  gatewayId?: string;
  networkInterfaceId?: string;
  natGatewayId?: string;
}
interface NINatGateway {
  name: string;
  ownerId: string;
  macAddress?: string;
  publicIp?: string;
  privateIp: string;
  vpc: string;
  subnet: string;
}
export interface NIInstance {
  name: string;
  ownerId: string;
  macAddress?: string;
  publicIp?: string;
  privateIp: string;
  vpc?: string;
  subnet?: string;
  networkInterfaces: NINetworkInterface[];
  securityGroups: string[];
}
interface NINetworkInterface {
  name: string;
  ownerId: string;
  deviceIndex: number;
  attachmentId: string;
  macAddress: string;
  privateIp: string;
  publicIp?: string;
  sourceDestCheck: boolean;
  vpc: string;
  subnet: string;
  securityGroups: string[];
}
interface NIDhcpOptionSet {
  name: string;
  ownerId: string;
  properties: NIProperty[];
}
interface NIInternetGateway {
  name: string;
  ownerId: string;
}
export interface NISecurityGroup {
  name: string;
  ownerId: string;
  rules: string[];
  ingressRules: NIRule[];
  egressRules: NIRule[];
}
export interface NIRule {
  protocol: number;
  fromPort?: number;
  toPort?: number;
  icmpType?: number;
  icmpCode?: number;
  groupId?: string;
  groupOwnerId?: string;
  cidr?: string;
}
export interface NetworkData {
  version?: string;
  appliedVersion?: string;
  appliedTime?: string;
  configuration: { properties: NIProperty[] };
  vpcs: NIVpc[];
  instances: NIInstance[];
  dhcpOptionSets: NIDhcpOptionSet[];
  internetGateways: NIInternetGateway[];
  securityGroups: NISecurityGroup[];
}
