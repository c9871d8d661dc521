/**
 * Every EC2 error ec2lite can return, with AWS's code, message and HTTP status. Code raises these by name and never
 * builds an error string inline; the protocol layer alone turns them into the XML envelope.
 *
 * Wording: real AWS responses quoted in public issues where we have them; the settlements of docs/decisions.md where
 * the sources disagree; a best guess marked `guess` otherwise (docs/decisions.md "Error wording").
 */
export class Ec2Error extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = 400,
  ) {
    super(message);
    this.name = code;
  }
}

const err = (code: string, message: string, status = 400) => new Ec2Error(code, message, status);

/** One id a batch call could not act on, as the `Unsuccessful` item AWS answers: the error's code and message. */
export interface ItemFailure {
  id: string;
  code: string;
  message: string;
}

export const itemFailure = (id: string, error: Ec2Error): ItemFailure => ({ id, code: error.code, message: error.message });

/** Longest client value echoed in a message: enough for any valid EC2 value (tag values are 256), not a 100 KB body. */
const MAX_ECHO = 256;

/**
 * A client value as messages show it: cut after MAX_ECHO characters (never inside a surrogate pair), control
 * characters (C0, DEL, C1) and lone surrogates written as \uXXXX, so every echo is short and printable.
 * One linear pass, no regex.
 */
export function shown(value: string): string {
  let out = '';
  const end = Math.min(value.length, MAX_ECHO);
  let i = 0;
  for (; i < end; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += value[i] + value[i + 1];
        i++;
        continue;
      }
    }
    const lone = c >= 0xd800 && c <= 0xdfff;
    out += c < 0x20 || (c >= 0x7f && c <= 0x9f) || lone || c === 0xfffe || c === 0xffff ? `\\u${c.toString(16).padStart(4, '0')}` : value[i];
  }
  return i < value.length ? `${out}...` : out;
}

type Factories = Record<string, (...args: never[]) => Ec2Error>;
const shownArg = (a: unknown): unknown =>
  typeof a === 'string' ? shown(a) : Array.isArray(a) ? a.map((x) => (typeof x === 'string' ? shown(x) : x)) : a;

/** Every string argument of every factory goes through shown(): one place bounds what errors echo. */
function echoSafe<T extends Factories>(factories: T): T {
  const out: Record<string, unknown> = {};
  for (const [name, make] of Object.entries(factories)) {
    out[name] = (...args: unknown[]) => (make as (...a: unknown[]) => Ec2Error)(...args.map(shownArg));
  }
  return out as T;
}
const quoteList = (ids: readonly string[]) => ids.join(', ');

/** The request itself: action, parameters, values. */
export const RequestErrors = echoSafe({
  missingAction: () => err('MissingAction', 'The request must contain the parameter Action'),
  invalidAction: (action: string) => err('InvalidAction', `The action ${action} is not valid for this web service.`),
  /** AWS names the parameter by its lower-camel wire name, e.g. `routeTableId`. */
  missingParameter: (name: string) => err('MissingParameter', `The request must contain the parameter ${name}`),
  unknownParameter: (name: string) => err('UnknownParameter', `The parameter ${name} is not recognized`),
  /** Malformed scalar (integer, boolean, timestamp, base64) — guess: follows AWS's "Value (x) for parameter y" form. */
  malformedValue: (param: string, value: string, expected: string) =>
    err('InvalidParameterValue', `Value (${value}) for parameter ${param} is invalid. ${expected}`),
  invalidValue: (message: string) => err('InvalidParameterValue', message),
  /** Generic "Value (x) for parameter y is invalid." with an optional reason. */
  invalidParameter: (param: string, value: string, reason?: string) =>
    err('InvalidParameterValue', `Value (${value}) for parameter ${param} is invalid.${reason ? ` ${reason}` : ''}`),
  combination: (message: string) => err('InvalidParameterCombination', message),
  bodyTooLarge: (limit: number) =>
    err('RequestEntityTooLarge', `The request body exceeds the maximum allowed size of ${limit} bytes.`, 413),
  unsupportedContentType: (type: string) =>
    err('InvalidParameterValue', `Unsupported Content-Type '${type}'. Send application/x-www-form-urlencoded.`),
  invalidFilter: (name: string) => err('InvalidParameterValue', `The filter '${name}' is invalid`),
  /** AWS: "Value ( 1 ) for parameter maxResults is invalid. Expecting a value greater than 5." (same form for others) */
  valueTooSmall: (param: string, value: number, min: number) =>
    err('InvalidParameterValue', `Value ( ${value} ) for parameter ${param} is invalid. Expecting a value greater than ${min}.`),
  valueTooLarge: (param: string, value: number, max: number) =>
    err('InvalidParameterValue', `Value ( ${value} ) for parameter ${param} is invalid. Expecting a value less than ${max}.`),
  /** AWS: "The parameter instancesSet cannot be used with the parameter maxResults". */
  maxResultsWithIds: (idSetName: string) =>
    err('InvalidParameterCombination', `The parameter ${idSetName} cannot be used with the parameter maxResults`),
  /** AWS (DescribeVpcs): "Value (  ) for parameter NextToken is invalid. The token is invalid." */
  invalidNextToken: (token: string) =>
    err('InvalidParameterValue', `Value ( ${token} ) for parameter NextToken is invalid. The token is invalid.`),
  dryRun: () => err('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412),
  /** AWS names no token (RunInstances, quoted in rust-lang/bors#830 and ubicloud/ubicloud#5898). */
  idempotentMismatch: (token: string) =>
    err('IdempotentParameterMismatch', 'Arguments on this idempotent request are inconsistent with arguments used in previous request(s).'),
  internal: () => err('InternalError', 'An internal error has occurred', 500),
  /** AWS, counted over the values of all filters of one call. */
  filterValueCount: () => err('FilterLimitExceeded', 'The maximum number of filter values specified on a single call is 200'),
  /** AWS (seen from DescribeTags). */
  filterValueLength: () => err('FilterLimitExceeded', 'The maximum length for a filter value is 255 characters'),
  /** ec2lite's own bound (AWS's is not documented): no EC2 call needs this many parameters. */
  tooManyParameters: (limit: number) =>
    err('InvalidParameterValue', `The request has more than ${limit} parameters, the most ec2lite accepts in one call.`),
});

/**
 * Server-side failures that ec2lite injects on demand (src/faults). Codes, statuses and texts as AWS sends them:
 * RequestLimitExceeded is a 503 "Request limit exceeded." (seen on the wire in public reports: jclouds#1214,
 * bosh-aws-cpi#61); Unavailable is a 503 whose text is recalled from the EC2 error-code reference (old Ruby EC2
 * gems quote it as "…cannot handle the request."); InsufficientInstanceCapacity is a 500
 * (Terraform reports "status code: 500") with AWS's message naming the type, the zone and the zones that have it.
 */
export const ServerErrors = {
  requestLimitExceeded: () => err('RequestLimitExceeded', 'Request limit exceeded.', 503),
  unavailable: () => err('Unavailable', "The server is overloaded and can't handle the request.", 503), // recalled
  internal: () => RequestErrors.internal(),
  insufficientCapacity: (type: string, zone: string, otherZones: readonly string[]) =>
    err(
      'InsufficientInstanceCapacity',
      `We currently do not have sufficient ${type} capacity in the Availability Zone you requested (${zone}). ` +
        'Our system will be working on provisioning additional capacity.' +
        (otherZones.length > 0
          ? ` You can currently get ${type} capacity by not specifying an Availability Zone in your request or choosing ${otherZones.join(', ')}.`
          : ''), // guess: with no zone left to suggest, the last sentence is left out
      500,
    ),
};

/** Malformed resource ids. AWS's code casing differs by resource (seen on the wire). */
const MALFORMED: Record<string, { code: string; message: (id: string) => string }> = {
  i: { code: 'InvalidInstanceID.Malformed', message: (id) => `Invalid id: "${id}"` },
  eni: { code: 'InvalidNetworkInterfaceId.Malformed', message: (id) => `Invalid id: "${id}" (expecting "eni-...")` },
  'eni-attach': { code: 'InvalidAttachmentID.Malformed', message: (id) => `Invalid id: "${id}" (expecting "eni-attach-...")` },
  subnet: { code: 'InvalidSubnetID.Malformed', message: (id) => `Invalid id: "${id}" (expecting "subnet-...")` },
  vpc: { code: 'InvalidVpcID.Malformed', message: (id) => `Invalid id: "${id}" (expecting "vpc-...")` },
  sg: { code: 'InvalidGroupId.Malformed', message: (id) => `Invalid id: "${id}" (expecting "sg-...")` },
  sgr: { code: 'InvalidSecurityGroupRuleId.Malformed', message: (id) => `Invalid id: "${id}" (expecting "sgr-...")` },
  ami: { code: 'InvalidAMIID.Malformed', message: (id) => `Invalid id: "${id}" (expecting "ami-...")` },
  rtb: { code: 'InvalidRouteTableId.Malformed', message: (id) => `Invalid id: "${id}" (expecting "rtb-...")` },
  rtbassoc: { code: 'InvalidAssociationID.Malformed', message: (id) => `Invalid id: "${id}" (expecting "rtbassoc-...")` },
  igw: { code: 'InvalidInternetGatewayId.Malformed', message: (id) => `Invalid id: "${id}" (expecting "igw-...")` },
  eipalloc: { code: 'InvalidAllocationID.Malformed', message: (id) => `Invalid id: "${id}" (expecting "eipalloc-...")` },
  eipassoc: { code: 'InvalidAssociationID.Malformed', message: (id) => `Invalid id: "${id}" (expecting "eipassoc-...")` },
  key: { code: 'InvalidKeyPair.Malformed', message: (id) => `Invalid id: "${id}" (expecting "key-...")` },
  lt: { code: 'InvalidLaunchTemplateId.Malformed', message: (id) => `The specified ID for the launch template, ${id}, is malformed.` }, // guess
  'eni-perm': { code: 'InvalidPermission.Malformed', message: (id) => `Invalid id: "${id}" (expecting "eni-perm-...")` },
  acl: { code: 'InvalidNetworkAclId.Malformed', message: (id) => `Invalid id: "${id}" (expecting "acl-...")` },
  aclassoc: { code: 'InvalidAssociationID.Malformed', message: (id) => `Invalid id: "${id}" (expecting "aclassoc-...")` },
  dopt: { code: 'InvalidDhcpOptionsId.Malformed', message: (id) => `Invalid id: "${id}" (expecting "dopt-...")` },
  // Codes from the EC2 error-code reference; the text follows the other ids' form
  vol: { code: 'InvalidVolumeID.Malformed', message: (id) => `Invalid id: "${id}" (expecting "vol-...")` },
  snap: { code: 'InvalidSnapshotID.Malformed', message: (id) => `Invalid id: "${id}" (expecting "snap-...")` },
  // code as clients catch it (community.aws ec2_vpc_nat_gateway_info); the message is a guess in the family's form
  // code from the EC2 error-code reference; the text in the family's form
  pcx: { code: 'InvalidVpcPeeringConnectionId.Malformed', message: (id) => `Invalid id: "${id}" (expecting "pcx-...")` },
  nat: { code: 'NatGatewayMalformed', message: (id) => `Invalid id: "${id}" (expecting "nat-...")` },
  // code from the EC2 error-code reference; the text follows the other ids' form (guess)
  cgw: { code: 'InvalidCustomerGatewayId.Malformed', message: (id) => `Invalid id: "${id}" (expecting "cgw-...")` },
  // code as steampipe's aws plugin catches it; the text follows the other ids' form (guess)
  vgw: { code: 'InvalidVpnGatewayID.Malformed', message: (id) => `Invalid id: "${id}" (expecting "vgw-...")` },
  // codes from the EC2 error-code reference; the text follows the family's form (guess)
  tgw: { code: 'InvalidTransitGatewayID.Malformed', message: (id) => `Invalid id: "${id}" (expecting "tgw-...")` },
  'tgw-rtb': { code: 'InvalidRouteTableID.Malformed', message: (id) => `Invalid id: "${id}" (expecting "tgw-rtb-...")` },
  'tgw-attach': { code: 'InvalidTransitGatewayAttachmentID.Malformed', message: (id) => `Invalid id: "${id}" (expecting "tgw-attach-...")` },
  // codes from the EC2 error-code reference; the text follows the other ids' form
  pg: { code: 'InvalidPlacementGroupId.Malformed', message: (id) => `Invalid id: "${id}" (expecting "pg-...")` },
  eice: { code: 'InvalidInstanceConnectEndpointId.Malformed', message: (id) => `Invalid id: "${id}" (expecting "eice-...")` },
  cr: { code: 'InvalidCapacityReservationId.Malformed', message: (id) => `Invalid id: "${id}" (expecting "cr-...")` },
  h: { code: 'InvalidHostId.Malformed', message: (id) => `Invalid id: "${id}" (expecting "h-...")` },
  // codes as clients catch them (terraform-provider-aws, AWS's error-code list); messages in the family's form
  pl: { code: 'InvalidPrefixListId.Malformed', message: (id) => `Invalid id: "${id}" (expecting "pl-...")` },
  vpce: { code: 'InvalidVpcEndpointId.Malformed', message: (id) => `Invalid Id: '${id}' (expecting "vpce-...")` },
};

export const MalformedErrors = echoSafe({
  id: (prefix: string, id: string) => {
    const m = MALFORMED[prefix];
    return m ? err(m.code, m.message(id)) : err('InvalidParameterValue', `Invalid id: "${id}"`);
  },
  /** CreateTags/DeleteTags on an id whose prefix names no taggable resource. */
  taggableId: (id: string) => err('InvalidID', `The ID '${id}' is not valid`),
});

/** Lookups that found nothing. Texts are AWS's ("The <noun> ID 'x' does not exist"), no trailing period. */
export const NotFoundErrors = echoSafe({
  networkInterface: (id: string) => err('InvalidNetworkInterfaceID.NotFound', `The networkInterface ID '${id}' does not exist`),
  networkInterfaces: (ids: readonly string[]) =>
    ids.length === 1
      ? err('InvalidNetworkInterfaceID.NotFound', `The networkInterface ID '${ids[0]}' does not exist`)
      : err('InvalidNetworkInterfaceID.NotFound', `The networkInterface IDs '${quoteList(ids)}' do not exist`),
  instances: (ids: readonly string[]) =>
    ids.length === 1
      ? err('InvalidInstanceID.NotFound', `The instance ID '${ids[0]}' does not exist`)
      : err('InvalidInstanceID.NotFound', `The instance IDs '${quoteList(ids)}' do not exist`),
  subnet: (id: string) => err('InvalidSubnetID.NotFound', `The subnet ID '${id}' does not exist`),
  vpc: (id: string) => err('InvalidVpcID.NotFound', `The vpc ID '${id}' does not exist`),
  securityGroup: (id: string) => err('InvalidGroup.NotFound', `The security group '${id}' does not exist`),
  securityGroupInVpc: (name: string, vpcId: string) =>
    err('InvalidGroup.NotFound', `The security group '${name}' does not exist in VPC '${vpcId}'`),
  securityGroupInDefaultVpc: (name: string, vpcId: string) =>
    err('InvalidGroup.NotFound', `The security group '${name}' does not exist in default VPC '${vpcId}'`),
  securityGroupRule: (id: string) =>
    err('InvalidSecurityGroupRuleId.NotFound', `The security group rule ID '${id}' does not exist`),
  images: (ids: readonly string[]) =>
    ids.length === 1
      ? err('InvalidAMIID.NotFound', `The image id '[${ids[0]}]' does not exist`)
      : err('InvalidAMIID.NotFound', `The image ids '[${quoteList(ids)}]' do not exist`),
  attachment: (id: string) =>
    err('InvalidAttachmentID.NotFound', `The network interface attachment ID '${id}' does not exist`), // moto wording
  routeTable: (id: string) => err('InvalidRouteTableID.NotFound', `The routeTable ID '${id}' does not exist`),
  routeTableAssociation: (id: string) => err('InvalidAssociationID.NotFound', `The association ID '${id}' does not exist`),
  internetGateway: (id: string) => err('InvalidInternetGatewayID.NotFound', `The internetGateway ID '${id}' does not exist`),
  gateway: (id: string) => err('InvalidGatewayID.NotFound', `The gateway ID '${id}' does not exist`),
  allocation: (id: string) => err('InvalidAllocationID.NotFound', `The allocation ID '${id}' does not exist`),
  association: (id: string) => err('InvalidAssociationID.NotFound', `The association ID '${id}' does not exist`),
  /** AWS answers 401 AuthFailure for a public IP that is not the caller's. */
  address: (ip: string) => err('AuthFailure', `The address '${ip}' does not belong to you.`, 401),
  addressDescribe: (ip: string) => err('InvalidAddress.NotFound', `Address '${ip}' not found.`), // moto wording
  keyPair: (name: string) => err('InvalidKeyPair.NotFound', `The key pair '${name}' does not exist`),
  keyPairId: (id: string) => err('InvalidKeyPair.NotFound', `The key pair ID '${id}' does not exist`),
  instanceTypes: (types: readonly string[]) =>
    err('InvalidInstanceType', `The following supplied instance types do not exist: [${quoteList(types)}]`),
  permission: (id: string) =>
    err('InvalidPermission.NotFound', `The network interface permission ID '${id}' does not exist`), // guess
  /** AWS: "The volume 'vol-…' does not exist." (with a period, unlike most). */
  volume: (id: string) => err('InvalidVolume.NotFound', `The volume '${id}' does not exist.`),
  volumes: (ids: readonly string[]) =>
    ids.length === 1
      ? err('InvalidVolume.NotFound', `The volume '${ids[0]}' does not exist.`)
      : err('InvalidVolume.NotFound', `The volumes '${quoteList(ids)}' do not exist.`), // by analogy
  /** AWS: "The snapshot 'snap-…' does not exist." */
  snapshot: (id: string) => err('InvalidSnapshot.NotFound', `The snapshot '${id}' does not exist.`),
  snapshots: (ids: readonly string[]) =>
    ids.length === 1
      ? err('InvalidSnapshot.NotFound', `The snapshot '${ids[0]}' does not exist.`)
      : err('InvalidSnapshot.NotFound', `The snapshots '${quoteList(ids)}' do not exist.`), // by analogy
  volumeModification: (id: string) =>
    err('InvalidVolumeModification.NotFound', `Modification for volume '${id}' does not exist.`), // guess
  /** AWS (DescribeNatGateways / DeleteNatGateway; cloud-nuke PR 325): "NAT gateway nat-… was not found". */
  natGateway: (id: string) => err('NatGatewayNotFound', `NAT gateway ${id} was not found`),
  /** A route target that names no NAT gateway (code as community.aws catches it). */
  /** Code as clients catch it (terraform-provider-aws, the SDK waiters); text in the family's form. */
  vpcPeering: (id: string) =>
    err('InvalidVpcPeeringConnectionID.NotFound', `The vpcPeeringConnection ID '${id}' does not exist`), // by analogy
  natGatewayTarget: (id: string) => err('InvalidNatGatewayID.NotFound', `The natGateway ID '${id}' does not exist`), // by analogy
});

export const TagErrors = echoSafe({
  /** AWS: "Value ( aws:x ) for parameter key is invalid. Tag keys starting with 'aws:' are reserved for internal use" */
  reservedKey: (key: string) =>
    err('InvalidParameterValue', `Value ( ${key} ) for parameter key is invalid. Tag keys starting with 'aws:' are reserved for internal use`),
  limitExceeded: () => err('TagLimitExceeded', 'The maximum number of Tags for a resource has been reached.'), // moto wording
  invalidResourceType: (type: string) =>
    err('InvalidParameterValue', `'${type}' is not a valid taggable resource type for this operation.`), // AWS (CreateLaunchTemplate, quoted in public troubleshooting notes); moto's wording too
});

export const VpcErrors = echoSafe({
  cidrMissing: () => err('MissingParameter', "Either 'cidrBlock' or 'ipv4IpamPoolId' should be provided."),
  /** AWS: "Value (::/0) for parameter destinationCidrBlock is invalid. This is not a valid CIDR block." */
  invalidCidr: (param: string, value: string) =>
    err('InvalidParameterValue', `Value (${value}) for parameter ${param} is invalid. This is not a valid CIDR block.`),
  vpcRange: (cidr: string) => err('InvalidVpc.Range', `The CIDR '${cidr}' is invalid.`),
  vpcDependency: (id: string) => err('DependencyViolation', `The vpc '${id}' has dependencies and cannot be deleted.`),
  subnetRange: (cidr: string) => err('InvalidSubnet.Range', `The CIDR '${cidr}' is invalid.`),
  subnetConflict: (cidr: string) => err('InvalidSubnet.Conflict', `The CIDR '${cidr}' conflicts with another subnet`),
  subnetDependency: (id: string) => err('DependencyViolation', `The subnet '${id}' has dependencies and cannot be deleted.`),
  invalidZone: (param: string, zone: string, zones: readonly string[]) =>
    err(
      'InvalidParameterValue',
      `Value (${zone}) for parameter ${param} is invalid. Subnets can currently only be created in the following availability zones: ${zones.join(', ')}.`,
    ),
  unknownZones: (zones: readonly string[]) => err('InvalidParameterValue', `Invalid availability zone: [${zones.join(', ')}]`),
  noDefaultVpc: () => err('VPCIdNotSpecified', 'No default VPC for this user'),
  /**
   * AWS: "Fields for multiple attribute types specified: enableDnsHostnames, enableDnsSupport" (aws/aws-sdk-go#415,
   * kubernetes-sigs/cluster-api-provider-aws#783, hashicorp/terraform#1301); the names in wire form.
   */
  oneAttributeAtATime: (attrs: readonly string[]) =>
    err('InvalidParameterCombination', `Fields for multiple attribute types specified: ${attrs.join(', ')}`),
  attributeRequired: () => err('MissingParameter', 'The request must contain the parameter attribute'),
  /** AWS, in every region without EC2-Classic (all of them since its retirement); clients catch exactly this. */
  classicLinkUnsupported: () => err('UnsupportedOperation', 'The functionality you requested is not available in this region.'),
});

export const SecurityGroupErrors = echoSafe({
  duplicate: (name: string, vpcId: string) =>
    err('InvalidGroup.Duplicate', `The security group '${name}' already exists for VPC '${vpcId}'`),
  reservedName: (name: string) =>
    err('InvalidParameterValue', `Value (${name}) for parameter groupName is invalid. Group names may not be in the format sg-*.`),
  cannotDeleteDefault: (id: string) =>
    err('CannotDelete', `the specified group: "${id}" name: "default" cannot be deleted by a user`),
  dependency: (id: string) => err('DependencyViolation', `resource ${id} has a dependent object`),
  duplicateRule: (rule: string) => err('InvalidPermission.Duplicate', `the specified rule "${rule}" already exists`),
  ruleNotFound: () => err('InvalidPermission.NotFound', 'The specified rule does not exist in this security group.'),
  unknownProtocol: (p: string) => err('InvalidParameterValue', `Invalid value '${p}' for IP protocol. Unknown protocol.`), // AWS, quoted in hashicorp/terraform-provider-aws#1793, aws/aws-cli#559
  portsRequired: () =>
    err('InvalidParameterValue', "Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange."), // AWS, quoted in aws/aws-sdk-go-v2#1203, chef-boneyard/chef-provisioning-aws#183
  /**
   * A port below 0: AWS "TCP/UDP (from) port (-1) out of range" (aws/aws-cli#1066, Terraform output in
   * hashicorp/terraform-provider-aws issues); above 65535: the same form for the to-port (by analogy); from > to: guess.
   */
  portRange: (from: number, to: number) =>
    from < 0
      ? err('InvalidParameterValue', `TCP/UDP (from) port (${from}) out of range`)
      : to > 65535
        ? err('InvalidParameterValue', `TCP/UDP (to) port (${to}) out of range`) // by analogy
        : err('InvalidParameterValue', `Invalid TCP/UDP port range: from port ${from}, to port ${to}.`), // guess
  noPeer: () => err('MissingParameter', 'Missing source specification: include source security group or CIDR information'), // AWS, quoted in boto/boto3#1078
  perInterfaceLimit: () =>
    err('SecurityGroupsPerInterfaceLimitExceeded', 'The maximum number of security groups per interface has been reached.'),
  /** AWS: "Security group sg-… and subnet subnet-… belong to different networks." */
  differentNetworks: (groupId: string, subnetId: string) =>
    err('InvalidParameter', `Security group ${groupId} and subnet ${subnetId} belong to different networks.`),
  /** AWS: "ICMP code (65535) out of range" (ToPort carries the code). */
  icmpCode: (code: number) => err('InvalidParameterValue', `ICMP code (${code}) out of range`),
  /** FromPort carries the type; worded as AWS words the code case (unverified). */
  icmpType: (type: number) => err('InvalidParameterValue', `ICMP type (${type}) out of range`),
  rulesLimit: () => err('RulesPerSecurityGroupLimitExceeded', 'The maximum number of rules per security group has been reached.'),
  /** AWS (aws-sdk-java-v2 issue 5217). */
  descriptionsBothForms: () =>
    err('InvalidParameterCombination', "The parameter 'ipPermissions' may not be used in combination with 'securityGroupRuleDescriptions'."),
  /** ModifySecurityGroupRules, AWS wire (moto's AWS-verified test_modify_security_group_rules): exactly one peer, */
  onePeer: () => err('InvalidParameterCombination', 'Only one of cidrIp, cidrIpv6, prefixListId, or referencedGroupId can be specified'),
  noPeerInRule: () =>
    err('MissingParameter', 'The request must contain exactly one of: cidrIp, cidrIpv6, prefixListId, or referencedGroupId'),
  /** ... a protocol, and both ports for TCP/UDP (worded unlike Authorize's portsRequired). */
  protocolNotExplicit: () =>
    err('InvalidParameterValue', "Invalid value 'null' for protocol. VPC security group rules must specify protocols explicitly."),
  /** AWS wire (moto's AWS-verified test_invalid_security_group_id_in_rules_search; AWS's message contains it). */
  malformedFilterGroupId: (id: string) => err('InvalidGroupId.Malformed', `The security group ID '${id}' is malformed`),
  rulePortsRequired: () => err('InvalidParameterValue', 'Invalid value for portRange. Must specify both from and to ports with TCP/UDP.'),
});

/** IAM instance profile associations. */
export const IamProfileErrors = echoSafe({
  /** AWS (aws-samples/one-observability-demo issue 201). */
  existingAssociation: (instanceId: string) => err('IncorrectState', `There is an existing association for instance ${instanceId}`),
  /** AWS (aws-cli issue 5251: Replace while the instance is stopped). */
  notActive: (associationId: string) => err('IncorrectState', `The association ${associationId} is not the active association`),
  invalidArn: (arn: string) =>
    err('InvalidParameterValue', `Value (${arn}) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN`), // guess
  invalidName: (name: string) =>
    err('InvalidParameterValue', `Value (${name}) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name`),
});

/** CreateFlowLogs / DeleteFlowLogs (moto's wording where no AWS capture exists). */
export const FlowLogErrors = echoSafe({
  /** AWS (the code and text clients catch, e.g. scripts checking `FlowLogAlreadyExists`). */
  alreadyExists: () => err('FlowLogAlreadyExists', 'Error. There is an existing Flow Log with the same configuration and log destination.'),
  /** `LogDestination can't be empty if LogGroupName is not provided.` (moto; guess) */
  emptyDependant: (param: string, other: string, value: string) => err('InvalidParameter', `${param} can't be empty if ${other} is ${value}.`),
  /** `LogDestination type must be cloud-watch-logs if LogGroupName is provided.` (moto; guess) */
  dependantType: (param: string, value: string, other: string) => err('InvalidParameter', `${param} type must be ${value} if ${other} is provided.`),
  aggregationInterval: () => err('InvalidParameter', 'Invalid Flow Log Max Aggregation Interval'), // guess (moto)
  resourceType: (type: string) =>
    err('InvalidParameterValue', `Value (${type}) for parameter resourceType is invalid. Flow logs are supported on VPC, Subnet and NetworkInterface resources.`), // guess
  /** AWS's format (moto copies it): `These flow log ids in the input list are not found: [TotalCount: 1] fl-…`. */
  notFound: (ids: readonly string[]) =>
    err('InvalidFlowLogId.NotFound', `These flow log ids in the input list are not found: [TotalCount: ${ids.length}] ${ids.join(' ')}`),
});

export const NetworkInterfaceErrors = echoSafe({
  inUse: (eniId: string) => err('InvalidNetworkInterface.InUse', `Interface: [${eniId}] in use.`),
  deviceIndexTaken: (instanceId: string, index: number) =>
    err('InvalidParameterValue', `Instance '${instanceId}' already has an interface attached at device index '${index}'.`),
  deviceIndexInvalid: (index: number) => err('InvalidParameterValue', `Value (${index}) for parameter deviceIndex is invalid.`),
  // guess: AWS's wording for a card the type lacks is not public; this is its generic invalid-value form
  networkCardInvalid: (index: number) => err('InvalidParameterValue', `Value (${index}) for parameter networkCardIndex is invalid.`),
  zoneInvalid: () => err('InvalidParameterValue', 'Network interface zone invalid for instance'),
  vpcInvalid: () => err('InvalidParameterValue', 'Network interface vpc invalid for instance'),
  attachmentLimit: (count: number, type: string) =>
    err('AttachmentLimitExceeded', `Interface count ${count} exceeds the limit for ${type}`),
  /** A network card's own limit (NetworkInfo.NetworkCards); AWS's code, the wording names the card (guess). */
  cardAttachmentLimit: (count: number, type: string, card: number) =>
    err('AttachmentLimitExceeded', `Interface count ${count} exceeds the limit for ${type} (networkCard index ${card})`),
  attachState: (instanceId: string) => err('IncorrectState', `Instance '${instanceId}' is not 'running' or 'stopped'`),
  detachState: () => err('IncorrectState', 'The instance is not in a valid state for this operation'),
  detachPrimary: () =>
    err('OperationNotPermitted', 'The network interface at device index 0 and networkCard index 0 cannot be detached.'),
  managedAttachment: () => err('OperationNotPermitted', "You are not allowed to manage 'ela-attach' attachments."),
  deleteInUse: (eniId: string) => err('InvalidParameterValue', `Network interface '${eniId}' is currently in use.`),
  deleteManaged: (eniId: string) =>
    err('OperationNotPermitted', `You are not allowed to manage '${eniId}': it is managed by another service.`), // guess
  /** AWS: "Number of private addresses will exceed limit." */
  privateIpLimit: () => err('PrivateIpAddressLimitExceeded', 'Number of private addresses will exceed limit.'),
  primaryIpCount: () => err('InvalidParameterValue', 'Only one primary private IP address can be specified.'), // guess
  unassignPrimary: (ip: string) =>
    err('InvalidParameterValue', `The private IP address ${ip} is the primary address of the network interface and cannot be unassigned.`), // recalled
  unassignNotAssigned: (ip: string, eniId: string) =>
    err('InvalidParameterValue', `Some of the specified addresses are not assigned to interface ${eniId}`), // AWS, as amazon-vpc-cni-k8s and Titus match it (no address list)
  missingAttribute: () => err('MissingParameter', 'Missing attribute value'),
  oneAttribute: () => err('InvalidParameterCombination', 'Only one attribute can be modified at a time.'), // guess
  resetAttribute: (attr: string) =>
    err('InvalidParameterValue', `Value (${attr}) for parameter attribute is invalid. Unknown network interface attribute`),
  permissionTarget: () =>
    err('InvalidParameterCombination', 'Exactly one of AwsAccountId or AwsService must be specified.'), // guess
});

export const AddressingErrors = echoSafe({
  /** AWS (CreateNetworkInterface): "The specified address is already in use." */
  addressInUse: () => err('InvalidIPAddress.InUse', 'The specified address is already in use.'),
  /** AWS (RunInstances): "Address 10.240.0.10 is in use." */
  addressInUseAtLaunch: (ip: string) => err('InvalidIPAddress.InUse', `Address ${ip} is in use.`),
  notInSubnet: (ip: string) => err('InvalidParameterValue', `Address ${ip} does not fall within the subnet's address range`),
  reserved: (ip: string) => err('InvalidParameterValue', `Address ${ip} is in subnet's reserved address range`),
  malformed: (ip: string) => err('InvalidParameterValue', `Value (${ip}) for parameter privateIpAddress is invalid. This is not a valid IP address.`),
  /** AWS (RunInstances): "There are not enough free addresses in subnet 'subnet-…' to satisfy the requested number of instances." */
  subnetFullAtLaunch: (subnetId: string) =>
    err(
      'InsufficientFreeAddressesInSubnet',
      `There are not enough free addresses in subnet '${subnetId}' to satisfy the requested number of instances.`,
    ),
  /** AWS (CreateNetworkInterface, AssignPrivateIpAddresses). */
  subnetFull: () =>
    err('InsufficientFreeAddressesInSubnet', 'The specified subnet does not have enough free addresses to satisfy the request.'),
  duplicateAddress: (ip: string) => err('InvalidParameterValue', `Duplicate private IP address ${ip} in the request.`), // guess
  publicPoolExhausted: () => err('AddressLimitExceeded', 'The maximum number of addresses has been reached.'),
  countAndList: () =>
    err('InvalidParameterCombination', 'You may specify either a private IP address list or a secondary private IP address count, but not both.'), // guess
});

export const InstanceErrors = echoSafe({
  /** AWS: "Invalid value 't3.nano' for InstanceType." */
  instanceType: (type: string) => err('InvalidParameterValue', `Invalid value '${type}' for InstanceType.`),
  /** AWS: code InvalidUserData.Malformed (Terraform: "api error InvalidUserData.Malformed: Invalid BASE64 encoding of user data."). */
  userDataEncoding: () => err('InvalidUserData.Malformed', 'Invalid BASE64 encoding of user data.'),
  maxCountZero: () => err('InvalidParameterValue', 'Maximum instance count must be greater than zero'),
  minCountZero: () => err('InvalidParameterValue', 'Minimum instance count must be greater than zero'), // by analogy
  minOverMax: (min: number, max: number) =>
    err('InvalidParameterValue', `Invalid value '${max}' for parameter maxCount. The maxCount must be equal to or greater than the minCount '${min}'.`),
  nicWithSubnet: () =>
    err('InvalidParameterCombination', 'Network interfaces and an instance-level subnet ID may not be specified on the same request'),
  nicWithGroups: () =>
    err('InvalidParameterCombination', 'Network interfaces and an instance-level security groups may not be specified on the same request'),
  nicWithPrivateIp: () =>
    err('InvalidParameterCombination', 'Network interfaces and an instance-level private IP address may not be specified on the same request'),
  nicDeviceIndexRequired: () => err('InvalidParameterValue', 'Each network interface requires a device index.'),
  nicPrimaryRequired: () => err('InvalidParameterValue', 'When specifying network interfaces, you must include a device at index 0'),
  nicDuplicateIndex: (index: number) => err('InvalidParameterValue', `Each network interface requires a unique device index. Duplicate: ${index}.`), // guess
  nicDuplicateInterface: (eniId: string) => err('InvalidParameterValue', `Network interface ${eniId} is specified more than once.`), // guess
  nicIdWithSubnet: () =>
    err('InvalidParameterCombination', 'A network interface ID cannot be specified together with a subnet, private IP addresses or security groups for the same network interface.'), // guess
  singleInstanceOnly: () =>
    err('InvalidParameterCombination', 'A network interface ID or a specific private IP address can only be used to launch a single instance.'), // guess
  publicIpWithMultipleNics: () =>
    err('InvalidParameterCombination', 'The associatePublicIPAddress parameter cannot be specified when launching with multiple network interfaces.'),
  publicIpWithExistingNic: () =>
    err('InvalidParameterCombination', 'The associatePublicIPAddress parameter cannot be specified for a network interface with an ID.'), // guess
  zoneMismatch: (zone: string, subnetId: string, subnetZone: string) =>
    err('InvalidParameterValue', `Value (${zone}) for parameter availabilityZone is invalid. Subnet '${subnetId}' is in the availability zone ${subnetZone}`), // AWS (RunInstances, Terraform output quoted in a public config)
  neverRunning: (id: string) =>
    err('IncorrectInstanceState', `Instance '${id}' cannot be stopped as it has never reached the 'running' state.`),
  cannotStop: (id: string) => err('IncorrectInstanceState', `This instance '${id}' is not in a state from which it can be stopped.`), // AWS (CloudTrail errorMessage in a public record; CloudFormation User Guide stack events)
  cannotStart: (id: string) => err('IncorrectInstanceState', `The instance '${id}' is not in a state from which it can be started.`),
  cannotReboot: (id: string) => err('IncorrectInstanceState', `The instance '${id}' is not in a state from which it can be rebooted.`), // guess
  notStopped: (id: string) => err('IncorrectInstanceState', `The instance '${id}' is not in the 'stopped' state.`), // AWS (ModifyInstanceAttribute, CLI output in a public write-up)
  terminationProtected: (id: string) =>
    err('OperationNotPermitted', `The instance '${id}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.`),
  stopProtected: (id: string) =>
    err('OperationNotPermitted', `The instance '${id}' may not be stopped. Modify its 'disableApiStop' instance attribute and try again.`),
  /** AssociateAddress / CreateRoute / ModifyInstanceAttribute groups with an instance id of a multi-ENI instance. */
  multipleInterfaces: (id: string) =>
    err('InvalidInstanceID', `There are multiple interfaces attached to instance '${id}'. Please specify an interface ID for the operation instead.`),
  attributeValue: (attr: string, value: string) => err('InvalidParameterValue', `Value (${value}) for parameter ${attr} is invalid.`),
  /** AWS: "When specifying CpuOptions you must specify both CoreCount and ThreadsPerCore." (ModifyInstanceCpuOptions, terraform-provider-aws#46821). */
  cpuOptionsBoth: () => err('MissingParameter', 'When specifying CpuOptions you must specify both CoreCount and ThreadsPerCore.'),
  cpuOptionsUnsupported: (type: string) => err('InvalidParameterValue', `CPU options are not supported for instance type ${type}.`), // guess
  cpuOptionValue: (member: 'CoreCount' | 'ThreadsPerCore', value: number, type: string) =>
    err('InvalidParameterValue', `Value (${value}) for parameter ${member} is invalid for instance type ${type}.`), // guess (the shape of AWS's "Value (x) for parameter y is invalid.")
  unknownAttribute: (attr: string) => err('InvalidParameterValue', `Value (${attr}) for parameter attribute is invalid. Unknown attribute.`),
  notResettable: (attr: string) => err('InvalidParameterValue', `Value (${attr}) for parameter attribute is invalid. Only kernel, ramdisk and sourceDestCheck can be reset.`), // guess
  keyPairDuplicate: (name: string) => err('InvalidKeyPair.Duplicate', `The keypair '${name}' already exists.`),
  keyFormat: () => err('InvalidKeyPair.Format', 'Key is not in valid OpenSSH public key format'),
  instanceTypeLimit: (value: number) => err('InvalidParameterValue', `${value} for parameter NetworkInterfaces is invalid`),
  unknownInstanceType: (name: string) => err('InvalidParameterValue', `Failed to lookup the requested instance type: ${name}`),
  creditsNotSupported: (type: string) =>
    err('InvalidParameterCombination', `The instance type ${type} does not support the CreditSpecification parameter.`), // guess
});

/**
 * ModifyInstanceCreditSpecification's per-instance failures (Unsuccessful items): codes from the model's enum; the
 * texts are guesses in EC2's usual form, no public capture shows them.
 */
export const CreditFailures = {
  malformed: (id: string) => ({ code: 'InvalidInstanceID.Malformed', message: `Invalid id: "${shown(id)}"` }),
  notFound: (id: string) => ({ code: 'InvalidInstanceID.NotFound', message: `The instance ID '${shown(id)}' does not exist` }),
  notSupported: (id: string, type: string) => ({
    code: 'InstanceCreditSpecification.NotSupported',
    message: `The instance ${id} of type ${type} does not support CPU credit specifications.`,
  }),
  state: (id: string) => ({ code: 'IncorrectInstanceState', message: `The instance '${id}' is not in a state from which its credit option can be modified.` }),
};

export const RouteErrors = echoSafe({
  /** AWS: "The request must contain the parameter destinationCidrBlock or destinationIpv6CidrBlock" */
  destinationRequired: () =>
    err('MissingParameter', 'The request must contain the parameter destinationCidrBlock or destinationIpv6CidrBlock'),
  noTarget: () => err('InvalidParameterCombination', 'No route target specified.'), // guess
  manyTargets: () => err('InvalidParameterCombination', 'More than one route target specified.'), // guess
  alreadyExists: (cidr: string) => err('RouteAlreadyExists', `The route identified by ${cidr} already exists.`),
  notFound: (cidr: string, rtb: string, ipv6 = false) =>
    err('InvalidRoute.NotFound', `no route with destination-${ipv6 ? 'ipv6-' : ''}cidr-block ${cidr} in route table ${rtb}`), // moto (IPv6: by analogy)
  prefixListNotFound: (pl: string, rtb: string) =>
    err('InvalidRoute.NotFound', `no route with destination-prefix-list-id ${pl} in route table ${rtb}`), // by analogy
  twoDestinations: () =>
    err('InvalidParameterCombination', 'Only one of destinationCidrBlock, destinationIpv6CidrBlock or destinationPrefixListId may be specified.'), // guess
  egressOnlyIpv4: (id: string) =>
    err('InvalidParameterValue', `Route target ${id} only supports IPv6 destination CIDR blocks.`), // guess
  replaceMissing: (cidr: string) =>
    err('InvalidParameterValue', `There is no route defined for '${cidr}' in the route table. Use CreateRoute instead.`), // moto
  localRoute: (cidr: string, rtb: string) => err('InvalidParameterValue', `cannot remove local route ${cidr} in route table ${rtb}`),
  limit: () => err('RouteLimitExceeded', 'The maximum number of routes has been reached.'), // guess
  /** AWS: "route table rtb-… and network gateway igw-… belong to different networks" */
  differentNetworks: (rtb: string, target: string, what: string) =>
    err('InvalidParameterValue', `route table ${rtb} and ${what} ${target} belong to different networks`),
  unsupportedTarget: (param: string, id: string) => err('InvalidParameterValue', `Value (${id}) for parameter ${param} is invalid. Route targets of this kind are not supported.`),
  associationConflict: (rtb: string) =>
    err('Resource.AlreadyAssociated', `the specified association for route table ${rtb} conflicts with an existing association`),
  mainAssociation: (id: string) => err('InvalidParameterValue', `cannot disassociate the main route table association ${id}`), // AWS (Terraform output quoted in public docs)
  tableDependency: (id: string) => err('DependencyViolation', `The routeTable '${id}' has dependencies and cannot be deleted.`),
  associationTarget: () => err('MissingParameter', 'The request must contain the parameter subnetId or gatewayId'), // guess
  /** By analogy with the internet gateway's message. */
  natDifferentNetworks: (rtb: string, nat: string) =>
    err('InvalidParameterValue', `route table ${rtb} and NAT gateway ${nat} belong to different networks`), // by analogy
});

/** Network ACLs (docs/behavior.md "Network ACLs"). */
export const NetworkAclErrors = echoSafe({
  /** AWS: "The networkAcl ID 'acl-…' does not exist" (terraform-provider-aws #34462). */
  notFound: (ids: readonly string[]) =>
    ids.length === 1
      ? err('InvalidNetworkAclID.NotFound', `The networkAcl ID '${ids[0]}' does not exist`)
      : err('InvalidNetworkAclID.NotFound', `The networkAcl IDs '${quoteList(ids)}' do not exist`), // plural by analogy
  deleteDefault: (id: string) => err('InvalidParameterValue', `cannot delete default network ACL ${id}`), // AWS, as public cleanup scripts match it (Eucalyptus's clone agrees)
  /** Worded as AWS words it for a VPC, a subnet and a DHCP option set. */
  dependency: (id: string) => err('DependencyViolation', `The networkAcl '${id}' has dependencies and cannot be deleted.`), // by analogy
  /** AWS: "The network acl entry identified by 100 already exists." (amazon.aws #2592). */
  entryExists: (rule: number) => err('NetworkAclEntryAlreadyExists', `The network acl entry identified by ${rule} already exists.`),
  /** AWS: "no ingress entry with number 120" (terraform-provider-aws #12175). */
  entryNotFound: (egress: boolean, rule: number) =>
    err('InvalidNetworkAclEntry.NotFound', `no ${egress ? 'egress' : 'ingress'} entry with number ${rule}`),
  /** AWS: "Value (32767) for parameter ruleNumber is invalid. Rulenumber must be in range 1..32766". */
  ruleNumber: (rule: number) =>
    err('InvalidParameterValue', `Value (${rule}) for parameter ruleNumber is invalid. Rulenumber must be in range 1..32766`),
  protocol: (protocol: string) =>
    err('InvalidParameterValue', `Invalid value '${protocol}' for IP protocol. Unknown protocol.`), // AWS for Create/ReplaceNetworkAclEntry (aws/aws-cli#508, #559), as for security groups
  portRangeRequired: () => err('MissingParameter', 'The request must contain the parameter portRange'), // guess
  icmpTypeCodeRequired: () => err('MissingParameter', 'The request must contain the parameter icmpTypeCode'), // guess
  port: (which: 'from' | 'to', port: number) => err('InvalidParameterValue', `Value (${port}) for parameter portRange.${which} is invalid.`), // guess
  cidrMissing: () => err('MissingParameter', "Either 'cidrBlock' or 'ipv6CidrBlock' should be provided."), // by analogy (CreateVpc's)
  cidrBoth: () => err('InvalidParameterCombination', 'You may specify either an IPv4 or an IPv6 CIDR block, but not both.'), // guess
  differentNetworks: (acl: string, subnet: string) =>
    err('InvalidParameterValue', `network ACL ${acl} and subnet ${subnet} belong to different networks`), // by analogy (route tables)
});

/** DHCP option sets (docs/behavior.md "DHCP option sets"). */
export const DhcpOptionsErrors = echoSafe({
  notFound: (ids: readonly string[]) =>
    ids.length === 1
      ? err('InvalidDhcpOptionID.NotFound', `The dhcpOptions ID '${ids[0]}' does not exist`) // recalled
      : err('InvalidDhcpOptionID.NotFound', `The dhcpOptions IDs '${quoteList(ids)}' do not exist`), // by analogy
  /** AWS: "The dhcpOptions 'dopt-…' has dependencies and cannot be deleted." (cloud-nuke #753). */
  dependency: (id: string) => err('DependencyViolation', `The dhcpOptions '${id}' has dependencies and cannot be deleted.`),
  unknownKey: (key: string) => err('InvalidParameterValue', `Value (${key}) for parameter key is invalid. Unknown DHCP option`), // guess
  duplicateKey: (key: string) => err('InvalidParameterValue', `Value (${key}) for parameter key is invalid. Duplicate DHCP option`), // guess
  noValues: (key: string) => err('InvalidParameterValue', `Value for parameter ${key} is invalid. At least one value is required`), // guess
  tooManyValues: (key: string, max: number) =>
    err('InvalidParameterValue', `Value for parameter ${key} is invalid. At most ${max} values may be specified`), // guess
  invalidValue: (key: string, value: string) => err('InvalidParameterValue', `Value (${value}) for parameter ${key} is invalid.`), // guess
});

export const GatewayErrors = echoSafe({
  /** AWS: "resource igw-… is already attached to network vpc-…" */
  alreadyAttached: (igw: string, vpc: string) => err('Resource.AlreadyAssociated', `resource ${igw} is already attached to network ${vpc}`),
  /** AWS: "Network vpc-… already has an internet gateway attached" */
  vpcHasGateway: (vpc: string) => err('InvalidParameterValue', `Network ${vpc} already has an internet gateway attached`),
  notAttached: (igw: string, vpc: string) => err('Gateway.NotAttached', `resource ${igw} is not attached to network ${vpc}`),
  dependency: (igw: string) => err('DependencyViolation', `The internetGateway '${igw}' has dependencies and cannot be deleted.`),
  mappedAddresses: (vpc: string) =>
    err('DependencyViolation', `Network ${vpc} has some mapped public address(es). Please unmap those public address(es) before detaching the gateway.`),
  /** AWS: "Network vpc-… is not attached to any internet gateway" */
  vpcWithoutGateway: (vpc: string) => err('Gateway.NotAttached', `Network ${vpc} is not attached to any internet gateway`),
});

export const ElasticIpErrors = echoSafe({
  /** AWS: "resource eipalloc-… is already associated with associate-id eipassoc-…" */
  alreadyAssociated: (alloc: string, assoc: string) =>
    err('Resource.AlreadyAssociated', `resource ${alloc} is already associated with associate-id ${assoc}`),
  /** AWS (ReleaseAddress of an associated address): "Address 34.217.228.68 is in use." (genevieve/leftovers#16, scylladb/scylla-cluster-tests#2299). */
  inUse: (publicIp: string) => err('InvalidIPAddress.InUse', `Address ${publicIp} is in use.`),
  allocationRequiredAssociate: () =>
    err('InvalidParameterCombination', 'You must specify an allocation id when mapping an address to a VPC instance'),
  allocationRequiredRelease: () => err('InvalidParameterValue', 'You must specify an allocation id when releasing a VPC elastic IP address'),
  targetRequired: () => err('MissingParameter', 'Either instance ID or network interface id must be specified'), // Eucalyptus's and OpenStack ec2-api's wording (both copy AWS)
  privateIpNotOnInterface: (ip: string, eni: string) =>
    err('InvalidParameterValue', `The private IP address ${ip} is not assigned to network interface ${eni}.`), // guess
  instanceState: (id: string) => err('IncorrectInstanceState', `The instance '${id}' is not in a valid state for this operation.`), // guess
  addressNotInPool: (ip: string) => err('InvalidParameterValue', `Value (${ip}) for parameter address is invalid. The address is not available.`), // guess
  domainName: (name: string) => err('InvalidParameterValue', `Value (${name}) for parameter domainName is invalid.`), // guess
  domainNameMissing: () => RequestErrors.missingParameter('domainName'),
});

/**
 * Launch templates. The not-found, version and duplicate-name texts are AWS's (moto's tests run them against AWS);
 * the others are marked.
 */
export const LaunchTemplateErrors = echoSafe({
  nameInUse: () => err('InvalidLaunchTemplateName.AlreadyExistsException', 'Launch template name already in use.'),
  nameMalformed: () =>
    err(
      'InvalidLaunchTemplateName.MalformedException',
      'A launch template name must be between 3 and 128 characters, and may contain letters, numbers, and the following characters: - ( ) . / _.',
    ), // AWS, quoted in github-aws-runners/terraform-aws-github-runner#932 (no trailing quote)
  idNotFound: (id: string) => err('InvalidLaunchTemplateId.NotFound', `The specified launch template, with template ID ${id}, does not exist.`),
  nameNotFound: (name: string) =>
    err('InvalidLaunchTemplateName.NotFoundException', `The specified launch template, with template name ${name}, does not exist.`),
  /** DescribeLaunchTemplates with names, one of which is unknown. */
  someNotFound: () => err('InvalidLaunchTemplateName.NotFoundException', 'At least one of the launch templates specified in the request does not exist.'),
  versionNotFound: (version: string, id: string) =>
    err('InvalidLaunchTemplateId.VersionNotFound', `Could not find the specified version ${version} for the launch template with ID ${id}.`),
  /** ModifyLaunchTemplate's DefaultVersion. */
  defaultVersionNotFound: (version: string) =>
    err('InvalidLaunchTemplateId.VersionNotFound', `The launch template version ${version} is not found for the specified launch template.`),
  /** A version that is neither a number nor $Latest / $Default. */
  versionMalformed: (version: string) =>
    err('InvalidParameterValue', `Value (${version}) for parameter version is invalid. Expecting a version number, $Latest or $Default.`), // guess
  idOrName: () => err('MissingParameter', 'The request must contain the parameter launchTemplateName or launchTemplateId'), // guess
  modifyIdAndName: () => err('InvalidParameterCombination', 'Either provide launch template ID or launch template name to modify the template.'),
  idAndName: () => err('InvalidParameterCombination', 'Only one of launch template ID or launch template name may be specified.'), // guess
  describeVersionsScope: (missing: boolean) =>
    err(
      missing ? 'MissingParameter' : 'InvalidParameterValue',
      'To describe the launch template data for all your launch templates, for \u2018--versions\u2019 specify \u2018$Latest\u2019, \u2018$Default\u2019, or both, and omit \u2018--launch-template-id\u2019, \u2018--launch-template-name\u2019, and version numbers. To describe the launch template data for a specific launch template, specify \u2018--launch-template-id\u2019 or \u2018--launch-template-name\u2019, and for \u2018--versions\u2019 specify one or more of the following values: \u2018$Latest\u2019, \u2018$Default\u2019, or one or more version numbers.',
    ),
  /** MinVersion/MaxVersion beside Versions. */
  versionsAndRange: () =>
    err('InvalidParameterCombination', 'The parameters versions and minVersion/maxVersion cannot be used together.'), // guess
  userData: () => err('InvalidUserData.Malformed', 'Invalid BASE64 encoding of user data.'), // moto wording
});

/** VPC and subnet CIDR blocks, IPv6, egress-only gateways (issue 15). */
export const CidrErrors = echoSafe({
  /** AWS wire (aws-cli output quoted in public write-ups). */
  restricted: (cidr: string) =>
    err(
      'InvalidVpc.Range',
      `The CIDR '${cidr}' is restricted. Use a CIDR from the same private address range as the current VPC CIDR, or use a publicly-routable CIDR. For additional restrictions, see https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html`,
    ),
  overlapsVpc: (cidr: string, vpcId: string) =>
    err('InvalidVpc.Range', `The CIDR '${cidr}' overlaps with a CIDR block already associated with ${vpcId}.`), // guess
  /** AWS wire (moto's AWS-verified test_associate_vpc_ipv4_cidr_block): the VPC id unquoted. */
  limit: (vpcId: string, max: number) =>
    err('CidrLimitExceeded', `This network ${vpcId} has met its maximum number of allowed CIDRs: ${max}`),
  /** moto wording (code seen in Eucalyptus's AWS-compatibility tests). */
  vpcAssociationNotFound: (id: string) =>
    err('InvalidVpcCidrBlockAssociationID.NotFound', `The vpc CIDR block association ID '${id}' does not exist`),
  /** moto wording (code seen in Eucalyptus's AWS-compatibility tests). */
  subnetAssociationNotFound: (id: string) =>
    err('InvalidSubnetCidrBlockAssociationID.NotFound', `The subnet CIDR block with association ID '${id}' does not exist`),
  /** moto wording. */
  primary: (id: string) =>
    err('OperationNotPermitted', `The vpc CIDR block with association ID ${id} may not be disassociated. It is the primary IPv4 CIDR block of the VPC`),
  inUse: (id: string) =>
    err('DependencyViolation', `The vpc CIDR block with association ID ${id} may not be disassociated. It is in use by one or more subnets.`), // guess
  blockRequired: () =>
    err('MissingParameter', "Either 'cidrBlock', 'amazonProvidedIpv6CidrBlock', 'ipv6Pool', 'ipv4IpamPoolId' or 'ipv6IpamPoolId' should be provided."), // guess
  oneBlock: () => err('InvalidParameterCombination', 'Only one CIDR block can be associated with a VPC per request.'), // guess
  poolNotFound: (pool: string) => err('InvalidPublicIpv6PoolID.NotFound', `The public IPv6 pool ID '${pool}' does not exist`), // guess
  poolRequired: () => err('MissingParameter', 'The request must contain the parameter ipv6Pool'), // guess
  ipamUnsupported: () => err('InvalidParameterValue', 'IPAM pools are not supported by ec2lite.'), // ours
  /** AWS wire (terraform-provider-aws issue 31913). */
  subnetIpv6Range: (cidr: string) => err('InvalidSubnet.Range', `The IPv6 CIDR '${cidr}' is invalid.`),
  /** by analogy with the IPv4 subnet message. */
  subnetIpv6Conflict: (cidr: string) => err('InvalidSubnet.Conflict', `The CIDR '${cidr}' conflicts with another subnet`),
  subnetWithoutIpv6: (subnetId: string) =>
    err('InvalidParameterValue', `The subnet ${subnetId} does not have an IPv6 CIDR block associated with it.`), // guess
  ipv6NotInSubnet: (address: string, subnetId: string) =>
    err('InvalidParameterValue', `Address ${address} does not fall within the IPv6 CIDR block of subnet ${subnetId}.`), // by analogy
  ipv6InUse: (address: string) => err('InvalidIPAddress.InUse', `Address ${address} is in use.`), // AWS's IPv4 form
  ipv6Malformed: (address: string) =>
    err('InvalidParameterValue', `Value (${address}) for parameter ipv6Addresses is invalid. This is not a valid IPv6 address.`), // by analogy
  ipv6Limit: (max: number) =>
    err('InvalidParameterValue', `You can assign a maximum of ${max} IPv6 addresses to this network interface.`), // guess
  ipv6CountAndList: () =>
    err('InvalidParameterCombination', 'You may specify either IPv6 addresses or an IPv6 address count, but not both.'), // guess
  ipv6NotAssigned: (address: string, eniId: string) =>
    err('InvalidParameterValue', `Some of the specified addresses are not assigned to interface ${eniId}`), // by analogy with AWS's IPv4 text
  ipv6SubnetFull: () =>
    err('InsufficientFreeAddressesInSubnet', 'The specified subnet does not have enough free addresses to satisfy the request.'),
  vpcWithoutIpv6: (vpcId: string) =>
    err('InvalidParameterValue', `The VPC ${vpcId} does not have an IPv6 CIDR block associated with it.`), // guess
  subnetHasIpv6: (subnetId: string) =>
    err('InvalidParameterValue', `The subnet ${subnetId} already has an IPv6 CIDR block associated with it.`), // guess
  /** AWS wire (moto's AWS-verified test_create_ipv6native_subnet_without_cidr and _with_ipv4_cidr: checked first). */
  ipv6NativeWithoutIpv6: () => err('MissingParameter', "Either 'ipv6CidrBlock' or 'ipv6IpamPoolId' should be provided."),
  /** AWS wire (moto's AWS-verified test_create_ipv6native_subnet_with_ipv4_and_ipv6_cidr). */
  ipv6NativeWithIpv4: () =>
    err('InvalidParameterCombination', 'When specifying ipv4 parameters, cidrBlock or ipv4IpamPoolId, you cannot set ipv6Native to true.'),
  ipv6NativeLastBlock: (id: string) =>
    err('OperationNotPermitted', `The IPv6 CIDR block with association ID ${id} cannot be disassociated from an IPv6-native subnet.`), // guess
  /** AWS wire (terraform-provider-aws issues 1519, 46017). */
  assignOnCreationSet: (id: string) =>
    err(
      'InvalidCidrBlock.InUse',
      `The subnet IPv6 CIDR block with association ID ${id} may not be disassociated, because its subnet has assign-ipv6-address-on-creation set to true.`,
    ),
  /** AWS wire (terraform-aws-vpc issues 735 and 930, terraform-provider-aws 32410). */
  needsIpv6Block: (attr: string, subnetId: string) =>
    err(
      'InvalidParameterValue',
      `Invalid value 'true' for ${attr}. Cannot set ${attr} to true unless the subnet (${subnetId}) has an IPv6 CIDR block associated with it.`,
    ),
  subnetIpv6InUse: (id: string) =>
    err('DependencyViolation', `The IPv6 CIDR block with association ID ${id} has addresses in use and cannot be disassociated.`), // guess
  ipv4Only: (param: string, value: string) =>
    err('InvalidParameterValue', `Value (${value}) for parameter ${param} is invalid. This is not a valid IPv6 CIDR block.`), // by analogy
  defaultVpcExists: () => err('DefaultVpcAlreadyExists', 'A Default VPC already exists for this account in this region.'), // moto wording
  /** AWS's code (EC2 error code reference); the message is ours. */
  defaultSubnetExists: (zone: string) =>
    err('DefaultSubnetAlreadyExistsInAvailabilityZone', `A Default Subnet already exists in availability zone ${zone}.`), // guess
  /** AWS's code (EC2 error code reference); the message is ours. */
  noDefaultVpcForSubnet: () => err('DefaultVpcDoesNotExist', 'No default VPC exists for this account in this region.'), // AWS (CreateDefaultSubnet, Terraform output quoted in a public config)
  defaultVpcFull: (vpcId: string) =>
    err('InsufficientFreeAddressesInSubnet', `The default VPC ${vpcId} has no free /20 block left for a default subnet.`), // guess
  /** Eucalyptus's AWS-compatibility tests: an unknown egress-only gateway is InvalidGatewayID.NotFound. */
  egressGatewayNotFound: (id: string) => err('InvalidGatewayID.NotFound', `The eigw ID '${id}' does not exist`), // moto wording
});

/**
 * EBS volumes and block device mappings. AWS wire where quoted: the device-name and device-in-use texts
 * (kubernetes, rexray, nanovms issues), "is in the 'available' state" (aws-ebs-csi-driver #1801), the snapshot-size
 * text with its double space (scylladb #6999, openshift origin-ci-tool #153), the iops texts (terraforming #266,
 * velero-plugin-for-aws #119).
 */
export const VolumeErrors = echoSafe({
  /** AWS: "Value (/dev/sdk1) for parameter device is invalid. /dev/sdk1 is not a valid EBS device name." */
  deviceName: (device: string) =>
    err('InvalidParameterValue', `Value (${device}) for parameter device is invalid. ${device} is not a valid EBS device name.`),
  /** AWS: "Invalid value '/dev/sdf' for unixDevice. Attachment point /dev/sdf is already in use" */
  deviceInUse: (device: string) =>
    err('InvalidParameterValue', `Invalid value '${device}' for unixDevice. Attachment point ${device} is already in use`),
  /** AWS: "vol-… is already attached to an instance" */
  alreadyAttached: (volumeId: string) => err('VolumeInUse', `${volumeId} is already attached to an instance`),
  /** AWS: "Volume vol-… is currently attached to i-…" */
  deleteAttached: (volumeId: string, instanceId: string) => err('VolumeInUse', `Volume ${volumeId} is currently attached to ${instanceId}`),
  /** AWS: "Volume 'vol-…' is in the 'available' state." */
  state: (volumeId: string, state: string) => err('IncorrectState', `Volume '${volumeId}' is in the '${state}' state.`),
  zoneMismatch: (volumeId: string, instanceId: string) =>
    err('InvalidVolume.ZoneMismatch', `The volume '${volumeId}' is not in the same availability zone as instance '${instanceId}'`), // AWS (Terraform and Kubernetes output quoted in public docs)
  instanceState: (instanceId: string) => err('IncorrectState', `Instance '${instanceId}' is not 'running' or 'stopped'.`), // by analogy (ENI attach)
  detachRoot: (volumeId: string, instanceId: string) =>
    err('IncorrectState', `Unable to detach root volume '${volumeId}' from instance '${instanceId}'`), // AWS (Terraform output quoted in a public issue write-up)
  notAttachedTo: (volumeId: string, instanceId: string) =>
    err('InvalidAttachment.NotFound', `Volume ${volumeId} can not be detached from ${instanceId} because it is not attached`), // moto wording
  notAttachedAs: (volumeId: string, instanceId: string, device: string) =>
    err('InvalidAttachment.NotFound', `The volume ${volumeId} is not attached to instance ${instanceId} as device ${device}`), // moto wording
  multiAttachNeedsInstance: (volumeId: string) =>
    err('InvalidParameterCombination', `The volume ${volumeId} is attached to more than one instance. Specify the instance to detach it from.`), // guess
  multiAttachLimit: (volumeId: string) =>
    err('VolumeInUse', `${volumeId} is already attached to the maximum number of instances`), // guess
  multiAttachType: (type: string) =>
    err('InvalidParameterCombination', `Multi-Attach is not supported for ${type} volumes.`), // guess
  sizeOrSnapshot: () => err('MissingParameter', 'The request must contain the parameter size/snapshot'), // AWS (CreateVolume, quoted in a RightScale client's spec notes)
  /** AWS (Kubernetes e2e fixtures quoting the EBS provisioner's InvalidParameterValue), with its last sentence and no final period. */
  sizeTooSmall: (type: string, size: number, min: number) =>
    err(
      'InvalidParameterValue',
      `The volume size is invalid for ${type} volumes: ${size} GiB. ${type} volumes must be at least ${min} GiB in size. Please specify a volume size above the minimum limit`,
    ),
  sizeTooLarge: (type: string, size: number, max: number) =>
    err('InvalidParameterValue', `Volume of ${size}GiB is too large for ${type}; maximum is ${max}GiB.`), // recalled
  /** AWS (RunInstances): "Volume of size 5GB is smaller than  snapshot 'snap-…', expect size >= 8GB" (sic, two spaces). */
  smallerThanSnapshotAtLaunch: (size: number, snapshotId: string, min: number) =>
    err('InvalidBlockDeviceMapping', `Volume of size ${size}GB is smaller than  snapshot '${snapshotId}', expect size >= ${min}GB`),
  smallerThanSnapshot: (size: number, snapshotId: string, min: number) =>
    err('InvalidParameterValue', `Volume of size ${size}GB is smaller than  snapshot '${snapshotId}', expect size >= ${min}GB`), // by analogy
  /** AWS: "The parameter iops is not supported for gp2 volumes." */
  iopsNotSupported: (type: string) => err('InvalidParameterCombination', `The parameter iops is not supported for ${type} volumes.`),
  /** AWS: "The parameter iops must be specified for io2 volumes." */
  iopsRequired: (type: string) => err('InvalidParameterCombination', `The parameter iops must be specified for ${type} volumes.`),
  throughputNotSupported: (type: string) =>
    err('InvalidParameterCombination', `The parameter throughput is not supported for ${type} volumes.`), // by analogy
  iopsRange: (type: string, iops: number, min: number, max: number) =>
    err('InvalidParameterValue', `Value (${iops}) for parameter iops is invalid. ${type} volumes support between ${min} and ${max} IOPS.`), // guess
  /** AWS: "Iops to volume size ratio of 266.666667 is too high; maximum is 50" (ministryofjustice/cloud-platform-terraform-monitoring#110, rocicorp/mono#4410). */
  iopsRatio: (ratio: number, max: number) =>
    err('InvalidParameterValue', `Iops to volume size ratio of ${ratio.toFixed(6)} is too high; maximum is ${max}`),
  throughputRange: (throughput: number) =>
    err('InvalidParameterValue', `Value (${throughput}) for parameter throughput is invalid. gp3 volumes support between 125 and 1000 MiB/s.`), // guess
  throughputRatio: (throughput: number, iops: number) =>
    err('InvalidParameterValue', `Throughput (MiBps) to iops ratio of ${(throughput / iops).toFixed(6)} is too high; maximum is 0.250000 MiBps per iops`), // AWS, quoted in runs-on/runs-on#260
  volumeType: (type: string) => err('InvalidParameterValue', `Value (${type}) for parameter volumeType is invalid.`), // guess
  decreaseSize: (size: number, target: number) =>
    err('InvalidParameterValue', 'New size cannot be smaller than existing size'), // AWS (ModifyVolume, CLI and CloudFormation output quoted in public docs)
  modifyNothing: () =>
    err('InvalidParameterCombination', 'At least one of size, volumeType, iops, throughput or multiAttachEnabled must be specified.'), // guess
  modificationInProgress: (volumeId: string) =>
    err('IncorrectModificationState', `Volume ${volumeId} is already being modified.`), // guess
  unknownAttribute: (attr: string) => err('InvalidParameterValue', `Value (${attr}) for parameter attribute is invalid. Unknown attribute.`),
  // Launch-time block device mappings (RunInstances BlockDeviceMapping.N)
  mappingDeviceName: (device: string) => err('InvalidBlockDeviceMapping', `Invalid device name ${device}`), // AWS (CreateFleet error quoted in Karpenter's troubleshooting docs)
  mappingDuplicate: (device: string) =>
    err('InvalidBlockDeviceMapping', `The device '${device}' is used in more than one block-device mapping`), // AWS (quoted in Spot by NetApp's troubleshooting docs)
  mappingNoSize: (device: string) =>
    err('InvalidBlockDeviceMapping', `The device '${device}' must have either a snapshot or a volume size.`), // guess
  mappingRootSuppressed: (device: string) =>
    err('InvalidBlockDeviceMapping', `The device '${device}' is the root device and cannot be suppressed.`), // guess
  /** ModifyInstanceAttribute BlockDeviceMapping naming a device the instance lacks. */
  noDeviceMapped: (device: string) => err('InvalidInstanceAttributeValue', `No device is currently mapped at ${device}`), // recalled
});

export const SnapshotErrors = echoSafe({
  /** AWS: "The snapshot snap-… is currently in use by ami-…" */
  inUse: (snapshotId: string, imageId: string) => err('InvalidSnapshot.InUse', `The snapshot ${snapshotId} is currently in use by ${imageId}`),
  notOwner: (snapshotId: string) =>
    err('UnauthorizedOperation', `You are not authorized to perform this operation on snapshot ${snapshotId}.`, 403), // guess
  group: (group: string) =>
    err('InvalidParameterValue', `Value (${group}) for parameter userGroup is invalid. Only 'all' is supported.`), // guess
  attributeRequired: () => err('MissingParameter', 'The request must contain the parameter attribute'),
  unknownAttribute: (attr: string) => err('InvalidParameterValue', `Value (${attr}) for parameter attribute is invalid. Unknown attribute.`),
  resetAttribute: (attr: string) =>
    err('InvalidParameterValue', `Value (${attr}) for parameter attribute is invalid. Only createVolumePermission can be reset.`), // guess
  operationType: () => err('MissingParameter', 'The request must contain the parameter operationType'), // guess
  encryptedPublic: (snapshotId: string) =>
    err('OperationNotPermitted', `Encrypted snapshots cannot be made public: ${snapshotId}`), // guess
  unknownRegion: (region: string) => err('InvalidParameterValue', `Value (${region}) for parameter sourceRegion is invalid.`), // guess
  descriptionLength: (value: string) =>
    err('InvalidParameterValue', `Value (${value}) for parameter description is invalid. It exceeds 255 characters`),
  instanceHasNoVolumes: (instanceId: string) =>
    err('InvalidParameterValue', `The instance '${instanceId}' has no EBS volumes to snapshot.`), // guess
  /** Snapshots Archive: an operation the snapshot's tier or tiering state does not allow (wording guessed). */
  tierState: (snapshotId: string, why: string) => err('IncorrectState', `The snapshot '${snapshotId}' ${why}.`), // guess
  restoreBothKinds: () =>
    err('InvalidParameterCombination', 'You cannot specify both temporaryRestoreDays and permanentRestore.'), // guess
  restoreDays: (days: number) =>
    err('InvalidParameterValue', `Value (${days}) for parameter temporaryRestoreDays is invalid. Valid values are 1 to 180.`), // guess
});

/** Account-owned images (CreateImage, RegisterImage, CopyImage, DeregisterImage, image attributes). */
export const ImageErrors = echoSafe({
  /** AWS wire (packer, terraform and CI logs): "AMI name x is already in use by AMI ami-…" */
  duplicateName: (name: string, imageId: string) => err('InvalidAMIName.Duplicate', `AMI name ${name} is already in use by AMI ${imageId}`),
  /** The rule of the CreateImage docs (3-128 characters of that set); the text is a guess in AWS's style. */
  malformedName: () =>
    err(
      'InvalidAMIName.Malformed',
      "AMI names must be between 3 and 128 characters long, and may contain letters, numbers, '(', ')', '.', '-', '/' and '_'",
    ), // guess
  /** moto's wording (UnvailableAMIIdError): a known image that cannot be used (pending, or no longer available). */
  unavailable: (imageId: string) => err('InvalidAMIID.Unavailable', `The image id '[${imageId}]' is no longer available`),
  notOwner: (imageId: string) => err('AuthFailure', `Not authorized for image:${imageId}`, 401), // guess
  /** moto's wording (InvalidAMIAttributeItemValueError). */
  attributeItem: (attribute: string, value: string) =>
    err('InvalidAMIAttributeItemValue', `Invalid attribute item value "${value}" for ${attribute} item type.`),
  unsupportedAttribute: (attribute: string) =>
    err('InvalidParameterValue', `Value (${attribute}) for parameter attribute is invalid. Unknown attribute.`),
  resetAttribute: (attribute: string) =>
    err('InvalidParameterValue', `Value (${attribute}) for parameter attribute is invalid. Only launchPermission can be reset.`), // guess
  operationType: () => err('MissingParameter', 'The request must contain the parameter operationType'), // guess
  /** RegisterImage with neither an S3 manifest nor a root snapshot. */
  noRootSnapshot: () =>
    err('InvalidParameterCombination', 'Either ImageLocation or a BlockDeviceMapping with a snapshot for the root device must be given.'), // guess
  instanceStore: () => err('UnsupportedOperation', 'Registering instance store-backed images from an S3 manifest is not supported.'), // ours
  rootDeviceName: (device: string) => err('InvalidBlockDeviceMapping', `The root device name ${device} has no EBS block device mapping with a snapshot.`), // guess
  instanceState: (instanceId: string, state: string) =>
    err('IncorrectInstanceState', `The instance '${instanceId}' is not in a state from which it can be imaged (${state}).`), // guess
  protected: (imageId: string) =>
    err('InvalidParameterValue', `Image ${imageId} has deregistration protection enabled.`), // guess
  deprecationInPast: (at: string) => err('InvalidParameterValue', `The deprecation time ${at} must be in the future.`), // guess (AWS: "You can't specify a date in the past")
});

/**
 * NAT gateways. AWS checks the request at once (these errors) but finds most problems later, asynchronously: the
 * gateway goes `failed` with a FailureCode / FailureMessage (`NatGatewayFailures`).
 */
export const NatGatewayErrors = echoSafe({
  /** AWS (aws-controllers-k8s ec2-controller e2e test_nat_gateway: a public gateway without AllocationId). */
  allocationRequired: () =>
    err('MissingParameter', 'The request must include the AllocationId parameter. Add the required parameter and retry the request.'),
  subnetRequired: () =>
    err('MissingParameter', 'The request must include the SubnetId parameter. Add the required parameter and retry the request.'), // by analogy
  privateWithAllocation: () =>
    err('InvalidParameterCombination', 'Elastic IP addresses cannot be associated with a private NAT gateway.'), // guess
  secondaryAllocationsUnsupported: () =>
    err('InvalidParameterValue', 'Secondary Elastic IP addresses are not supported by ec2lite.'), // ec2lite's own
  regionalUnsupported: () => err('InvalidParameterValue', 'Regional NAT gateways are not supported by ec2lite.'), // ec2lite's own
  /**
   * AWS, for what a service manages on the user's behalf: the Elastic IP of a NAT gateway (DisassociateAddress,
   * ReleaseAddress, AssociateAddress onto its interface: terraform-provider-aws issue 3572, "status code: 400"),
   * the security groups of its interface (terraform issue 9625). Other changes to its interface: by analogy.
   */
  managed: () => err('AuthFailure', 'You do not have permission to access the specified resource.'),
});

/** Placement groups (docs/behavior.md "Placement groups"). */
export const PlacementGroupErrors = echoSafe({
  /** Seen on the wire (FDio/csit, cybertronai/ncluster issues). */
  duplicate: (name: string) => err('InvalidPlacementGroup.Duplicate', `The placement group '${name}' already exists.`),
  /** Seen on the wire (bcbio-nextgen-vm issue 37), for names; ids read the same way (guess). */
  unknown: (name: string) => err('InvalidPlacementGroup.Unknown', `The Placement Group '${name}' is unknown.`),
  idNotFound: (id: string) => err('InvalidPlacementGroup.Unknown', `The Placement Group '${id}' is unknown.`),
  inUse: (name: string) => err('InvalidPlacementGroup.InUse', `The placement group '${name}' is in use and may not be deleted.`), // AWS (Terraform destroy output quoted in public configs)
  /** Seen on the wire (terraform issue 16183, bcbio-nextgen-vm issue 45). */
  otherZone: (name: string, zone: string) =>
    err('InvalidPlacementGroup.InUse', `The placement group '${name}' is in use in another availability zone: ${zone}`),
  strategy: (value: string) => err('InvalidParameterValue', `Value (${value}) for parameter strategy is invalid. Unknown placement group strategy.`), // guess
  partitionCount: (value: number) =>
    err('InvalidParameterValue', `Value (${value}) for parameter partitionCount is invalid. The partition count must be between 1 and 7.`), // guess
  partitionCountStrategy: () =>
    err('InvalidParameterCombination', 'The partitionCount parameter can only be specified for a partition placement group.'), // guess
  spreadLevelStrategy: () => err('InvalidParameterCombination', 'The spreadLevel parameter can only be specified for a spread placement group.'), // guess
  partitionNumber: (value: number, count: number) =>
    err('InvalidParameterValue', `Value (${value}) for parameter partitionNumber is invalid. The placement group has ${count} partitions.`), // guess
  partitionNumberStrategy: () =>
    err('InvalidParameterCombination', 'The partitionNumber parameter can only be specified for a partition placement group.'), // guess
  nameAndId: () => err('InvalidParameterCombination', 'You cannot specify both a placement group name and a placement group ID.'), // guess
  /** AWS documents seven running instances per zone in a rack spread group; the code and text are guesses. */
  spreadFull: (name: string, zone: string) =>
    err('InsufficientInstanceCapacity', `A spread placement group can have at most 7 running instances per Availability Zone: '${name}' is full in ${zone}.`),
});

/** Dedicated hosts (docs/behavior.md "Dedicated hosts"). Codes from the EC2 error-code reference. */
export const HostErrors = echoSafe({
  notFound: (id: string) => err('InvalidHostID.NotFound', `The host ID '${id}' does not exist`), // text in the family's form (guess)
  typeOrFamily: () =>
    err('InvalidParameterCombination', 'Either instance type or instance family must be specified, but not both.'), // guess
  family: (family: string) => err('InvalidParameterValue', `Invalid value '${family}' for InstanceFamily.`), // guess
  zoneRequired: () => RequestErrors.missingParameter('availabilityZone'),
  quantity: (n: number) => err('InvalidParameterValue', `Value (${n}) for parameter quantity is invalid. Quantity must be at least 1.`), // guess
  /** RunInstances with Tenancy host and no host that fits. */
  insufficientCapacity: () =>
    err('InsufficientHostCapacity', 'There is no Dedicated Host capacity available to launch the requested instances.'), // guess
  notAvailable: (id: string) => err('IncorrectHostState', `The host '${id}' is not in the available state.`), // guess
  hostZone: (id: string, zone: string) =>
    err('InvalidParameterValue', `Value (${zone}) for parameter availabilityZone is invalid. Host '${id}' is in a different Availability Zone.`), // guess
  hostType: (id: string, type: string) =>
    err('InvalidParameterValue', `The instance type ${type} is not supported by the host ${id}.`), // guess
  hostIdTenancy: () => err('InvalidParameterCombination', 'The parameter hostId can only be used with tenancy host.'), // guess
});

/** ModifyHosts / ReleaseHosts per-host failures: the `Client.` codes AWS returns there (terraform-provider-aws). */
export const HostFailures = {
  notFound: (id: string) => ({ code: 'Client.InvalidHostID.NotFound', message: `The host ID '${shown(id)}' does not exist` }),
  occupied: (id: string) => ({ code: 'Client.InvalidHost.Occupied', message: `The host '${shown(id)}' has running instances and cannot be released.` }), // guess
  released: (id: string) => ({ code: 'Client.InvalidHostState', message: `The host '${shown(id)}' has been released.` }), // guess
  typeWithInstances: (id: string) => ({
    code: 'Client.InvalidHost.Occupied',
    message: `The instance type of host '${shown(id)}' cannot be changed while it has instances.`,
  }), // guess
};

/** Why a NAT gateway went `failed`: AWS's codes and texts (botocore model, NatGateway.FailureMessage). */
export const NatGatewayFailures = {
  subnetFull: () => ({ code: 'InsufficientFreeAddressesInSubnet', message: 'Subnet has insufficient free addresses to create this NAT gateway' }),
  noInternetGateway: (vpcId: string) => ({ code: 'Gateway.NotAttached', message: `Network ${vpcId} has no Internet gateway attached` }),
  /** Seen on the wire with brackets (cluster-api-provider-aws issues 1418, 1752); the model's text has none. */
  addressAssociated: (allocationId: string) => ({
    code: 'Resource.AlreadyAssociated',
    message: `Elastic IP address [${allocationId}] is already associated`,
  }),
  addressGone: (allocationId: string) => ({
    code: 'InvalidAllocationID.NotFound',
    message: `Elastic IP address ${allocationId} could not be associated with this NAT gateway`,
  }),
};

/**
 * VPC peering (docs/behavior.md "VPC peering"). The OperationNotPermitted texts are those moto copied from real AWS
 * answers (moto's cross-region peering change was "tested in real AWS environment"); the rest are marked.
 */
export const PeeringErrors = echoSafe({
  /** moto (from AWS): only the accepter's account may accept or reject. */
  notAccepter: (account: string, id: string, operation: 'accept' | 'reject') =>
    err('OperationNotPermitted', `User (${account}) cannot ${operation} peering ${id}`),
  /** moto (from AWS): a cross-region request is accepted or rejected in the accepter's region. */
  wrongRegion: (region: string, id: string, accepterRegion: string) =>
    err(
      'OperationNotPermitted',
      `Incorrect region (${region}) specified for this request. VPC peering connection ${id} must be accepted or rejected in region ${accepterRegion}`,
    ),
  /** moto's wording. */
  stateTransition: (id: string) =>
    err('InvalidStateTransition', `VpcPeeringConnectionID ${id} is not in the correct state for the request.`),
  /** Code and text of the EC2 error-code reference ("A VPC peering connection between the VPCs already exists."). */
  alreadyExists: () => err('VpcPeeringConnectionAlreadyExists', 'A VPC peering connection between the VPCs already exists.'),
  peerVpcRequired: () =>
    err('MissingParameter', 'The request must include the PeerVpcId parameter. Add the required parameter and retry the request.'), // by analogy
  sameVpc: (vpcId: string) =>
    err('InvalidParameterValue', `The requester VPC ${vpcId} and the accepter VPC cannot be the same.`), // guess
  badRegion: (region: string) => err('InvalidParameterValue', `Invalid value '${region}' for peerRegion. The region does not exist.`), // guess
  badOwner: (owner: string) => err('InvalidParameterValue', `Invalid value '${owner}' for peerOwnerId.`), // guess
  /** The options of one side are changed by that side's account, in that side's region (AWS docs). */
  notOptionsOwner: (account: string, id: string, side: 'requester' | 'accepter') =>
    err('OperationNotPermitted', `User ${account} does not have permission to modify the ${side} side peering options`), // AWS, quoted in hashicorp/terraform-provider-aws#582 and #31068 (names no peering)
  /** EC2-Classic is retired: the ClassicLink options can no longer be set. */
  classicLinkOption: (option: string) =>
    err('InvalidParameterValue', `The ${option} option is only available for EC2-Classic, which is no longer supported.`), // guess
  noOptions: () =>
    err('MissingParameter', 'The request must contain the parameter AccepterPeeringConnectionOptions or RequesterPeeringConnectionOptions'), // guess
  /** AWS docs (ModifyVpcPeeringConnectionOptions): the connection must be active. */
  optionsNotActive: (id: string) =>
    err('OperationNotPermitted', `Peering ${id} is not active. Peering options can be added only to active peerings.`), // AWS, quoted in grem11n/terraform-aws-vpc-peering#21
  /** A route through a peering must be in the table's VPC's side of it. */
  routeDifferentNetworks: (rtb: string, pcx: string) =>
    err('InvalidParameterValue', `route table ${rtb} and VPC peering connection ${pcx} belong to different networks`), // by analogy
  /**
   * AWS since "more specific routing" (2019): a destination equal to or inside one of the VPC's CIDR blocks may
   * only go to an interface, an instance or a NAT gateway, not to a gateway or a peering.
   */
  /** AWS (CreateRoute to a peering inside the VPC's range), quoted in hashicorp/terraform#26018; names no CIDR. */
  routeMoreSpecific: (cidr: string) =>
    err('InvalidParameterValue', 'Route target is not supported. This route only supports interface and instance targets.'),
});

/** A peering connection's status message per code (AWS's texts as the CLI and docs show them). */
export const PeeringStatus = {
  initiating: (accepter: string) => `Initiating Request to ${accepter}`,
  pending: (accepter: string) => `Pending Acceptance by ${accepter}`,
  active: () => 'Active',
  rejected: (by: string) => `Rejected by ${by}`, // guess: moto answers "Inactive"
  deleted: (by: string) => `Deleted by ${by}`,
  /** What AWS says when the peer VPC is missing, another account's owner id is wrong, or the CIDRs overlap. */
  failed: () => 'Failed due to incorrect VPC-ID, Account ID, or overlapping CIDR range.',
};

/**
 * VPN gateways, customer gateways and VPN connections (docs/behavior.md "VPN gateways and connections").
 * Sources: terraform-provider-aws issues and sweepers quoting AWS (attach to a VPC that has one, delete in use,
 * detach without an attachment); the rest marked guess.
 */
export const VpnErrors = echoSafe({
  vpnGatewayNotFound: (id: string) => err('InvalidVpnGatewayID.NotFound', `The vpnGateway ID '${id}' does not exist`), // moto: "virtual private gateway ID"; the noun by AWS's family form
  customerGatewayNotFound: (id: string) => err('InvalidCustomerGatewayID.NotFound', `The customerGateway ID '${id}' does not exist`),
  vpnConnectionNotFound: (id: string) => err('InvalidVpnConnectionID.NotFound', `The vpnConnection ID '${id}' does not exist`),
  /** A transit gateway id: ec2lite serves no transit gateways yet, so none exists. */
  transitGatewayNotFound: (id: string) => err('InvalidTransitGatewayID.NotFound', `The transitGateway ID '${id}' does not exist`),
  /** AWS (terraform-provider-aws sweeper #9650). */
  attachmentNotFound: (vgwId: string, vpcId: string) =>
    err('InvalidVpnGatewayAttachment.NotFound', `The attachment with vpn gateway ID '${vgwId}' and vpc ID '${vpcId}' does not exist`),
  /** AWS (cloudposse/terraform-aws-vpn-connection #22): the VPC already has a gateway. */
  vpcHasGateway: (vpcId: string) => err('InvalidVpcState', `VPC ${vpcId} is currently attached to the Virtual Private Gateway.`),
  /** The gateway is attached to another VPC (one at a time). */
  gatewayAttached: (vgwId: string) => err('VpnGatewayAttachmentLimitExceeded', `The VPN gateway ${vgwId} is already attached to a VPC.`), // guess (code from the EC2 error-code reference)
  /** AWS (terraform-provider-aws #5831). */
  gatewayInUse: () => err('IncorrectState', 'The VPN gateway is in use.'),
  gatewayDeleted: (vgwId: string) => err('IncorrectState', `The VPN gateway ${vgwId} is not available.`), // guess
  customerGatewayInUse: (cgwId: string) => err('IncorrectState', `The customer gateway ${cgwId} is in use.`), // guess
  invalidAsn: (asn: number) => err('InvalidParameterValue', `The ASN ${asn} is not valid for an Amazon side ASN.`), // guess
  invalidBgpAsn: (asn: number) => err('InvalidParameterValue', `Value (${asn}) for parameter BgpAsn is invalid.`), // guess
  invalidType: (param: string, type: string) => err('InvalidParameterValue', `Value (${type}) for parameter ${param} is invalid.`),
  invalidIp: (ip: string) => err('InvalidParameterValue', `Value (${ip}) for parameter ipAddress is invalid.`), // guess
  ipRequired: () => err('MissingParameter', 'The request must contain the parameter ipAddress'), // guess
  gatewayRequired: () => err('MissingParameter', 'The request must contain either a VPN gateway ID or a transit gateway ID.'), // guess
  /** AWS wire (moto's AWS-verified test_create_vpn_connection_to_both_vpn_gateway_and_transit_gateway). */
  bothGateways: () => err('InvalidParameterValue', 'The request must not contain both parameter vpnGatewayId and transitGatewayId'),
  routeExists: (cidr: string, id: string) => err('InvalidParameterValue', `The route ${cidr} already exists for VPN connection ${id}.`), // guess
  routeNotFound: (cidr: string, id: string) => err('InvalidRoute.NotFound', `The route ${cidr} does not exist for VPN connection ${id}.`), // guess
  connectionNotAvailable: (id: string) => err('IncorrectState', `The VPN connection ${id} is not available.`), // guess
  propagationVpc: (vgwId: string, vpcId: string) =>
    err('Gateway.NotAttached', `resource ${vgwId} is not attached to network ${vpcId}`), // by analogy with the internet gateway's
});

/**
 * Carrier gateways belong to Wavelength Zones (docs/behavior.md "Carrier gateways"): created only once the account
 * has opted in to a Wavelength Zone group of the Region. The wordings are guesses: no public capture of these answers.
 */
export const CarrierGatewayErrors = echoSafe({
  unsupported: () => err('UnsupportedOperation', 'Carrier gateways are only supported in Regions with Wavelength Zones.'), // guess
  notOptedIn: () =>
    err('OptInRequired', 'You must opt in to a Wavelength Zone group of this Region before you can create a carrier gateway.'), // guess
  notFound: (id: string) => err('InvalidCarrierGatewayID.NotFound', `The carrierGateway ID '${id}' does not exist`), // by the family form
  routeDifferentVpc: (tableId: string, id: string) =>
    err('InvalidParameterValue', `route table ${tableId} and network gateway ${id} belong to different networks`), // as the internet gateway's
  routeNoWavelengthSubnet: (vpcId: string) =>
    err('InvalidParameterValue', `You can only use a carrier gateway as a route target when the VPC ${vpcId} has a subnet in a Wavelength Zone.`), // guess
  notAvailable: (id: string) => err('IncorrectState', `The carrier gateway ${id} is not available.`), // guess
});

/**
 * ModifyAvailabilityZoneGroup (docs/behavior.md "Availability Zones, Local Zones and Wavelength Zones"). AWS
 * documents that opting out goes through AWS Support; the wordings are guesses.
 */
export const ZoneGroupErrors = echoSafe({
  unknownGroup: (group: string) => err('InvalidParameterValue', `The zone group '${group}' does not exist in this Region.`), // guess
  optOut: () =>
    err('InvalidParameterValue', 'You cannot opt out of a Local Zone or Wavelength Zone group. Contact AWS Support to opt out.'), // guess
  optInNotRequired: (group: string) => err('InvalidParameterValue', `The zone group '${group}' does not require opting in.`), // guess
});

/**
 * Traffic mirroring (docs/behavior.md "Traffic mirroring"). Codes as terraform-provider-aws and boto3 users catch
 * them (InvalidTrafficMirror{Target,Session,Filter,FilterRule}Id.NotFound); the texts follow AWS's family form
 * (guess: no public capture).
 */
export const TrafficMirrorErrors = echoSafe({
  targetNotFound: (id: string) => err('InvalidTrafficMirrorTargetId.NotFound', `The traffic mirror target ID '${id}' does not exist`), // guess
  filterNotFound: (id: string) => err('InvalidTrafficMirrorFilterId.NotFound', `The traffic mirror filter ID '${id}' does not exist`), // guess
  ruleNotFound: (id: string) => err('InvalidTrafficMirrorFilterRuleId.NotFound', `The traffic mirror filter rule ID '${id}' does not exist`), // guess
  sessionNotFound: (id: string) => err('InvalidTrafficMirrorSessionId.NotFound', `The traffic mirror session ID '${id}' does not exist`), // guess
  oneTarget: () =>
    err('InvalidParameterCombination', 'Exactly one of NetworkInterfaceId, NetworkLoadBalancerArn or GatewayLoadBalancerEndpointId must be specified.'), // guess
  interfaceIsTarget: (eniId: string) => err('InvalidParameterValue', `The network interface ${eniId} is already a traffic mirror target.`), // guess
  invalidArn: (arn: string) => err('InvalidParameterValue', `Value (${arn}) for parameter NetworkLoadBalancerArn is invalid.`), // guess
  targetInUse: (id: string) => err('DependencyViolation', `The traffic mirror target ${id} is in use by one or more sessions.`), // guess
  filterInUse: (id: string) => err('DependencyViolation', `The traffic mirror filter ${id} is in use by one or more sessions.`), // guess
  ruleExists: (number: number, direction: string) =>
    err('InvalidParameterValue', `A ${direction} rule with rule number ${number} already exists in this traffic mirror filter.`), // guess
  ruleNumber: (n: number) => err('InvalidParameterValue', `Value (${n}) for parameter ruleNumber is invalid. Valid values are between 1 and 32766.`), // guess
  protocol: (p: number) => err('InvalidParameterValue', `Value (${p}) for parameter protocol is invalid.`), // guess
  portRange: (param: string) => err('InvalidParameterValue', `The ${param} is invalid.`), // guess
  portsNeedProtocol: () => err('InvalidParameterCombination', 'Port ranges can only be specified for the TCP and UDP protocols.'), // guess
  sessionNumber: (n: number) => err('InvalidParameterValue', `Value (${n}) for parameter sessionNumber is invalid. Valid values are between 1 and 32766.`), // guess
  sessionNumberTaken: (n: number, eniId: string) =>
    err('InvalidParameterValue', `Session number ${n} is already in use for network interface ${eniId}.`), // guess
  virtualNetworkId: (n: number) => err('InvalidParameterValue', `Value (${n}) for parameter virtualNetworkId is invalid.`), // guess
  packetLength: (n: number) => err('InvalidParameterValue', `Value (${n}) for parameter packetLength is invalid.`), // guess
  sourceIsTarget: () => err('InvalidParameterValue', 'The source and the target of a traffic mirror session cannot be the same network interface.'), // guess
});

/**
 * EC2 Fleets and Spot Instance requests (docs/behavior.md "Fleets and spot"). DeleteFleets answers per fleet
 * (`DeleteFleetErrors`, codes and texts from the EC2 User Guide "Delete an EC2 Fleet").
 */
export const FleetErrors = echoSafe({
  /** guess: AWS's code for an unknown fleet in DescribeFleets / ModifyFleet, wording in the NotFound family. */
  notFound: (id: string) => err('InvalidFleetId.NotFound', `The fleet ID '${id}' does not exist`),
  /** AWS wire (boto3 issue 4005). */
  instantNoInstances: (id: string) =>
    err('Unsupported', `Fleet ${id} is instant fleet. Describe fleet instances is not supported by this type of fleet`),
  /** guess: by analogy with the DescribeFleetInstances answer. */
  instantNoModify: (id: string) => err('Unsupported', `Fleet ${id} is instant fleet. Modify fleet is not supported by this type of fleet`),
  /** guess */
  notModifiable: (id: string, state: string) => err('IncorrectState', `The fleet ${id} is in state ${state} and cannot be modified`),
  /** guess: AWS requires LaunchTemplateConfigs; "lt-" or name must be given. */
  noTemplate: () => err('InvalidParameterValue', 'A launch template ID or name must be specified in LaunchTemplateSpecification'),
  /** guess */
  capacitySplit: (total: number, onDemand: number, spot: number) =>
    err(
      'InvalidParameterValue',
      `The sum of OnDemandTargetCapacity (${onDemand}) and SpotTargetCapacity (${spot}) exceeds TotalTargetCapacity (${total})`,
    ),
  /**
   * guess (code and text): a TotalTargetCapacity above AWS's documented quota "target capacity per EC2 Fleet or Spot
   * Fleet: 10,000" (EC2 User Guide, fleet quotas); no capture of AWS's answer was found.
   */
  targetCapacityQuota: (target: number, max: number) =>
    err('InvalidParameterValue', `TotalTargetCapacity (${target}) exceeds the maximum target capacity per EC2 Fleet (${max}).`),
  /** guess */
  badWeight: (w: number) => err('InvalidParameterValue', `Value (${w}) for parameter WeightedCapacity is invalid. It must be greater than 0.`),
});

export const DeleteFleetErrors = {
  notFound: (id: string) => ({ Code: 'fleetIdDoesNotExist', Message: `The fleet ID '${shown(id)}' does not exist` }), // guess (text)
  malformed: (id: string) => ({ Code: 'fleetIdMalformed', Message: `Invalid id: "${shown(id)}" (expecting "fleet-...")` }), // guess (text)
  notDeletable: (id: string) => ({ Code: 'fleetNotInDeletableState', Message: `The fleet ${shown(id)} is not in a deletable state` }), // guess (text)
  /** AWS docs, verbatim. */
  noTerminateInstant: () => ({ Code: 'NoTerminateInstancesNotSupported', Message: 'NoTerminateInstances option is not supported for instant fleet' }),
  /** AWS docs, verbatim. */
  tooManyInstant: () => ({ Code: 'ExceededInstantFleetNumForDeletion', Message: 'Can’t delete more than 25 instant fleets in a single request.' }),
};

export const SpotErrors = echoSafe({
  /** AWS wire (aws-sdk-java mocks and clients quote "The spot instance request ID 'sir-…' does not exist"). */
  notFound: (id: string) => err('InvalidSpotInstanceRequestID.NotFound', `The spot instance request ID '${id}' does not exist`),
  /** Code from the EC2 error reference; text in the family's form (guess). */
  malformed: (id: string) => err('InvalidSpotInstanceRequestID.Malformed', `Invalid id: "${id}" (expecting "sir-...")`),
  /** guess */
  missingLaunchSpecification: () => err('MissingParameter', 'The request must contain the parameter LaunchSpecification'),
  /** guess: InstanceCount below 1. */
  instanceCount: (n: number) => err('InvalidParameterValue', `Value (${n}) for parameter instanceCount is invalid. Must be a positive integer.`),
  /** guess */
  /** SpotMarketOptions: "persistent Spot Instance requests are only supported when the instance interruption behavior is either hibernate or stop" (AWS's API reference; the text is ours). */
  persistentTerminate: () =>
    err('InvalidParameterCombination', 'A persistent Spot Instance request needs the instance interruption behavior stop or hibernate.'),
  spotPrice: (v: string) => err('InvalidParameterValue', `Value (${v}) for parameter spotPrice is invalid. It must be a positive number.`),
});

/**
 * Spot Fleet requests (docs/behavior.md "Spot Fleet requests"). Codes from the EC2 error reference
 * (InvalidSpotFleetRequestId.NotFound / .Malformed, InvalidSpotFleetRequestConfig) and the model's
 * CancelBatchErrorCode enum; AWS's texts for the configuration checks are in the "Parameter: … is invalid." form
 * (recalled), the others guesses in the families' usual form.
 */
export const SpotFleetErrors = echoSafe({
  /** guess: the text, in the NotFound family's form (the code is AWS's, clients branch on it). */
  notFound: (id: string) => err('InvalidSpotFleetRequestId.NotFound', `The spot fleet request ID '${id}' does not exist`),
  /** guess: the text, in the Malformed family's form. */
  malformed: (id: string) => err('InvalidSpotFleetRequestId.Malformed', `Invalid id: "${id}" (expecting "sfr-...")`),
  /** recalled: AWS names the member of the config that is wrong. */
  invalidConfig: (member: string) => err('InvalidSpotFleetRequestConfig', `Parameter: SpotFleetRequestConfig.${member} is invalid.`),
  /** guess */
  noLaunchSpecs: () =>
    err('InvalidSpotFleetRequestConfig', 'Either LaunchSpecifications or LaunchTemplateConfigs must be specified in SpotFleetRequestConfig.'),
  /** guess */
  bothLaunchSpecs: () =>
    err('InvalidSpotFleetRequestConfig', 'LaunchSpecifications and LaunchTemplateConfigs cannot both be specified in SpotFleetRequestConfig.'),
  /** guess: the EC2 User Guide says Spot Fleet does not use the instant type. */
  instantType: () => err('InvalidSpotFleetRequestConfig', 'Spot Fleet does not support the instant request type. Use CreateFleet instead.'),
  /**
   * guess (code and text): a TargetCapacity above AWS's documented quota "target capacity per Spot Fleet or EC2
   * Fleet: 10,000" (EC2 User Guide, fleet quotas); no capture of AWS's answer was found.
   */
  targetCapacityQuota: (target: number, max: number) =>
    err('InvalidSpotFleetRequestConfig', `TargetCapacity (${target}) exceeds the maximum target capacity per Spot Fleet (${max}).`),
  /** guess */
  onDemandAboveTarget: (onDemand: number, target: number) =>
    err('InvalidSpotFleetRequestConfig', `OnDemandTargetCapacity (${onDemand}) cannot be greater than TargetCapacity (${target}).`),
  /** guess */
  validUntil: () => err('InvalidSpotFleetRequestConfig', 'Parameter: SpotFleetRequestConfig.ValidUntil must be later than ValidFrom and the current time.'),
  /** guess: ModifySpotFleetRequest of a `request` fleet (the User Guide: only `maintain` requests can be modified). */
  notMaintain: (id: string) => err('InvalidSpotFleetRequestConfig', `The spot fleet request ${id} is of type request and cannot be modified. Only requests of type maintain can be modified.`),
  /** guess */
  notModifiable: (id: string, state: string) => err('IncorrectState', `The spot fleet request ${id} is in state ${state} and cannot be modified`),
  /** guess: the parser's enum wording (the policy is matched in any case, as AWS takes `Default`). */
  excessPolicy: (v: string) => err('InvalidParameterValue', `Value (${v}) for parameter ExcessCapacityTerminationPolicy is invalid. Valid values: noTermination, default.`),
  /** guess */
  negativeCapacity: (member: string, v: number) => err('InvalidParameterValue', `Value (${v}) for parameter ${member} is invalid. It must be 0 or greater.`),
});

/** CancelSpotFleetRequests' per-request failures: codes from the model's CancelBatchErrorCode; texts guesses. */
export const CancelSpotFleetErrors = {
  notFound: (id: string) => ({ Code: 'fleetRequestIdDoesNotExist', Message: `The spot fleet request ID '${shown(id)}' does not exist` }),
  malformed: (id: string) => ({ Code: 'fleetRequestIdMalformed', Message: `Invalid id: "${shown(id)}" (expecting "sfr-...")` }),
  notCancellable: (id: string, state: string) => ({
    Code: 'fleetRequestNotInCancellableState',
    Message: `The spot fleet request ${shown(id)} is in state ${state} and cannot be cancelled`,
  }),
};

/** GetConsoleScreenshot. */
export const ConsoleErrors = echoSafe({
  /** guess: AWS documents screenshots of running instances only; the code is the instance-state family's. */
  screenshotNotRunning: (id: string) =>
    err('IncorrectInstanceState', `The instance '${id}' is not in the 'running' state, so a screenshot cannot be taken.`),
});

/**
 * Transit gateways (docs/behavior.md "Transit gateways"). AWS's texts where public captures exist (cited), the
 * rest in the same family's form and marked.
 */
export const TransitGatewayErrors = echoSafe({
  /** AWS (terraform-provider-aws issues, DescribeTransitGateways / CreateTransitGatewayVpcAttachment). */
  notFound: (id: string) => err('InvalidTransitGatewayID.NotFound', `Transit Gateway ${id} was deleted or does not exist.`),
  /** AWS (rebuy-de/aws-nuke issue 961): "Transit Gateway VPC Attachment tgw-attach-… was deleted or does not exist." */
  vpcAttachmentNotFound: (id: string) =>
    err('InvalidTransitGatewayAttachmentID.NotFound', `Transit Gateway VPC Attachment ${id} was deleted or does not exist.`),
  attachmentNotFound: (id: string) =>
    err('InvalidTransitGatewayAttachmentID.NotFound', `Transit Gateway Attachment ${id} was deleted or does not exist.`), // by analogy
  routeTableNotFound: (id: string) =>
    err('InvalidRouteTableID.NotFound', `Transit Gateway Route Table ${id} was deleted or does not exist.`), // by analogy
  /** AWS (terraform-provider-aws issue 7196): DeleteTransitGateway with live attachments. */
  hasAttachments: (tgw: string, attachments: readonly string[]) =>
    err('IncorrectState', `${tgw} has non-deleted Transit Gateway Attachments: ${attachments.join(', ')}.`),
  invalidState: (id: string) => err('IncorrectState', `${id} is in invalid state`), // guess
  /** AWS: a second attachment of one gateway to one VPC. */
  duplicateAttachment: (tgw: string) =>
    err('DuplicateTransitGatewayAttachment', `${tgw} has non-deleted Transit Gateway Attachments with same VPC ID.`),
  /** AWS: "Duplicate Subnets for same AZ" (zoitech/terraform-aws-network#46). */
  duplicateZone: () => err('DuplicateSubnetsInSameZone', 'Duplicate Subnets for same AZ'),
  subnetNotInVpc: (subnet: string, vpc: string) =>
    err('InvalidParameterValue', `Subnet ${subnet} does not belong to VPC ${vpc}.`), // guess
  subnetNotAttached: (subnet: string, attachment: string) =>
    err('InvalidParameterValue', `Subnet ${subnet} is not part of Transit Gateway Attachment ${attachment}.`), // guess
  subnetAlreadyAttached: (subnet: string, attachment: string) =>
    err('InvalidParameterValue', `Subnet ${subnet} is already part of Transit Gateway Attachment ${attachment}.`), // guess
  lastSubnet: () => err('InvalidParameterValue', 'A Transit Gateway VPC Attachment must have at least one subnet.'), // guess
  differentGateway: (attachment: string, table: string) =>
    err('InvalidParameterValue', `Transit Gateway Attachment ${attachment} and Transit Gateway Route Table ${table} belong to different Transit Gateways.`), // guess
  /** AWS answers Resource.AlreadyAssociated for an attachment that already has a route table. */
  alreadyAssociated: (attachment: string) =>
    err('Resource.AlreadyAssociated', `Transit Gateway Attachment ${attachment} is already associated to a route table.`), // AWS (Terraform output quoted in a public repo)
  notAssociated: (attachment: string, table: string) =>
    err('InvalidAssociation.NotFound', `Transit Gateway Attachment ${attachment} is not associated with route table ${table}.`), // guess
  propagationExists: (attachment: string, table: string) =>
    err('TransitGatewayRouteTablePropagation.Duplicate', `Propagation ${attachment} already exists in Transit Gateway Route Table ${table}.`), // AWS's form as public TGW automation logs and mocks it (quoting of the ids uncertain)
  propagationNotFound: (attachment: string, table: string) =>
    err('TransitGatewayRouteTablePropagation.NotFound', `Propagation of ${attachment} to ${table} is not enabled.`), // guess
  tableInUse: (table: string) => err('IncorrectState', `${table} has associations and cannot be deleted.`), // guess
  /** AWS (ministryofjustice/modernisation-platform PR 4810). */
  routeExists: (cidr: string, table: string) => err('RouteAlreadyExists', `Route ${cidr} already exists in Transit Gateway Route Table ${table}.`),
  routeNotFound: (cidr: string, table: string) =>
    err('InvalidRoute.NotFound', `No route with destination-cidr-block ${cidr} in Transit Gateway Route Table ${table}`), // guess
  routeTarget: () =>
    err('InvalidParameterCombination', 'Exactly one of TransitGatewayAttachmentId or Blackhole must be specified.'), // guess
  asn: (asn: number) => err('InvalidParameterValue', `The ASN ${asn} is not valid.`), // guess
  prefixListReferenceExists: (pl: string, table: string) =>
    err('RouteAlreadyExists', `Prefix list ${pl} is already referenced in Transit Gateway Route Table ${table}.`), // guess (the route family's code)
  prefixListReferenceNotFound: (pl: string, table: string) =>
    err('InvalidRoute.NotFound', `No prefix list reference for ${pl} in Transit Gateway Route Table ${table}`), // guess (the route family's code)
  filtersRequired: () => err('MissingParameter', 'The request must contain the parameter filters'), // guess
});

/**
 * Transit gateway peering attachments (docs/behavior.md "Transit gateway peering"). The wrong-side accept is AWS's
 * (terraform-provider-aws issue 25617: "Cannot accept tgw-attach-… as the source of the peering request."); the
 * delete refusal is AWS's (gruntwork-io/cloud-nuke issue 744); the wrong-state text is AWS's invalidState above
 * (terraform-provider-aws issue 26754). The rest are guesses.
 */
export const TgwPeeringErrors = echoSafe({
  notFound: (id: string) =>
    err('InvalidTransitGatewayAttachmentID.NotFound', `Transit Gateway Peering Attachment ${id} was deleted or does not exist.`), // by analogy
  /** AWS: the requester accepting or rejecting its own request. */
  requesterSide: (operation: 'accept' | 'reject', id: string) =>
    err('InvalidParameterValue', `Cannot ${operation} ${id} as the source of the peering request.`), // reject: by analogy
  sameGateway: (tgw: string) =>
    err('InvalidParameterValue', `The transit gateway ${tgw} cannot be peered with itself.`), // guess
  badAccount: (account: string) => err('InvalidParameterValue', `Invalid value '${account}' for peerAccountId.`), // guess
  badRegion: (region: string) => err('InvalidParameterValue', `Invalid value '${region}' for peerRegion. The region does not exist.`), // guess
  /** A peering attachment carries static routes only (AWS: propagation needs a VPC, VPN or Connect attachment). */
  noPropagation: (id: string) =>
    err('InvalidParameterValue', `Route propagation is not supported for Transit Gateway Peering Attachment ${id}.`), // guess
  /** AWS (gruntwork-io/cloud-nuke issue 744): DeleteTransitGateway with a live cross-region peering. */
  hasPeerings: (tgw: string, attachments: readonly string[], crossRegion: boolean) =>
    err(
      'IncorrectState',
      `${tgw} has non-deleted Transit Gateway ${crossRegion ? 'Cross Region ' : ''}Peering Attachments: ${attachments.join(', ')}.`,
    ), // intra-region wording: by analogy
});

/** A transit gateway peering attachment's status message per state (guesses in the form of VPC peering's). */
export const TgwPeeringStatus = {
  initiatingRequest: (accepter: string) => `Initiating Request to ${accepter}`, // guess
  pendingAcceptance: (accepter: string) => `Pending Acceptance by ${accepter}`, // guess
  pending: () => 'Pending', // guess
  available: () => 'Available', // guess
  rejecting: () => 'Rejecting', // guess
  rejected: () => 'Rejected', // guess
  deleting: () => 'Deleting', // guess
  deleted: () => 'Deleted', // guess
  failed: () => 'Failed: the peer transit gateway does not exist.', // guess
};

/**
 * Managed prefix lists (docs/behavior.md "Managed prefix lists"). Codes: terraform-provider-aws and AWS's
 * error-code list (InvalidPrefixListID.NotFound, PrefixListVersionMismatch, IncorrectState); texts are guesses in
 * EC2's usual forms unless noted.
 */
export const PrefixListErrors = echoSafe({
  notFound: (id: string) => err('InvalidPrefixListID.NotFound', `The prefix list ID '${id}' does not exist`), // guess (NotFound family)
  /** terraform-provider-aws matches "prefix list has the incorrect version number". */
  versionMismatch: () => err('PrefixListVersionMismatch', 'The prefix list has the incorrect version number.'),
  /** terraform-provider-aws matches "in the current state (modify-in-progress)". */
  incorrectState: (id: string, state: string) =>
    err('IncorrectState', `The prefix list ${id} is in the current state (${state}) and cannot be modified.`),
  awsManaged: (id: string) => err('InvalidPrefixListModification', `The prefix list ${id} is managed by AWS and cannot be modified.`), // guess
  inUse: (id: string) => err('InvalidPrefixListModification', `The prefix list ${id} is in use and cannot be deleted.`), // guess
  tooManyEntries: (max: number) =>
    err('PrefixListMaxEntriesExceeded', `The prefix list has more entries than the maximum of ${max} entries.`), // guess
  maxEntriesBelowEntries: (max: number, count: number) =>
    err('InvalidParameterValue', `The maximum number of entries (${max}) cannot be less than the current number of entries (${count}).`), // guess
  addressFamily: (value: string) =>
    err('InvalidParameterValue', `Value (${value}) for parameter addressFamily is invalid. Valid values: IPv4, IPv6.`), // guess
  familyMismatch: (cidr: string, family: string) =>
    err('InvalidParameterValue', `The CIDR ${cidr} does not match the prefix list's address family (${family}).`), // guess
  invalidCidr: (cidr: string) => err('InvalidParameterValue', `Value (${cidr}) for parameter cidr is invalid. This is not a valid CIDR block.`), // guess
  duplicateCidr: (cidr: string) => err('InvalidParameterValue', `The CIDR ${cidr} is specified more than once.`), // guess
  /**
   * AWS's code: terraform-provider-aws (aws_ec2_managed_prefix_list_entry delete) treats InvalidPrefixListModification
   * whose message contains "does not exist." as the entry being gone; the text around that is a guess.
   */
  removeMissing: (cidr: string) => err('InvalidPrefixListModification', `The prefix list entry ${cidr} does not exist.`), // guess (text)
  reservedName: (name: string) =>
    err('InvalidParameterValue', `Value (${name}) for parameter prefixListName is invalid. Names beginning with com.amazonaws are reserved.`), // guess
  versionNotFound: (id: string, version: number) =>
    err('InvalidParameterValue', `The prefix list ${id} has no version ${version}.`), // guess
  routeFamily: (id: string) =>
    err('InvalidParameterValue', `The prefix list ${id} cannot be used as a destination of this route table.`), // guess
});

/**
 * VPC endpoints (docs/behavior.md "VPC endpoints"). Codes: AWS's error-code list and moto
 * (InvalidVpcEndpointId.NotFound, InvalidServiceName, RouteAlreadyExists); texts as noted.
 */
export const VpcEndpointErrors = echoSafe({
  notFound: (id: string) => err('InvalidVpcEndpointId.NotFound', `The Vpc Endpoint Id '${id}' does not exist`), // AWS (quoted in a public incident write-up; moto says "VpcEndPoint ID")
  /** moto's text. */
  serviceNotFound: (name: string) => err('InvalidServiceName', `The Vpc Endpoint Service '${name}' does not exist`),
  serviceNameRequired: () => RequestErrors.missingParameter('serviceName'),
  typeUnsupported: (service: string, type: string) =>
    err('InvalidParameter', `The Vpc Endpoint Service '${service}' does not support endpoint type ${type}.`), // guess
  gatewayWithSubnets: () => err('InvalidParameter', 'Subnet IDs are only supported for Interface and GatewayLoadBalancer type VPC Endpoints.'), // AWS, quoted in nanlabs/terraform-aws-starter#18
  gatewayWithGroups: () => err('InvalidParameter', 'Security group IDs are only supported for Interface type VPC Endpoints.'), // by analogy with AWS's subnet and route-table texts
  interfaceWithRouteTables: () => err('InvalidParameter', 'Route table IDs are only supported for Gateway type VPC Endpoint.'), // AWS, quoted in ansible-collections/amazon.aws#576
  /** AWS, quoted in terraform-aws-modules/terraform-aws-vpc#583 and #451: names the subnet being added. */
  sameZone: (subnet: string) =>
    err(
      'DuplicateSubnetsInSameZone',
      `Found another VPC endpoint subnet in the availability zone of ${subnet}. VPC endpoint subnets should be in different availability zones supported by the VPC endpoint service.`,
    ),
  subnetNotInVpc: (subnet: string, vpc: string) => err('InvalidParameter', `The subnet ${subnet} does not belong to the VPC ${vpc}.`), // guess
  tableNotInVpc: (rtb: string, vpc: string) => err('InvalidParameter', `The route table ${rtb} does not belong to the VPC ${vpc}.`), // guess
  groupNotInVpc: (sg: string, vpc: string) => err('InvalidParameter', `The security group ${sg} does not belong to the VPC ${vpc}.`), // guess
  /** The route the endpoint needs is taken (moto's RouteAlreadyExists form). */
  routeConflict: (rtb: string, pl: string) => err('RouteAlreadyExists', `route table ${rtb} already has a route with destination-prefix-list-id ${pl}`),
  /** AWS (CloudFormation/CDK output quoted in public repos): names the domain and the VPC. */
  privateDnsConflict: (name: string, vpc: string) =>
    err('InvalidParameter', `private-dns-enabled cannot be set because there is already a conflicting DNS domain for ${name} in the VPC ${vpc}`),
  privateDnsNeedsVpcDns: (vpc: string) =>
    err('InvalidParameter', `Enabling private DNS requires both enableDnsSupport and enableDnsHostnames VPC attributes set to true for ${vpc}`), // AWS (console/API text quoted in public write-ups)
  managedRoute: (pl: string, rtb: string) =>
    err('InvalidParameterValue', `The route to ${pl} in ${rtb} is managed by a VPC endpoint and cannot be changed.`), // guess
  subnetFull: (subnet: string) => err('InsufficientFreeAddressesInSubnet', `Subnet ${subnet} has no free addresses for the endpoint's network interface.`), // guess
  vpcDependency: (vpc: string) => err('DependencyViolation', `The vpc '${vpc}' has dependencies and cannot be deleted.`),
});

/** VPC endpoint services, permissions, connections, notifications (docs/behavior.md "VPC endpoint services"). */
export const EndpointServiceErrors = echoSafe({
  /** AWS wire (quoted in rebuy-de/aws-nuke#1258). */
  notFound: (id: string) => err('InvalidVpcEndpointServiceId.NotFound', `The VpcEndpointService Id '${id}' does not exist`),
  /** The per-item code of DeleteVpcEndpointServiceConfigurations (as openshift/hypershift handles it); text as above. */
  deleteNotFound: (id: string) => err('InvalidVpcEndpointService.NotFound', `The VpcEndpointService Id '${id}' does not exist`),
  /** AWS CLI output quoted in kubernetes-sigs/aws-load-balancer-controller#1859. */
  loadBalancerRequired: () => err('InvalidParameter', 'exactly one of network_load_balancer_arn or gateway_load_balancer_arn is a required member'),
  malformedArn: (arn: string) => err('InvalidParameter', `The load balancer ARN '${arn}' is not valid.`), // guess
  wrongLoadBalancerType: (arn: string, expected: string) =>
    err('InvalidParameter', `The load balancer ${arn} is not a ${expected} Load Balancer.`), // guess
  loadBalancerNotFound: (arn: string) => err('InvalidParameter', `The load balancer ${arn} was not found.`), // guess
  /** Per item (DeleteVpcEndpointServiceConfigurations); AWS wire as quoted in openshift/hypershift tests. */
  existingConnections: () => err('ExistingVpcEndpointConnections', 'Service has existing active VPC Endpoint connections!'),
  /** Removing every load balancer, or changing them while endpoints are connected. */
  lastLoadBalancer: () => err('InvalidParameter', 'A service must have at least one load balancer.'), // guess
  loadBalancersInUse: () =>
    err('ExistingVpcEndpointConnections', 'You cannot change the load balancers for the endpoint service while there are endpoints attached to the service.'), // by analogy (EC2 error-code reference)
  ipAddressType: (value: string) =>
    err('InvalidParameter', `Invalid value '${value}' for supportedIpAddressType. Valid values are ipv4 and ipv6.`), // guess
  noIpAddressType: () => err('InvalidParameter', 'A service must support at least one IP address type.'), // guess
  privateDnsName: (name: string) => err('InvalidParameter', `The private DNS name '${name}' is not a valid domain name.`), // guess
  privateDnsWithGateway: () => err('InvalidParameter', 'Private DNS names are not supported for Gateway Load Balancer services.'), // guess
  noPrivateDnsName: (id: string) => err('InvalidParameter', `The service ${id} does not have a private DNS name.`), // guess
  alreadyVerified: (id: string) => err('InvalidParameter', `The private DNS name of the service ${id} is already verified.`), // guess
  supportedRegions: () => err('InvalidParameter', 'Cross-Region access to endpoint services is not supported by ec2lite.'), // ec2lite's own
  /** AWS wire (quoted in hashicorp/terraform-provider-aws#16657). */
  invalidPrincipal: (principal: string) => err('InvalidPrincipal', `Invalid Principal: '${principal}'`),
  /** A connection that is not in a state the call can change (per item of Accept/RejectVpcEndpointConnections). */
  connectionState: (endpointId: string, state: string) =>
    err('InvalidState', `The VPC endpoint ${endpointId} is in state ${state} and cannot be changed.`), // guess
  connectionNotFound: (endpointId: string) =>
    err('InvalidVpcEndpointId.NotFound', `The Vpc Endpoint Id '${endpointId}' does not exist`), // AWS, as VpcEndpointErrors.notFound
  privateDnsNotVerified: (service: string) =>
    err('InvalidParameter', `Private DNS can't be enabled because the service ${service} does not provide a verified private DNS name.`), // guess
  gatewayLoadBalancerSubnets: () =>
    err('InvalidParameter', 'A Gateway Load Balancer endpoint requires exactly one subnet.'), // guess
  routeToEndpoint: (id: string) =>
    err('InvalidParameterValue', `Route target ${id} is not a Gateway Load Balancer endpoint.`), // guess
  gatewayLoadBalancerGroups: () =>
    err('InvalidParameter', 'Security groups are not supported for Gateway Load Balancer endpoints.'), // guess
  /** Connection notifications. */
  notificationNotFound: (id: string) =>
    err('InvalidConnectionNotification', `The connection notification '${id}' does not exist`), // code from the EC2 error-code reference; text a guess
  notificationTarget: () =>
    err('InvalidParameter', 'Specify either a service ID or a VPC endpoint ID, but not both.'), // guess
  notificationTopic: (arn: string) => err('InvalidParameter', `The SNS topic ARN '${arn}' is not valid.`), // guess
  notificationEvent: (event: string) =>
    err('InvalidParameter', `Invalid connection event '${event}'. Valid events are Connect, Accept, Reject and Delete.`), // guess
});

/** Prefix delegation and subnet CIDR reservations (docs/behavior.md "Prefix delegation", "Subnet CIDR reservations"). */
export const PrefixErrors = echoSafe({
  /** AWS wire (amazon-vpc-cni-k8s issues on prefix delegation). */
  insufficientCidrBlocks: () =>
    err('InsufficientCidrBlocks', 'The specified subnet does not have enough free cidr blocks to satisfy the request.'),
  countAndList: (family: 'IPv4' | 'IPv6') =>
    err('InvalidParameterCombination', `You may specify either ${family} prefixes or an ${family} prefix count, but not both.`), // guess
  /** Prefixes together with addresses in one Assign call. */
  prefixesAndAddresses: () =>
    err('InvalidParameterCombination', 'You may specify either IP addresses or prefixes, but not both.'), // guess
  malformed: (param: string, prefix: string) =>
    err('InvalidParameterValue', `Value (${prefix}) for parameter ${param} is invalid.`), // by analogy
  /** The wrong length or host bits set: AWS hands out /28 (IPv4) and /80 (IPv6) prefixes only. */
  length: (prefix: string, length: number) =>
    err('InvalidParameterValue', `The prefix ${prefix} is invalid. Only /${length} prefixes are supported.`), // guess
  notInSubnet: (prefix: string, subnetId: string) =>
    err('InvalidParameterValue', `Prefix ${prefix} does not fall within the address range of subnet ${subnetId}.`), // guess
  inUse: (prefix: string) => err('InvalidIPAddress.InUse', `Prefix ${prefix} is in use.`), // by analogy with addresses
  notAssigned: (prefix: string, eniId: string) =>
    err('InvalidParameterValue', `Some of the specified prefixes are not assigned to interface ${eniId}`), // by analogy with AWS's address text
  ipv6Limit: (max: number) =>
    err('InvalidParameterValue', `You can assign a maximum of ${max} IPv6 addresses to this network interface.`), // as CidrErrors.ipv6Limit
  /** Subnet CIDR reservations. */
  reservationNotFound: (id: string) =>
    err('InvalidSubnetCidrReservationID.NotFound', `The subnet CIDR reservation ID '${id}' does not exist`), // guess
  reservationMalformed: (id: string) =>
    err('InvalidSubnetCidrReservationID.Malformed', `Invalid id: "${id}" (expecting "scr-...")`), // AWS's id form
  reservationCidr: (cidr: string) => err('InvalidParameterValue', `The CIDR '${cidr}' is invalid.`), // by analogy with subnets
  reservationRange: (cidr: string, subnetId: string) =>
    err('InvalidParameterValue', `The CIDR '${cidr}' is not within the CIDR ranges of subnet '${subnetId}'.`), // guess
  reservationOverlap: (cidr: string) =>
    err('InvalidSubnetCidrReservation.Conflict', `The CIDR '${cidr}' conflicts with an existing subnet CIDR reservation.`), // guess
  reservationType: (value: string) =>
    err('InvalidParameterValue', `Value (${value}) for parameter reservationType is invalid. Valid values: prefix, explicit.`), // by analogy
});

/** On-Demand Capacity Reservations (docs/behavior.md "Capacity Reservations"). Codes from the API reference; texts guessed. */
export const CapacityReservationErrors = echoSafe({
  notFound: (id: string) => err('InvalidCapacityReservationId.NotFound', `The capacity reservation ID '${id}' does not exist`),
  notActive: (id: string, state: string) =>
    err('IncorrectState', `The Capacity Reservation ${id} is in the ${state} state and cannot be modified or cancelled.`),
  endDate: () => err('InvalidParameterCombination', 'EndDate is required when EndDateType is limited, and not allowed when it is unlimited.'),
  endDateInPast: () => err('InvalidParameterValue', 'The EndDate must be in the future and after the StartDate.'),
  instanceCount: (n: number) => err('InvalidParameterValue', `Value (${n}) for parameter instanceCount is invalid. The instance count must be between 1 and 1000.`),
  zoneRequired: () => err('MissingParameter', 'The request must contain the parameter AvailabilityZone or AvailabilityZoneId'),
  /** A launch that targets a reservation it does not fit. */
  mismatch: (id: string, what: string) =>
    err('InvalidParameterCombination', `The instance's ${what} does not match the attributes of Capacity Reservation ${id}.`),
  full: (id: string) => err('ReservationCapacityExceeded', `There is not enough capacity in the Capacity Reservation ${id} for this request.`),
});

/** EC2 Instance Connect Endpoints (docs/behavior.md "Instance Connect Endpoints"). Codes by the family's form; texts guessed. */
export const InstanceConnectEndpointErrors = echoSafe({
  notFound: (id: string) => err('InvalidInstanceConnectEndpointId.NotFound', `The Instance Connect Endpoint '${id}' does not exist`),
  preserveClientIpNeedsIpv4: () => err('InvalidParameterCombination', 'PreserveClientIp is only supported on IPv4 EC2 Instance Connect Endpoints.'),
  ipAddressType: (type: string, subnetId: string) => err('InvalidParameterValue', `The IP address type ${type} is not supported by subnet ${subnetId}.`),
});
