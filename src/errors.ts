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
  idempotentMismatch: (token: string) =>
    err(
      'IdempotentParameterMismatch',
      `Client token '${token}' was already used with different request parameters.`, // guess
    ),
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
  'eni-perm': { code: 'InvalidPermission.Malformed', message: (id) => `Invalid id: "${id}" (expecting "eni-perm-...")` },
  // code as clients catch it (community.aws ec2_vpc_nat_gateway_info); the message is a guess in the family's form
  nat: { code: 'NatGatewayMalformed', message: (id) => `Invalid id: "${id}" (expecting "nat-...")` },
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
  /** AWS (DescribeNatGateways / DeleteNatGateway; cloud-nuke PR 325): "NAT gateway nat-… was not found". */
  natGateway: (id: string) => err('NatGatewayNotFound', `NAT gateway ${id} was not found`),
  /** A route target that names no NAT gateway (code as community.aws catches it). */
  natGatewayTarget: (id: string) => err('InvalidNatGatewayID.NotFound', `The natGateway ID '${id}' does not exist`), // by analogy
});

export const TagErrors = echoSafe({
  /** AWS: "Value ( aws:x ) for parameter key is invalid. Tag keys starting with 'aws:' are reserved for internal use" */
  reservedKey: (key: string) =>
    err('InvalidParameterValue', `Value ( ${key} ) for parameter key is invalid. Tag keys starting with 'aws:' are reserved for internal use`),
  limitExceeded: () => err('TagLimitExceeded', 'The maximum number of Tags for a resource has been reached.'), // moto wording
  invalidResourceType: (type: string) =>
    err('InvalidParameterValue', `'${type}' is not a valid taggable resource type for this operation.`), // guess
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
  oneAttributeAtATime: () => err('InvalidParameterCombination', 'Only one attribute can be modified at a time'), // guess
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
  unknownProtocol: (p: string) => err('InvalidParameterValue', `Invalid value '${p}' for IP protocol. Unknown protocol.`), // guess
  portsRequired: () =>
    err('InvalidParameterValue', "Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange."), // guess
  portRange: (from: number, to: number) =>
    err('InvalidParameterValue', `Invalid TCP/UDP port range: from port ${from}, to port ${to}.`), // guess
  noPeer: () => err('MissingParameter', 'The request must contain the parameter ipRanges or groups'), // guess
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
  /** ModifySecurityGroupRules: a rule has exactly one peer (moto's wording; guess). */
  onePeer: () => err('InvalidParameterCombination', 'Only one of cidrIp, cidrIpv6, prefixListId, or referencedGroupId can be specified'),
  noPeerInRule: () =>
    err('MissingParameter', 'The request must contain exactly one of: cidrIp, cidrIpv6, prefixListId, or referencedGroupId'), // guess (moto)
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
    err('InvalidParameterValue', `Some of the specified addresses are not assigned to interface ${eniId}: [${ip}]`), // recalled
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
  userDataEncoding: () => err('InvalidParameterValue', 'Invalid BASE64 encoding of user data.'), // recalled
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
    err('InvalidParameterValue', `Value (${zone}) for parameter availabilityZone is invalid. Subnet '${subnetId}' is in availability zone ${subnetZone}.`), // guess
  neverRunning: (id: string) =>
    err('IncorrectInstanceState', `Instance '${id}' cannot be stopped as it has never reached the 'running' state.`),
  cannotStop: (id: string) => err('IncorrectInstanceState', `This instance '${id}' is not in a state from which it can be stopped.`), // guess
  cannotStart: (id: string) => err('IncorrectInstanceState', `The instance '${id}' is not in a state from which it can be started.`),
  cannotReboot: (id: string) => err('IncorrectInstanceState', `The instance '${id}' is not in a state from which it can be rebooted.`), // guess
  notStopped: (id: string) => err('IncorrectInstanceState', `The instance '${id}' is not in the 'stopped' state.`), // guess
  terminationProtected: (id: string) =>
    err('OperationNotPermitted', `The instance '${id}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.`),
  stopProtected: (id: string) =>
    err('OperationNotPermitted', `The instance '${id}' may not be stopped. Modify its 'disableApiStop' instance attribute and try again.`),
  /** AssociateAddress / CreateRoute / ModifyInstanceAttribute groups with an instance id of a multi-ENI instance. */
  multipleInterfaces: (id: string) =>
    err('InvalidInstanceID', `There are multiple interfaces attached to instance '${id}'. Please specify an interface ID for the operation instead.`),
  attributeValue: (attr: string, value: string) => err('InvalidParameterValue', `Value (${value}) for parameter ${attr} is invalid.`),
  unknownAttribute: (attr: string) => err('InvalidParameterValue', `Value (${attr}) for parameter attribute is invalid. Unknown attribute.`),
  keyPairDuplicate: (name: string) => err('InvalidKeyPair.Duplicate', `The keypair '${name}' already exists.`),
  keyFormat: () => err('InvalidKeyPair.Format', 'Key is not in valid OpenSSH public key format'),
  instanceTypeLimit: (value: number) => err('InvalidParameterValue', `${value} for parameter NetworkInterfaces is invalid`),
  unknownInstanceType: (name: string) => err('InvalidParameterValue', `Failed to lookup the requested instance type: ${name}`),
});

export const RouteErrors = echoSafe({
  /** AWS: "The request must contain the parameter destinationCidrBlock or destinationIpv6CidrBlock" */
  destinationRequired: () =>
    err('MissingParameter', 'The request must contain the parameter destinationCidrBlock or destinationIpv6CidrBlock'),
  noTarget: () => err('InvalidParameterCombination', 'No route target specified.'), // guess
  manyTargets: () => err('InvalidParameterCombination', 'More than one route target specified.'), // guess
  alreadyExists: (cidr: string) => err('RouteAlreadyExists', `The route identified by ${cidr} already exists.`),
  notFound: (cidr: string, rtb: string) => err('InvalidRoute.NotFound', `no route with destination-cidr-block ${cidr} in route table ${rtb}`), // moto
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
  mainAssociation: (id: string) => err('InvalidParameterValue', `cannot disassociate the main route table association ${id}`), // guess
  tableDependency: (id: string) => err('DependencyViolation', `The routeTable '${id}' has dependencies and cannot be deleted.`),
  associationTarget: () => err('MissingParameter', 'The request must contain the parameter subnetId or gatewayId'), // guess
  /** By analogy with the internet gateway's message. */
  natDifferentNetworks: (rtb: string, nat: string) =>
    err('InvalidParameterValue', `route table ${rtb} and NAT gateway ${nat} belong to different networks`), // by analogy
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
  inUse: (alloc: string) => err('InvalidIPAddress.InUse', `The address with allocation id [${alloc}] is in use.`), // guess
  allocationRequiredAssociate: () =>
    err('InvalidParameterCombination', 'You must specify an allocation id when mapping an address to a VPC instance'),
  allocationRequiredRelease: () => err('InvalidParameterValue', 'You must specify an allocation id when releasing a VPC elastic IP address'),
  targetRequired: () => err('MissingParameter', 'Either an instance ID or a network interface ID must be specified'), // guess
  privateIpNotOnInterface: (ip: string, eni: string) =>
    err('InvalidParameterValue', `The private IP address ${ip} is not assigned to network interface ${eni}.`), // guess
  instanceState: (id: string) => err('IncorrectInstanceState', `The instance '${id}' is not in a valid state for this operation.`), // guess
  addressNotInPool: (ip: string) => err('InvalidParameterValue', `Value (${ip}) for parameter address is invalid. The address is not available.`), // guess
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
