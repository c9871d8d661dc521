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
import { AddressingErrors, InstanceErrors, NetworkInterfaceErrors, NotFoundErrors, RequestErrors, VpcErrors } from '../errors';
import type { InstanceNetworkInterfaceSpecification, RunInstancesRequest, Tag } from '../protocol/model/types.generated';
import type { InstanceRow, NetworkInterfaceRow, SubnetRow } from '../store/rows';
import { isBase64Block } from '../protocol/base64';
import { freeCount } from './addressing';
import { assignLaunchPublicIp, scheduleInstance } from './instances';
import {
  AddressRequest,
  addressCount,
  checkAddressRequest,
  createAttachment,
  deleteOnTerminationDefault,
  createInterface,
  resolveInterfaceGroups,
} from './networkInterfaces';
import { zoneByName, zonesOf } from './regions';
import { addTags, tagsFromSpecifications } from './tags';
import type { ManagedInterface } from '../networkManagers/manager';

const DEFAULT_INSTANCE_TYPE = 'm1.small';


interface NicPlan {
  deviceIndex: number;
  card: number;
  subnet: SubnetRow;
  existing?: NetworkInterfaceRow;
  groupIds: string[];
  addresses: AddressRequest;
  description?: string;
  deleteOnTermination: boolean;
}

interface LaunchPlan {
  count: number;
  instanceType: string;
  zone: string;
  vpcId: string;
  nics: NicPlan[];
  publicIp: boolean;
  tags: Map<string, Tag[]>;
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

export function planLaunch(ctx: RequestContext, input: RunInstancesRequest): LaunchPlan {
  const { store, scope } = ctx;
  if (input.ImageId === undefined) throw RequestErrors.missingParameter('imageId');
  if (input.UserData !== undefined && !isBase64Block(input.UserData)) throw InstanceErrors.userDataEncoding();
  if (input.MaxCount < 1) throw InstanceErrors.maxCountZero();
  if (input.MinCount < 1) throw InstanceErrors.minCountZero();
  if (input.MinCount > input.MaxCount) throw InstanceErrors.minOverMax(input.MinCount, input.MaxCount);
  const instanceType = input.InstanceType ?? DEFAULT_INSTANCE_TYPE;
  if (!ctx.instanceTypes.exists(instanceType)) throw InstanceErrors.instanceType(instanceType);
  if (input.KeyName !== undefined && !store.keyPairs.byName(scope, input.KeyName)) throw NotFoundErrors.keyPair(input.KeyName);
  const placementZone = input.Placement?.AvailabilityZone;
  if (placementZone !== undefined && !zoneByName(scope.region, placementZone)) throw VpcErrors.unknownZones([placementZone]);
  const limits = ctx.instanceTypes.limits(instanceType);
  const nicSpecs = input.NetworkInterfaces ?? [];
  const nics: NicPlan[] = [];
  let publicIp = false;
  let managed: ManagedInterface[] | undefined;

  if (nicSpecs.length > 0) {
    if (input.SubnetId !== undefined) throw InstanceErrors.nicWithSubnet();
    if ((input.SecurityGroupIds?.length ?? 0) > 0 || (input.SecurityGroups?.length ?? 0) > 0) throw InstanceErrors.nicWithGroups();
    if (input.PrivateIpAddress !== undefined) throw InstanceErrors.nicWithPrivateIp();
    const indexes = new Set<string>();
    const existingIds = new Set<string>();
    for (const spec of nicSpecs) {
      if (spec.DeviceIndex === undefined) throw InstanceErrors.nicDeviceIndexRequired();
      const card = spec.NetworkCardIndex ?? 0;
      const key = `${card}:${spec.DeviceIndex}`;
      if (indexes.has(key)) throw InstanceErrors.nicDuplicateIndex(spec.DeviceIndex);
      indexes.add(key);
    }
    if (!indexes.has('0:0')) throw InstanceErrors.nicPrimaryRequired();
    if (nicSpecs.some((s) => s.AssociatePublicIpAddress === true)) {
      if (nicSpecs.length > 1) throw InstanceErrors.publicIpWithMultipleNics();
      if (nicSpecs[0].NetworkInterfaceId !== undefined) throw InstanceErrors.publicIpWithExistingNic();
    }
    // The primary's subnet is the default for secondaries that name none.
    const sorted = [...nicSpecs].sort((a, b) => (a.NetworkCardIndex ?? 0) - (b.NetworkCardIndex ?? 0) || (a.DeviceIndex as number) - (b.DeviceIndex as number));
    let primarySubnet: SubnetRow | undefined;
    for (const spec of sorted) {
      const card = spec.NetworkCardIndex ?? 0;
      if (card < 0 || card >= limits.maxNetworkCards) throw NetworkInterfaceErrors.networkCardInvalid(card);
      if (spec.NetworkInterfaceId !== undefined) {
        if (
          spec.SubnetId !== undefined ||
          spec.PrivateIpAddress !== undefined ||
          (spec.PrivateIpAddresses?.length ?? 0) > 0 ||
          (spec.Groups?.length ?? 0) > 0 ||
          spec.SecondaryPrivateIpAddressCount !== undefined
        ) {
          throw InstanceErrors.nicIdWithSubnet();
        }
        if (existingIds.has(spec.NetworkInterfaceId)) throw InstanceErrors.nicDuplicateInterface(spec.NetworkInterfaceId);
        existingIds.add(spec.NetworkInterfaceId);
        const eni = store.networkInterfaces.get(scope, spec.NetworkInterfaceId);
        if (!eni) throw NotFoundErrors.networkInterface(spec.NetworkInterfaceId);
        if (store.attachments.ofInterface(eni.id)) throw NetworkInterfaceErrors.inUse(eni.id);
        const subnet = requireSubnet(ctx, eni.subnet_id);
        primarySubnet ??= subnet;
        nics.push({
          deviceIndex: spec.DeviceIndex as number,
          card,
          subnet,
          existing: eni,
          groupIds: [],
          addresses: {},
          deleteOnTermination: deleteOnTerminationDefault(spec.DeleteOnTermination, false),
        });
        continue;
      }
      const subnet =
        spec.SubnetId !== undefined ? requireSubnet(ctx, spec.SubnetId) : (primarySubnet ?? defaultSubnet(ctx, placementZone));
      primarySubnet ??= subnet;
      const addresses = addressesOfSpec(spec);
      checkAddressRequest(addresses);
      nics.push({
        deviceIndex: spec.DeviceIndex as number,
        card,
        subnet,
        groupIds: resolveInterfaceGroups(ctx, subnet, spec.Groups),
        addresses,
        description: spec.Description,
        deleteOnTermination: deleteOnTerminationDefault(spec.DeleteOnTermination, true),
      });
      // The subnet's auto-assign applies to a single-interface launch only: AWS "can't auto-assign a public IPv4
      // address if you specify more than one network interface" (EC2 User Guide, public IPv4 addressing).
      if (spec.DeviceIndex === 0 && card === 0) {
        publicIp = spec.AssociatePublicIpAddress ?? (nicSpecs.length === 1 && subnet.map_public_ip_on_launch === 1);
      }
    }
  } else if (input.SubnetId === undefined && (managed = ctx.networkManagers.forRegion(scope.region).defaultInterfaces(ctx, input))) {
    // The region's network manager (nova modes) picks the networks: one interface per network.
    managed.forEach((m, i) =>
      nics.push({
        deviceIndex: i,
        card: 0,
        subnet: m.subnet,
        groupIds: resolveInterfaceGroups(ctx, m.subnet, m.groupIds ?? input.SecurityGroupIds),
        addresses: { primary: i === 0 ? (input.PrivateIpAddress ?? m.privateIp) : m.privateIp },
        deleteOnTermination: deleteOnTerminationDefault(undefined, true),
      }),
    );
  } else {
    const subnet = input.SubnetId !== undefined ? requireSubnet(ctx, input.SubnetId) : defaultSubnet(ctx, placementZone);
    const groupIds = [...(input.SecurityGroupIds ?? []), ...groupIdsByName(ctx, subnet.vpc_id, input.SecurityGroups ?? [])];
    nics.push({
      deviceIndex: 0,
      card: 0,
      subnet,
      groupIds: resolveInterfaceGroups(ctx, subnet, groupIds),
      addresses: { primary: input.PrivateIpAddress },
      deleteOnTermination: deleteOnTerminationDefault(undefined, true),
    });
    publicIp = subnet.map_public_ip_on_launch === 1;
  }

  nics.sort((a, b) => a.card - b.card || a.deviceIndex - b.deviceIndex);
  const primary = nics[0];
  const zone = primary.existing?.availability_zone ?? primary.subnet.availability_zone;
  if (placementZone !== undefined && placementZone !== zone) throw InstanceErrors.zoneMismatch(placementZone, primary.subnet.id, zone);
  for (const nic of nics) {
    if (nic.subnet.availability_zone !== zone) throw NetworkInterfaceErrors.zoneInvalid();
    if (nic.subnet.vpc_id !== primary.subnet.vpc_id) throw NetworkInterfaceErrors.vpcInvalid();
  }
  if (input.MaxCount > 1 && nics.some((n) => n.existing || n.addresses.primary !== undefined || (n.addresses.secondaries?.length ?? 0) > 0)) {
    throw InstanceErrors.singleInstanceOnly();
  }
  if (nics.length > limits.maxNetworkInterfaces) throw NetworkInterfaceErrors.attachmentLimit(nics.length, instanceType);
  for (let card = 0; card < limits.maxNetworkCards; card++) {
    const onCard = nics.filter((n) => n.card === card).length;
    if (onCard > limits.cardLimits[card]) throw NetworkInterfaceErrors.cardAttachmentLimit(onCard, instanceType, card);
  }
  for (const nic of nics) {
    if (!nic.existing && addressCount(nic.addresses) > limits.ipv4AddressesPerInterface) throw NetworkInterfaceErrors.privateIpLimit();
  }
  const tags = tagsFromSpecifications(input.TagSpecifications, TAGGABLE_AT_LAUNCH);
  return { count: launchCount(nics, input.MinCount, input.MaxCount), instanceType, zone, vpcId: primary.subnet.vpc_id, nics, publicIp, tags };
}

/** As many instances as the subnets have addresses for, up to MaxCount; fewer than MinCount is an error. */
function launchCount(nics: readonly NicPlan[], min: number, max: number): number {
  const need = new Map<string, { subnet: SubnetRow; perInstance: number }>();
  for (const nic of nics) {
    if (nic.existing) continue;
    const entry = need.get(nic.subnet.id) ?? { subnet: nic.subnet, perInstance: 0 };
    entry.perInstance += addressCount(nic.addresses);
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
  const zoneIndex = zonesOf(ctx.scope.region).findIndex((z) => z.name === zone);
  return `10.111.${zoneIndex + 1}.${101 + (k % 2)}`;
}

export function launch(ctx: RequestContext, input: RunInstancesRequest, plan: LaunchPlan): { reservationId: string; instances: InstanceRow[] } {
  const { store, scope } = ctx;
  const reservationId = ctx.ids.id('r');
  const image = input.ImageId as string;
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
      tenancy: input.Placement?.Tenancy ?? 'default',
      architecture: ctx.images.architectureOf(image),
      platform: ctx.images.platformOf(image) ?? null,
      http_tokens: input.MetadataOptions?.HttpTokens ?? 'optional',
      http_endpoint: input.MetadataOptions?.HttpEndpoint ?? 'enabled',
      http_put_response_hop_limit: input.MetadataOptions?.HttpPutResponseHopLimit ?? 1,
      http_protocol_ipv6: input.MetadataOptions?.HttpProtocolIpv6 ?? 'disabled',
      instance_metadata_tags: input.MetadataOptions?.InstanceMetadataTags ?? 'disabled',
      auto_public_ip: plan.publicIp ? 1 : 0,
      node_host: nodeFor(ctx, plan.zone, k),
    });
    const instance = store.instances.get(scope, id)!;
    for (const nic of plan.nics) {
      const eni =
        nic.existing ??
        createInterface(ctx, {
          subnet: nic.subnet,
          groupIds: nic.groupIds,
          addresses: nic.addresses,
          description: nic.description,
          site: 'launch',
        });
      if (!nic.existing) addTags(ctx, eni.id, 'network-interface', plan.tags.get('network-interface') ?? []);
      createAttachment(ctx, eni, instance, { deviceIndex: nic.deviceIndex, card: nic.card, status: 'attaching', deleteOnTermination: nic.deleteOnTermination });
    }
    if (plan.publicIp) assignLaunchPublicIp(ctx, id);
    addTags(ctx, id, 'instance', plan.tags.get('instance') ?? []);
    scheduleInstance(ctx, instance, 'pending', 'running', ctx.config.pendingMs);
    ctx.networkManagers.forRegion(scope.region).allocated?.(ctx, id);
    instances.push(store.instances.get(scope, id)!);
  }
  return { reservationId, instances };
}
