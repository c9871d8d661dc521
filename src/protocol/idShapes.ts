/**
 * Model string shapes that carry a resource id, and the id prefix AWS expects. The parser rejects a malformed id
 * in any of these members with the resource's `*.Malformed` error before the action runs, as AWS does.
 */
export const ID_SHAPES: Readonly<Record<string, string>> = {
  NetworkInterfaceId: 'eni',
  NetworkInterfaceAttachmentId: 'eni-attach',
  NetworkInterfacePermissionId: 'eni-perm',
  InstanceId: 'i',
  SubnetId: 'subnet',
  VpcId: 'vpc',
  SecurityGroupId: 'sg',
  SecurityGroupRuleId: 'sgr',
  ImageId: 'ami',
  RouteTableId: 'rtb',
  RouteTableAssociationId: 'rtbassoc',
  InternetGatewayId: 'igw',
  AllocationId: 'eipalloc',
  ElasticIpAssociationId: 'eipassoc',
  KeyPairId: 'key',
  NetworkAclId: 'acl',
  NetworkAclAssociationId: 'aclassoc',
  DhcpOptionsId: 'dopt',
  LaunchTemplateId: 'lt',
  VolumeId: 'vol',
  VolumeIdWithResolver: 'vol',
  SnapshotId: 'snap',
  NatGatewayId: 'nat',
  VpcPeeringConnectionId: 'pcx',
  VpcPeeringConnectionIdWithResolver: 'pcx',
  CustomerGatewayId: 'cgw',
  VpnGatewayId: 'vgw',
  TransitGatewayId: 'tgw',
  TransitGatewayRouteTableId: 'tgw-rtb',
  TransitGatewayAttachmentId: 'tgw-attach',
  PlacementGroupId: 'pg',
  CapacityReservationId: 'cr',
  InstanceConnectEndpointId: 'eice',
  DedicatedHostId: 'h',
  PrefixListResourceId: 'pl',
  VpcEndpointId: 'vpce',
};

/**
 * Other prefixes an id member also accepts: a requester-managed interface's attachment is `ela-attach-…`, and
 * AWS answers a detach of one with OperationNotPermitted, not a malformed id.
 */
export const ID_ALTERNATES: Readonly<Record<string, readonly string[]>> = {
  'eni-attach': ['ela-attach'],
};

/**
 * Id members whose value AWS documents as a comma-separated list of ids, by structure shape: a Spot Fleet launch
 * specification's SubnetId ("subnet-1234abcd, subnet-5678efgh"). Each element must be a well-formed id.
 */
export const ID_LIST_MEMBERS: Readonly<Record<string, readonly string[]>> = { SpotFleetLaunchSpecification: ['SubnetId'] };

/**
 * Id members whose form AWS does not check, by structure shape (moto's AWS-verified tests): a launch template's
 * `ImageId` is stored as sent ("ami-def456"; a bad one fails the launch, not the template), and CreateVpnConnection
 * answers any `TransitGatewayId` ("tgw-abcdefghij0123456") with `InvalidTransitGatewayID.NotFound`, after its
 * both-gateways and customer-gateway checks.
 */
export const ID_UNCHECKED_MEMBERS: Readonly<Record<string, readonly string[]>> = {
  RequestLaunchTemplateData: ['ImageId'],
  CreateVpnConnectionRequest: ['TransitGatewayId'],
};

/** `<prefix>-` followed by 8 or 17 lower-case hex digits, as AWS issues them. */
export function isWellFormedId(id: string, prefix: string): boolean {
  if (!id.startsWith(prefix + '-')) return false;
  const hex = id.slice(prefix.length + 1);
  return (hex.length === 8 || hex.length === 17) && /^[0-9a-f]+$/.test(hex);
}
