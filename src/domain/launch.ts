/**
 * RunInstances: turns the request into a launch plan (one entry per network interface), checks everything AWS
 * checks before anything is written, then creates the instances, their new interfaces and attachments.
 *
 * Interfaces come either from `NetworkInterface.N` specs (new ones in a subnet, or existing ones by id) or from the
 * instance-level SubnetId / SecurityGroupId.N / PrivateIpAddress (mixing the two is InvalidParameterCombination).
 * All interfaces of an instance are in one zone and one VPC; subnets may differ. Interfaces created by the launch
 * default to delete-on-termination, existing ones passed by id do not. Launch-time attachments start `attaching`
 * and become `attached` when the instance reaches `running`.
 */
import type { RequestContext } from '../core/context';
import { AddressingErrors, CidrErrors, InstanceErrors, MalformedErrors, NetworkInterfaceErrors, NotFoundErrors, RequestErrors, VpcErrors } from '../errors';
import { isWellFormedId } from '../protocol/idShapes';
import type { InstanceNetworkInterfaceSpecification, RunInstancesRequest, Tag } from '../protocol/model/types.generated';
import type { InstanceRow, NetworkInterfaceRow, SubnetRow } from '../store/rows';
import { isBase64Block } from '../protocol/base64';
import { freeCount } from './addressing';
import { assignLaunchPublicIp, scheduleInstance } from './instances';
import { findLaunchImage, LaunchImage } from './images';
import { metadataDefaults } from './accountSettings';
import { reservationFit, reservationForLaunch } from './capacityReservations';
import {
  AddressRequest,
  addressCount,
  checkAddressRequest,
  checkInterfaceCounts,
  checkNetworkCard,
  checkNotInUse,
  checkSameZoneAndVpc,
  createAttachment,
  createInterface,
  resolveInterfaceGroups,
} from './networkInterfaces';
import type { InstanceTypeLimits } from './instanceTypes';
import { Ipv6Request, ipv6RequestCount, ipv6Requested, ipv6RequestOf, planIpv6 } from './ipv6Addresses';
import { planIpv4Prefixes, planIpv6Prefixes, prefixCount, prefixRequestsOf, type PrefixRequest } from './prefixes';
import { edgeZonesOf, zoneByName, zonesOf } from './regions';
import { associateAtLaunch, resolveProfile } from './iamInstanceProfiles';
import { addTags, tagsFromSpecifications } from './tags';
import type { ManagedInterface } from '../networkManagers/manager';
import { BlockDevicePlan, createLaunchVolumes, planBlockDevices } from './volumes';
import { CpuChoice, launchCpuCredits, launchCpuOptions } from './instanceExtras';
import { PlacementPlan, planPlacement } from './placementGroups';
import { planHost } from './hosts';

const DEFAULT_INSTANCE_TYPE = 'm1.small';


interface NicPlan {
  deviceIndex: number;
  card: number;
  subnet: SubnetRow;
  existing?: NetworkInterfaceRow;
  groupIds: string[];
  addresses: AddressRequest;
  /** IPv6 addresses asked for (docs/behavior.md "IPv6 addresses on interfaces"). */
  ipv6?: Ipv6Request;
  /** IPv4 /28 and IPv6 /80 prefixes asked for (docs/behavior.md "Prefix delegation"). */
  prefixes?: { ipv4: PrefixRequest; ipv6: PrefixRequest };
  description?: string;
  /** What the spec asked; the default is chosen by createAttachment. */
  deleteOnTermination?: boolean;
}

interface LaunchPlan {
  count: number;
  instanceType: string;
  zone: string;
  vpcId: string;
  nics: NicPlan[];
  publicIp: boolean;
  tags: Map<string, Tag[]>;
  /** The EBS volumes each instance gets (image mappings merged with BlockDeviceMapping.N). */
  blockDevices: BlockDevicePlan;
  /** The placement group and each instance's partition (docs/behavior.md "Placement groups"). */
  placement?: PlacementPlan;
  /** CreditSpecification.CpuCredits (null: the type's default). */
  cpuCredits: string | null;
  /** The dedicated host (Placement.Tenancy host). */
  hostId?: string;
  cpuOptions: CpuChoice;
  /** The Capacity Reservation the instances run in (docs/behavior.md "Capacity Reservations"). */
  capacityReservationId: string | null;
  /** The image launched (undefined: an unknown but well-formed id, launched as Linux x86_64). */
  image: LaunchImage | undefined;
}

/** The interfaces of one instance and whether its primary gets a launch-time public IP. */
interface NicsPlan {
  nics: NicPlan[];
  publicIp: boolean;
}

const TAGGABLE_AT_LAUNCH = ['instance', 'network-interface', 'volume', 'spot-instances-request', 'elastic-gpu'];

/** The default subnet of a zone, or of the first zone that has one. */
function defaultSubnet(ctx: RequestContext, zone?: string): SubnetRow {
  const zones = zone ? [zone] : zonesOf(ctx.scope.region).map((z) => z.name);
  for (const z of zones) {
    const s = ctx.store.subnets.defaultForZone(ctx.scope, z);
    if (s) return s;
  }
  throw VpcErrors.noDefaultVpc();
}

function requireSubnet(ctx: RequestContext, id: string): SubnetRow {
  const s = ctx.store.subnets.get(ctx.scope, id);
  if (!s) throw NotFoundErrors.subnet(id);
  return s;
}

/** Group names of SecurityGroup.N resolve in the launch VPC. */
function groupIdsByName(ctx: RequestContext, vpcId: string, names: readonly string[]): string[] {
  return names.map((name) => {
    const g = ctx.store.securityGroups.byName(vpcId, name);
    if (!g) throw NotFoundErrors.securityGroupInVpc(name, vpcId);
    return g.id;
  });
}

function addressesOfSpec(spec: InstanceNetworkInterfaceSpecification): AddressRequest {
  const listed = spec.PrivateIpAddresses ?? [];
  const primaries = listed.filter((p) => p.Primary === true);
  if (primaries.length > 1 || (primaries.length === 1 && spec.PrivateIpAddress !== undefined && primaries[0].PrivateIpAddress !== spec.PrivateIpAddress)) {
    throw NetworkInterfaceErrors.primaryIpCount();
  }
  const primary = spec.PrivateIpAddress ?? primaries[0]?.PrivateIpAddress;
  const secondaries = listed.filter((p) => p.Primary !== true && p.PrivateIpAddress !== undefined && p.PrivateIpAddress !== primary).map((p) => p.PrivateIpAddress as string);
  return { primary, secondaries, secondaryCount: spec.SecondaryPrivateIpAddressCount };
}

/**
 * Checks everything AWS checks before anything is written, always in this order (tests pin the first error of
 * each combination): the request itself, then its interfaces (one of three forms), then where they are, then the
 * type's limits, then the block device mappings (src/domain/volumes.ts), then the tags and the subnets' free addresses.
 */
export function planLaunch(ctx: RequestContext, input: RunInstancesRequest): LaunchPlan {
  const { instanceType, placementZone } = checkRequest(ctx, input);
  const limits = ctx.instanceTypes.limits(instanceType);
  const { nics, publicIp } = planInterfaces(ctx, input, limits, placementZone);
  nics.sort((a, b) => a.card - b.card || a.deviceIndex - b.deviceIndex);
  const { zone, vpcId } = checkPlacement(nics, placementZone);
  checkLimits(input, nics, limits, instanceType);
  // the image is resolved once per launch (it may be an account image: a query and its mappings' JSON)
  const image = findLaunchImage(ctx, input.ImageId as string);
  const blockDevices = planBlockDevices(ctx, image, input.BlockDeviceMappings);
  const tags = tagsFromSpecifications(input.TagSpecifications, TAGGABLE_AT_LAUNCH);
  const cpuCredits = launchCpuCredits(ctx, instanceType, input.CreditSpecification);
  const cpuOptions = launchCpuOptions(ctx, instanceType, input.CpuOptions);
  const count = launchCount(nics, input.MinCount, input.MaxCount);
  const placement = planPlacement(ctx, input.Placement, zone, count);
  const hostId = planHost(ctx, input.Placement, zone, instanceType, count);
  // Spot Instances never run in an On-Demand Capacity Reservation
  const capacityReservationId =
    input.InstanceMarketOptions?.MarketType === 'spot'
      ? null
      : reservationForLaunch(ctx, input.CapacityReservationSpecification, reservationFit(instanceType, zone, image?.platform, input.Placement?.Tenancy, count));
  return { count, instanceType, zone, vpcId, nics, publicIp, tags, blockDevices, placement, cpuCredits, hostId, cpuOptions, capacityReservationId, image };
}

/** What the request says on its own: image, user data, counts, type, key pair, zone. */
function checkRequest(ctx: RequestContext, input: RunInstancesRequest): { instanceType: string; placementZone?: string } {
  const { scope } = ctx;
  if (input.ImageId === undefined) throw RequestErrors.missingParameter('imageId');
  // a launch template stores its image id unchecked (src/protocol/idShapes.ts): its form is checked at launch
  if (!isWellFormedId(input.ImageId, 'ami')) throw MalformedErrors.id('ami', input.ImageId);
  if (input.UserData !== undefined && !isBase64Block(input.UserData)) throw InstanceErrors.userDataEncoding();
  if (input.MaxCount < 1) throw InstanceErrors.maxCountZero();
  if (input.MinCount < 1) throw InstanceErrors.minCountZero();
  if (input.MinCount > input.MaxCount) throw InstanceErrors.minOverMax(input.MinCount, input.MaxCount);
  const instanceType = input.InstanceType ?? DEFAULT_INSTANCE_TYPE;
  if (!ctx.instanceTypes.exists(instanceType)) throw InstanceErrors.instanceType(instanceType);
  if (input.KeyName !== undefined && !ctx.store.keyPairs.byName(scope, input.KeyName)) throw NotFoundErrors.keyPair(input.KeyName);
  const placementZone = input.Placement?.AvailabilityZone;
  if (placementZone !== undefined && !zoneByName(scope.region, placementZone)) throw VpcErrors.unknownZones([placementZone]);
  return { instanceType, placementZone };
}

/**
 * The three forms: NetworkInterface.N specs; else the region's network manager's choice (nova modes); else the
 * instance-level SubnetId / SecurityGroupId.N / PrivateIpAddress (or the default subnet).
 */
function planInterfaces(ctx: RequestContext, input: RunInstancesRequest, limits: InstanceTypeLimits, placementZone: string | undefined): NicsPlan {
  const specs = input.NetworkInterfaces ?? [];
  if (specs.length > 0) return planFromSpecs(ctx, input, specs, limits, placementZone);
  if (input.SubnetId === undefined) {
    const managed = ctx.networkManagers.forRegion(ctx.scope.region).defaultInterfaces(ctx, input);
    if (managed) return planFromManager(ctx, input, managed);
  }
  return planFromInstanceLevel(ctx, input, placementZone);
}

/** NetworkInterface.N: the form of the list first, then each spec in (card, device index) order. */
function planFromSpecs(
  ctx: RequestContext,
  input: RunInstancesRequest,
  specs: readonly InstanceNetworkInterfaceSpecification[],
  limits: InstanceTypeLimits,
  placementZone: string | undefined,
): NicsPlan {
  checkSpecList(input, specs);
  const sorted = [...specs].sort((a, b) => (a.NetworkCardIndex ?? 0) - (b.NetworkCardIndex ?? 0) || (a.DeviceIndex as number) - (b.DeviceIndex as number));
  const nics: NicPlan[] = [];
  const existingIds = new Set<string>();
  let publicIp = false;
  // The primary's subnet is the default for secondaries that name none.
  let primarySubnet: SubnetRow | undefined;
  // Several interfaces often share a subnet and their VPC's default group: each is read once per launch.
  const subnets = new Map<string, SubnetRow>();
  const subnetOf = (id: string) => subnets.get(id) ?? subnets.set(id, requireSubnet(ctx, id)).get(id)!;
  const defaultGroups = new Map<string, readonly string[]>();
  for (const spec of sorted) {
    const card = spec.NetworkCardIndex ?? 0;
    checkNetworkCard(limits, card);
    if (spec.NetworkInterfaceId !== undefined) {
      const nic = planExistingNic(ctx, spec, spec.NetworkInterfaceId, card, existingIds);
      primarySubnet ??= nic.subnet;
      nics.push(nic);
      continue;
    }
    const subnet = spec.SubnetId !== undefined ? subnetOf(spec.SubnetId) : (primarySubnet ?? defaultSubnet(ctx, placementZone));
    primarySubnet ??= subnet;
    nics.push(planNewNic(ctx, spec, card, subnet, defaultGroups));
    // The subnet's auto-assign applies to a single-interface launch only: AWS "can't auto-assign a public IPv4
    // address if you specify more than one network interface" (EC2 User Guide, public IPv4 addressing).
    if (spec.DeviceIndex === 0 && card === 0) {
      publicIp = spec.AssociatePublicIpAddress ?? (specs.length === 1 && subnet.map_public_ip_on_launch === 1);
    }
  }
  return { nics, publicIp };
}

/** The list as a whole: no instance-level networking beside it, device indexes, a primary, public IP rules. */
function checkSpecList(input: RunInstancesRequest, specs: readonly InstanceNetworkInterfaceSpecification[]): void {
  if (input.SubnetId !== undefined) throw InstanceErrors.nicWithSubnet();
  if ((input.SecurityGroupIds?.length ?? 0) > 0 || (input.SecurityGroups?.length ?? 0) > 0) throw InstanceErrors.nicWithGroups();
  if (input.PrivateIpAddress !== undefined) throw InstanceErrors.nicWithPrivateIp();
  const indexes = new Set<string>();
  for (const spec of specs) {
    if (spec.DeviceIndex === undefined) throw InstanceErrors.nicDeviceIndexRequired();
    const key = `${spec.NetworkCardIndex ?? 0}:${spec.DeviceIndex}`;
    if (indexes.has(key)) throw InstanceErrors.nicDuplicateIndex(spec.DeviceIndex);
    indexes.add(key);
  }
  if (!indexes.has('0:0')) throw InstanceErrors.nicPrimaryRequired();
  if (specs.some((s) => s.AssociatePublicIpAddress === true)) {
    if (specs.length > 1) throw InstanceErrors.publicIpWithMultipleNics();
    if (specs[0].NetworkInterfaceId !== undefined) throw InstanceErrors.publicIpWithExistingNic();
  }
}

/** A spec naming an existing interface: nothing else about the interface may be given, and it must be free. */
function planExistingNic(
  ctx: RequestContext,
  spec: InstanceNetworkInterfaceSpecification,
  eniId: string,
  card: number,
  seen: Set<string>,
): NicPlan {
  if (
    spec.SubnetId !== undefined ||
    spec.PrivateIpAddress !== undefined ||
    (spec.PrivateIpAddresses?.length ?? 0) > 0 ||
    (spec.Groups?.length ?? 0) > 0 ||
    spec.SecondaryPrivateIpAddressCount !== undefined ||
    ipv6Requested(ipv6RequestOf(spec))
  ) {
    throw InstanceErrors.nicIdWithSubnet();
  }
  if (seen.has(eniId)) throw InstanceErrors.nicDuplicateInterface(eniId);
  seen.add(eniId);
  const eni = ctx.store.networkInterfaces.get(ctx.scope, eniId);
  if (!eni) throw NotFoundErrors.networkInterface(eniId);
  checkNotInUse(ctx, eni);
  return {
    deviceIndex: spec.DeviceIndex as number,
    card,
    subnet: requireSubnet(ctx, eni.subnet_id),
    existing: eni,
    groupIds: [],
    addresses: {},
    deleteOnTermination: spec.DeleteOnTermination,
  };
}

/** A spec for a new interface in `subnet`: its addresses and groups. */
function planNewNic(
  ctx: RequestContext,
  spec: InstanceNetworkInterfaceSpecification,
  card: number,
  subnet: SubnetRow,
  defaultGroups: Map<string, readonly string[]>,
): NicPlan {
  const addresses = addressesOfSpec(spec);
  checkAddressRequest(addresses);
  const ipv6 = ipv6RequestOf(spec);
  planIpv6(ctx, subnet, ipv6); // checks the subnet and named addresses before anything is written
  const prefixes = prefixRequestsOf(spec);
  planIpv4Prefixes(ctx, subnet, { prefixes: prefixes.ipv4.prefixes });
  if (prefixCount(prefixes.ipv6) > 0) planIpv6Prefixes(ctx, subnet, { prefixes: prefixes.ipv6.prefixes });
  return {
    deviceIndex: spec.DeviceIndex as number,
    card,
    subnet,
    groupIds: resolveInterfaceGroups(ctx, subnet, spec.Groups, defaultGroups),
    addresses,
    ipv6,
    prefixes,
    description: spec.Description,
    deleteOnTermination: spec.DeleteOnTermination,
  };
}

/** nova modes: one new interface per network the manager picked; PrivateIpAddress goes to the first. */
function planFromManager(ctx: RequestContext, input: RunInstancesRequest, managed: readonly ManagedInterface[]): NicsPlan {
  const nics = managed.map((m, i): NicPlan => ({
    deviceIndex: i,
    card: 0,
    subnet: m.subnet,
    groupIds: resolveInterfaceGroups(ctx, m.subnet, m.groupIds ?? input.SecurityGroupIds),
    addresses: { primary: i === 0 ? (input.PrivateIpAddress ?? m.privateIp) : m.privateIp },
  }));
  return { nics, publicIp: false };
}

/** The instance-level form: one new primary interface in SubnetId, or the default subnet. */
function planFromInstanceLevel(ctx: RequestContext, input: RunInstancesRequest, placementZone: string | undefined): NicsPlan {
  const subnet = input.SubnetId !== undefined ? requireSubnet(ctx, input.SubnetId) : defaultSubnet(ctx, placementZone);
  const groupIds = [...(input.SecurityGroupIds ?? []), ...groupIdsByName(ctx, subnet.vpc_id, input.SecurityGroups ?? [])];
  const nic: NicPlan = {
    deviceIndex: 0,
    card: 0,
    subnet,
    groupIds: resolveInterfaceGroups(ctx, subnet, groupIds),
    addresses: { primary: input.PrivateIpAddress },
    ipv6: ipv6RequestOf(input),
  };
  planIpv6(ctx, subnet, nic.ipv6!);
  return { nics: [nic], publicIp: subnet.map_public_ip_on_launch === 1 };
}

/** The primary (first of the sorted plan) fixes the zone and VPC; Placement must agree, every interface too. */
function checkPlacement(nics: readonly NicPlan[], placementZone: string | undefined): { zone: string; vpcId: string } {
  const primary = nics[0];
  const zone = primary.existing?.availability_zone ?? primary.subnet.availability_zone;
  if (placementZone !== undefined && placementZone !== zone) throw InstanceErrors.zoneMismatch(placementZone, primary.subnet.id, zone);
  const vpcId = primary.subnet.vpc_id;
  for (const nic of nics) checkSameZoneAndVpc(nic.subnet, { availability_zone: zone, vpc_id: vpcId });
  return { zone, vpcId };
}

/** Fixed interfaces or addresses mean a single instance; then the type's interface and address limits. */
function checkLimits(input: RunInstancesRequest, nics: readonly NicPlan[], limits: InstanceTypeLimits, instanceType: string): void {
  const fixedIpv6 = (n: NicPlan) => (n.ipv6?.addresses?.length ?? 0) > 0 || (n.prefixes?.ipv4.prefixes?.length ?? 0) > 0 || (n.prefixes?.ipv6.prefixes?.length ?? 0) > 0;
  if (input.MaxCount > 1 && nics.some((n) => n.existing || n.addresses.primary !== undefined || (n.addresses.secondaries?.length ?? 0) > 0 || fixedIpv6(n))) {
    throw InstanceErrors.singleInstanceOnly();
  }
  const perCard = limits.cardLimits.map((_, card) => [card, nics.filter((n) => n.card === card).length] as const);
  checkInterfaceCounts(limits, instanceType, nics.length, perCard);
  for (const nic of nics) {
    // a prefix counts as one address against the limits
    if (!nic.existing && addressCount(nic.addresses) + prefixCount(nic.prefixes?.ipv4) > limits.ipv4AddressesPerInterface) {
      throw NetworkInterfaceErrors.privateIpLimit();
    }
    if ((nic.ipv6 ? ipv6RequestCount(nic.ipv6) : 0) + prefixCount(nic.prefixes?.ipv6) > limits.ipv6AddressesPerInterface) {
      throw CidrErrors.ipv6Limit(limits.ipv6AddressesPerInterface);
    }
  }
}

/** As many instances as the subnets have addresses for, up to MaxCount; fewer than MinCount is an error. */
function launchCount(nics: readonly NicPlan[], min: number, max: number): number {
  const need = new Map<string, { subnet: SubnetRow; perInstance: number }>();
  for (const nic of nics) {
    if (nic.existing || nic.subnet.cidr_size === 0) continue; // an IPv6-only subnet's interfaces take no IPv4
    const entry = need.get(nic.subnet.id) ?? { subnet: nic.subnet, perInstance: 0 };
    entry.perInstance += addressCount(nic.addresses) + 16 * prefixCount(nic.prefixes?.ipv4);
    need.set(nic.subnet.id, entry);
  }
  let count = max;
  for (const { subnet, perInstance } of need.values()) {
    const fits = Math.floor(freeCount(subnet) / perInstance);
    if (fits < min) throw AddressingErrors.subnetFullAtLaunch(subnet.id);
    count = Math.min(count, fits);
  }
  return count;
}

/** Simulated node controllers: two per zone, as a small Eucalyptus cluster would have. */
function nodeFor(ctx: RequestContext, zone: string, k: number): string {
  const zoneIndex = [...zonesOf(ctx.scope.region), ...edgeZonesOf(ctx.scope.region)].findIndex((z) => z.name === zone);
  return `10.111.${zoneIndex + 1}.${101 + (k % 2)}`;
}

/**
 * The instance metadata options, in AWS's order of precedence: what the launch (or its template) says, then the
 * account's defaults, then the AMI's (ImdsSupport v2.0: IMDSv2 required, hop limit 2; AWS's API reference: "if the
 * account level default is set to V1 or V2, the default is the account level default"), then EC2's.
 */
function launchMetadataOptions(ctx: RequestContext, asked: RunInstancesRequest['MetadataOptions'], image: LaunchImage | undefined) {
  const account = metadataDefaults(ctx);
  const v2 = image?.imdsSupport === 'v2.0';
  return {
    http_tokens: asked?.HttpTokens ?? account.HttpTokens ?? (v2 ? 'required' : 'optional'),
    http_endpoint: asked?.HttpEndpoint ?? account.HttpEndpoint ?? 'enabled',
    http_put_response_hop_limit: asked?.HttpPutResponseHopLimit ?? account.HttpPutResponseHopLimit ?? (v2 ? 2 : 1),
    http_protocol_ipv6: asked?.HttpProtocolIpv6 ?? 'disabled',
    instance_metadata_tags: asked?.InstanceMetadataTags ?? account.InstanceMetadataTags ?? 'disabled',
  };
}

export function launch(ctx: RequestContext, input: RunInstancesRequest, plan: LaunchPlan): { reservationId: string; instances: InstanceRow[] } {
  const { store, scope } = ctx;
  const profile = input.IamInstanceProfile ? resolveProfile(ctx, input.IamInstanceProfile) : undefined;
  const reservationId = ctx.ids.id('r');
  const image = input.ImageId as string;
  const launchImage = plan.image;
  const metadata = launchMetadataOptions(ctx, input.MetadataOptions, launchImage);
  // the primary interface's subnet gives the hostname defaults (PrivateDnsNameOptionsOnLaunch)
  const primarySubnet = plan.nics[0].subnet;
  const instances: InstanceRow[] = [];
  for (let k = 0; k < plan.count; k++) {
    const id = ctx.ids.id('i');
    store.instances.insert({
      id,
      account: scope.account,
      region: scope.region,
      reservation_id: reservationId,
      image_id: image,
      instance_type: plan.instanceType,
      availability_zone: plan.zone,
      vpc_id: plan.vpcId,
      subnet_id: plan.nics[0].subnet.id,
      state: 'pending',
      state_transition_reason: '',
      state_reason_code: 'pending',
      state_reason_message: 'pending',
      launch_time: ctx.now,
      ami_launch_index: k,
      key_name: input.KeyName ?? null,
      user_data: input.UserData ?? null,
      client_token: input.ClientToken ?? '',
      disable_api_termination: input.DisableApiTermination ? 1 : 0,
      disable_api_stop: input.DisableApiStop ? 1 : 0,
      shutdown_behavior: input.InstanceInitiatedShutdownBehavior ?? 'stop',
      ebs_optimized: input.EbsOptimized ? 1 : 0,
      monitoring: input.Monitoring?.Enabled ? 'enabled' : 'disabled',
      tenancy: plan.hostId !== undefined ? 'host' : (input.Placement?.Tenancy ?? 'default'),
      architecture: launchImage?.architecture ?? 'x86_64',
      platform: launchImage?.platform ?? null,
      ...metadata,
      auto_public_ip: plan.publicIp ? 1 : 0,
      node_host: nodeFor(ctx, plan.zone, k),
      root_device_name: plan.blockDevices.rootDeviceName,
      root_device_type: plan.blockDevices.rootDeviceType,
      cpu_credits: plan.cpuCredits,
      ...plan.cpuOptions,
      hostname_type: input.PrivateDnsNameOptions?.HostnameType ?? primarySubnet.hostname_type,
      dns_a_record: (input.PrivateDnsNameOptions?.EnableResourceNameDnsARecord ?? primarySubnet.dns_a_record === 1) ? 1 : 0,
      dns_aaaa_record: (input.PrivateDnsNameOptions?.EnableResourceNameDnsAAAARecord ?? primarySubnet.dns_aaaa_record === 1) ? 1 : 0,
      auto_recovery: input.MaintenanceOptions?.AutoRecovery ?? 'default',
      capacity_reservation: input.CapacityReservationSpecification ? JSON.stringify(input.CapacityReservationSpecification) : null,
      capacity_reservation_id: plan.capacityReservationId,
      hibernation_configured: input.HibernationOptions?.Configured ? 1 : 0,
      placement_group_id: plan.placement?.group.id ?? null,
      partition_number: plan.placement?.partitions[k] ?? null,
      host_id: plan.hostId ?? null,
    });
    const instance = store.instances.get(scope, id)!;
    for (const nic of plan.nics) {
      const eni =
        nic.existing ??
        createInterface(ctx, {
          subnet: nic.subnet,
          groupIds: nic.groupIds,
          addresses: nic.addresses,
          ipv6: nic.ipv6,
          prefixes: nic.prefixes,
          description: nic.description,
          site: 'launch',
        });
      if (!nic.existing) addTags(ctx, eni.id, 'network-interface', plan.tags.get('network-interface') ?? []);
      createAttachment(ctx, eni, instance, {
        deviceIndex: nic.deviceIndex,
        card: nic.card,
        status: 'attaching',
        createdWithInstance: !nic.existing,
        deleteOnTermination: nic.deleteOnTermination,
      });
    }
    for (const v of createLaunchVolumes(ctx, instance, plan.blockDevices)) addTags(ctx, v.id, 'volume', plan.tags.get('volume') ?? []);
    if (plan.publicIp) assignLaunchPublicIp(ctx, id);
    addTags(ctx, id, 'instance', plan.tags.get('instance') ?? []);
    if (profile) associateAtLaunch(ctx, id, profile);
    scheduleInstance(ctx, instance, 'pending', 'running', ctx.config.pendingMs);
    ctx.networkManagers.forRegion(scope.region).allocated?.(ctx, id);
    instances.push(store.instances.get(scope, id)!);
  }
  return { reservationId, instances };
}
