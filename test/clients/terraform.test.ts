/**
 * Terraform with the AWS provider 5.x, unmodified, against an in-process ec2lite: the configuration in
 * test/clients/terraform/ (a VPC, subnets, security groups, an instance with two network_interface blocks, an
 * aws_network_interface_attachment, an Elastic IP on the secondary interface, a route to an interface, the
 * default-VPC lookup) with the README's provider block, applied at once, re-planned with no changes, destroyed, and
 * checked through the SDK at each step. A second configuration, test/clients/terraform/services/ (a Wavelength Zone
 * opted in with its subnet, carrier gateway and route; a PrivateLink service shared with another account and its
 * accepted Interface endpoint there; a transit gateway peering across accounts and Regions; instance, fleet, routing
 * and account options the provider reads back), goes through the same
 * steps against a server of its own, side by side with the first: both mostly wait on the provider's fixed delays.
 * aws_spot_fleet_request is left out: its create alone waits 40 s whatever the answers (the provider's fixed
 * delays), more than the suite's time budget allows; test/api/spotFleets.test.ts sends what the provider sends.
 * The provider comes from a local mirror (`terraform init -plugin-dir`): nothing is downloaded, and the suite is
 * skipped where Terraform or the mirror is missing.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  DescribeAddressesCommand,
  DescribeFleetsCommand,
  DescribeSpotInstanceRequestsCommand,
  GetImageBlockPublicAccessStateCommand,
  GetInstanceMetadataDefaultsCommand,
  GetSerialConsoleAccessStatusCommand,
  GetSnapshotBlockPublicAccessStateCommand,
  GetTransitGatewayPrefixListReferencesCommand,
  DescribeAvailabilityZonesCommand,
  DescribeCarrierGatewaysCommand,
  DescribeSubnetsCommand,
  DescribeTransitGatewayPeeringAttachmentsCommand,
  DescribeTransitGatewaysCommand,
  DescribeVpcEndpointConnectionsCommand,
  DescribeVpcEndpointServiceConfigurationsCommand,
  DescribeVpcEndpointServicePermissionsCommand,
  EC2Client,
  DescribeDhcpOptionsCommand,
  DescribeInstancesCommand,
  DescribeNetworkAclsCommand,
  DescribeNatGatewaysCommand,
  DescribeNetworkInterfacesCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeVolumesCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcsCommand,
} from '@aws-sdk/client-ec2';
import { startTestServer, TestServer } from '../helpers/server';
import { describeWithTerraform, readmeBlock } from './iacTools';
import { leftovers, NOTHING_LEFT } from './leftovers';
import { awsEnv, ProcessResult, run } from './tools';

const STEP_MS = 240_000;

/** One configuration in a directory of its own, against a server of its own. */
interface Workspace {
  t: TestServer;
  dir: string;
  tf(...args: string[]): Promise<ProcessResult>;
  ok(...args: string[]): Promise<string>;
}

async function workspace(terraform: string, config: string, vars: (t: TestServer) => Record<string, string> = () => ({})): Promise<Workspace> {
  const t = await startTestServer();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ec2lite-tf-'));
  copyFileSync(path.join(__dirname, 'terraform', config, 'main.tf'), path.join(dir, 'main.tf'));
  writeFileSync(path.join(dir, 'provider.tf'), readmeBlock('Terraform', 'hcl', t.url));
  writeFileSync(path.join(dir, 'cli.tfrc'), ''); // no user CLI configuration (plugin caches, credentials helpers)
  const tfVars = Object.fromEntries(Object.entries(vars(t)).map(([k, v]) => [`TF_VAR_${k}`, v]));
  const tf = (...args: string[]): Promise<ProcessResult> =>
    run(terraform, [...args, '-no-color'], {
      cwd: dir,
      timeoutMs: STEP_MS,
      env: awsEnv({ TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: path.join(dir, 'cli.tfrc'), TF_INPUT: '0', ...tfVars }),
    });
  const ok = async (...args: string[]): Promise<string> => {
    const r = await tf(...args);
    if (r.code !== 0) throw new Error(`terraform ${args.join(' ')} (${config || 'main'}) exited ${r.code}:\n${r.stderr}\n${r.stdout.slice(-4000)}`);
    return r.stdout;
  };
  return { t, dir, tf, ok };
}

async function noChanges(w: Workspace): Promise<string> {
  const r = await w.tf('plan', '-detailed-exitcode', '-input=false');
  if (r.code !== 0) throw new Error(`terraform plan exited ${r.code} (2 = changes pending):\n${r.stderr}\n${r.stdout.slice(-6000)}`);
  return r.stdout;
}

/** The account the services configuration's other providers use (their 12-digit access key id). */
const OTHER = '210987654321';

describeWithTerraform('Terraform against ec2lite', ({ terraform, pluginDir }) => {
  let main: Workspace;
  let svc: Workspace;
  let t: TestServer;
  let outputs: Record<string, { value: any }>;
  let svcOut: Record<string, { value: any }>;
  let consumer: EC2Client;
  let peer: EC2Client;

  beforeAll(async () => {
    main = await workspace(terraform, '');
    svc = await workspace(terraform, 'services', (s) => ({ endpoint: s.url }));
    t = main.t;
    consumer = svc.t.client({ accessKeyId: OTHER });
    peer = svc.t.client({ accessKeyId: OTHER, region: 'us-west-2' });
  });
  afterAll(async () => {
    for (const w of [main, svc]) {
      if (!w) continue;
      await w.t.close();
      rmSync(w.dir, { recursive: true, force: true });
    }
  });

  it('initialises from the local provider mirror', async () => {
    const [a, b] = await Promise.all([main, svc].map((w) => w.ok('init', `-plugin-dir=${pluginDir}`, '-input=false')));
    expect(a).toContain('Terraform has been successfully initialized');
    expect(b).toContain('Terraform has been successfully initialized');
  }, STEP_MS);

  it('applies both configurations', async () => {
    const [a, b] = await Promise.all([main, svc].map((w) => w.ok('apply', '-auto-approve', '-input=false')));
    expect(a).toContain('Apply complete! Resources: 25 added, 0 changed, 0 destroyed.');
    expect(b).toContain('Apply complete! Resources: 31 added, 0 changed, 0 destroyed.');
    outputs = JSON.parse(await main.ok('output', '-json'));
    svcOut = JSON.parse(await svc.ok('output', '-json'));
  }, STEP_MS);

  it('found the default VPC and resolved the account through STS', async () => {
    const { Vpcs } = await t.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }));
    expect(outputs.default_vpc_id.value).toBe(Vpcs![0].VpcId);
    expect(outputs.vpc_arn.value).toBe(`arn:aws:ec2:us-east-1:123456789012:vpc/${outputs.vpc_id.value}`);
  });

  it("looked the image up by name and read its root device's mapping", () => {
    expect(outputs.ami.value).toEqual({
      id: 'ami-02b9a589195146a8f',
      root_device_name: '/dev/xvda',
      root_device_type: 'ebs',
      root_snapshot_id: 'snap-b52de8703b8fe15ac',
      ebs: expect.objectContaining({ snapshot_id: 'snap-b52de8703b8fe15ac', volume_size: '8', volume_type: 'gp2', delete_on_termination: 'true', encrypted: 'false' }),
    });
  });

  it('launched the instance with its three interfaces at device indexes 0, 1 and 2', async () => {
    const { Reservations } = await t.ec2.send(new DescribeInstancesCommand({ InstanceIds: [outputs.instance_id.value] }));
    const instance = Reservations![0].Instances![0];
    expect(instance.State!.Name).toBe('running');
    expect(instance.ImageId).toBe('ami-02b9a589195146a8f');
    expect(instance.Tags).toEqual([{ Key: 'Name', Value: 'tf-multi' }]);
    // the root volume and the ebs_block_device
    expect((instance.BlockDeviceMappings ?? []).map((m) => [m.DeviceName, m.Ebs!.DeleteOnTermination])).toEqual([
      ['/dev/xvda', true],
      ['/dev/sdf', true],
    ]);
    const { Volumes } = await t.ec2.send(new DescribeVolumesCommand({ Filters: [{ Name: 'attachment.instance-id', Values: [instance.InstanceId!] }] }));
    expect(Volumes!.map((v) => [v.Attachments![0].Device, v.Size, v.VolumeType]).sort()).toEqual([
      ['/dev/sdf', 2, 'gp3'],
      ['/dev/xvda', 8, 'gp2'],
    ]);
    const enis = [...instance.NetworkInterfaces!].sort((a, b) => a.Attachment!.DeviceIndex! - b.Attachment!.DeviceIndex!);
    expect(enis.map((n) => [n.NetworkInterfaceId, n.Attachment!.DeviceIndex, n.Attachment!.Status])).toEqual([
      [outputs.eni_ids.value[0], 0, 'attached'],
      [outputs.eni_ids.value[1], 1, 'attached'],
      [outputs.eni_ids.value[2], 2, 'attached'],
    ]);
    expect(enis[1].PrivateIpAddress).toBe('10.10.2.50');
    expect(enis[2].SourceDestCheck).toBe(false);
    // interfaces created before the launch are not deleted with the instance
    expect(enis.map((n) => n.Attachment!.DeleteOnTermination)).toEqual([false, false, false]);
  });

  it('put the Elastic IP on the secondary interface and routed 192.168.0.0/16 to the third', async () => {
    const { Addresses } = await t.ec2.send(new DescribeAddressesCommand({ PublicIps: [outputs.eip_public_ip.value] }));
    expect(Addresses).toEqual([
      expect.objectContaining({
        PublicIp: outputs.eip_public_ip.value,
        NetworkInterfaceId: outputs.eni_ids.value[1],
        PrivateIpAddress: '10.10.2.50',
        InstanceId: outputs.instance_id.value,
        Domain: 'vpc',
      }),
    ]);
    const { RouteTables } = await t.ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [outputs.route_table_id.value] }));
    expect(RouteTables![0].Routes).toContainEqual(
      expect.objectContaining({
        DestinationCidrBlock: '192.168.0.0/16',
        NetworkInterfaceId: outputs.eni_ids.value[2],
        InstanceId: outputs.instance_id.value,
        State: 'active',
      }),
    );
  });

  it('made the NAT gateway available with its Elastic IP, and routed the private table through it', async () => {
    const { NatGateways } = await t.ec2.send(new DescribeNatGatewaysCommand({ NatGatewayIds: [outputs.nat_gateway_id.value] }));
    expect(NatGateways![0]).toMatchObject({ State: 'available', ConnectivityType: 'public', Tags: [{ Key: 'Name', Value: 'tf-nat' }] });
    const eniId = NatGateways![0].NatGatewayAddresses![0].NetworkInterfaceId;
    const { NetworkInterfaces } = await t.ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [eniId!] }));
    expect(NetworkInterfaces![0]).toMatchObject({ InterfaceType: 'nat_gateway', RequesterManaged: true, Status: 'in-use' });
    const { RouteTables } = await t.ec2.send(
      new DescribeRouteTablesCommand({ Filters: [{ Name: 'route.nat-gateway-id', Values: [outputs.nat_gateway_id.value] }] }),
    );
    expect(RouteTables![0].Routes).toContainEqual(
      expect.objectContaining({ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: outputs.nat_gateway_id.value, State: 'active' }),
    );
  });

  it('made the S3 gateway endpoint available and routed the private table to the S3 prefix list through it', async () => {
    const id = outputs.vpc_endpoint_id.value;
    const { VpcEndpoints } = await t.ec2.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [id] }));
    expect(VpcEndpoints![0]).toMatchObject({ State: 'available', VpcEndpointType: 'Gateway', Tags: [{ Key: 'Name', Value: 'tf-s3' }] });
    const { RouteTables } = await t.ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: VpcEndpoints![0].RouteTableIds }));
    expect(RouteTables![0].Routes).toContainEqual({ DestinationPrefixListId: outputs.vpc_endpoint_prefix_list_id.value, GatewayId: id, Origin: 'CreateRoute', State: 'active' });
  });

  it('wrote the security groups rule for rule (the default egress revoked where none is declared)', async () => {
    const { SecurityGroups } = await t.ec2.send(
      new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [outputs.vpc_id.value] }, { Name: 'group-name', Values: ['tf-web', 'tf-back'] }] }),
    );
    const web = SecurityGroups!.find((g) => g.GroupName === 'tf-web')!;
    const back = SecurityGroups!.find((g) => g.GroupName === 'tf-back')!;
    expect(web.IpPermissions).toEqual([expect.objectContaining({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] })]);
    expect(web.IpPermissionsEgress).toEqual([expect.objectContaining({ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] })]);
    expect(back.IpPermissions).toEqual([
      expect.objectContaining({ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [expect.objectContaining({ GroupId: web.GroupId })] }),
    ]);
    expect(back.IpPermissionsEgress).toEqual([]);
  });

  it('moved the front subnet to its network ACL, with the declared rules, and gave the VPC its DHCP options', async () => {
    const { NetworkAcls } = await t.ec2.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'vpc-id', Values: [outputs.vpc_id.value] }] }));
    const acl = NetworkAcls!.find((a) => a.NetworkAclId === outputs.network_acl_id.value)!;
    const dflt = NetworkAcls!.find((a) => a.IsDefault)!;
    expect(dflt.NetworkAclId).toBe(outputs.default_network_acl_id.value);
    expect(acl.Associations!.map((a) => a.SubnetId)).toEqual([outputs.front_subnet_id.value]);
    expect(dflt.Associations!.map((a) => a.SubnetId)).not.toContain(outputs.front_subnet_id.value);
    expect(acl.Entries!.filter((e) => e.RuleNumber! < 32767)).toEqual([
      expect.objectContaining({ Egress: true, RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', CidrBlock: '0.0.0.0/0' }),
      expect.objectContaining({ Egress: false, RuleNumber: 100, Protocol: '6', PortRange: { From: 443, To: 443 } }),
      expect.objectContaining({ Egress: false, RuleNumber: 110, Protocol: '1', IcmpTypeCode: { Type: 8, Code: 0 }, CidrBlock: '10.10.0.0/16' }),
    ]);
    const { Vpcs } = await t.ec2.send(new DescribeVpcsCommand({ VpcIds: [outputs.vpc_id.value] }));
    expect(Vpcs![0].DhcpOptionsId).toBe(outputs.dhcp_options_id.value);
    const { DhcpOptions } = await t.ec2.send(new DescribeDhcpOptionsCommand({ DhcpOptionsIds: [outputs.dhcp_options_id.value] }));
    expect(DhcpOptions![0].DhcpConfigurations).toEqual([
      { Key: 'domain-name', Values: [{ Value: 'corp.example' }] },
      { Key: 'domain-name-servers', Values: [{ Value: 'AmazonProvidedDNS' }] },
    ]);
  });

  it('opted in to the Wavelength Zone group, put a subnet there, and routed it through an available carrier gateway', async () => {
    const ec2 = svc.t.ec2;
    expect(svcOut.wavelength_zones.value).toEqual(['us-east-1-wl1-bos-wlz-1']);
    const { AvailabilityZones } = await ec2.send(new DescribeAvailabilityZonesCommand({ ZoneNames: ['us-east-1-wl1-bos-wlz-1'] }));
    expect(AvailabilityZones).toEqual([
      expect.objectContaining({ ZoneType: 'wavelength-zone', OptInStatus: 'opted-in', GroupName: 'us-east-1-wl1-bos-wlz-1', ParentZoneName: 'us-east-1c' }),
    ]);
    const { Subnets } = await ec2.send(new DescribeSubnetsCommand({ SubnetIds: [svcOut.wavelength_subnet_id.value] }));
    expect(Subnets![0]).toMatchObject({ AvailabilityZone: 'us-east-1-wl1-bos-wlz-1', CidrBlock: '10.20.9.0/24', VpcId: svcOut.vpc_id.value });
    const { CarrierGateways } = await ec2.send(new DescribeCarrierGatewaysCommand({ CarrierGatewayIds: [svcOut.carrier_gateway_id.value] }));
    expect(CarrierGateways).toEqual([
      expect.objectContaining({ VpcId: svcOut.vpc_id.value, State: 'available', OwnerId: '123456789012', Tags: [{ Key: 'Name', Value: 'tf-cagw' }] }),
    ]);
    const { RouteTables } = await ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [svcOut.route_table_id.value] }));
    expect(RouteTables![0].Routes).toContainEqual(
      expect.objectContaining({ DestinationCidrBlock: '0.0.0.0/0', CarrierGatewayId: svcOut.carrier_gateway_id.value, State: 'active' }),
    );
    expect(RouteTables![0].Associations!.map((a) => a.SubnetId)).toEqual([svcOut.wavelength_subnet_id.value]);
  });

  it('shared the endpoint service with the other account, whose Interface endpoint the owner accepted', async () => {
    const ec2 = svc.t.ec2;
    const serviceId = svcOut.service_id.value;
    const { ServiceConfigurations } = await ec2.send(new DescribeVpcEndpointServiceConfigurationsCommand({ ServiceIds: [serviceId] }));
    expect(ServiceConfigurations![0]).toMatchObject({
      ServiceType: [{ ServiceType: 'Interface' }],
      ServiceState: 'Available',
      AcceptanceRequired: true,
      ServiceName: svcOut.service_name.value,
      NetworkLoadBalancerArns: ['arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/tf-nlb/0123456789abcdef'],
      Tags: [{ Key: 'Name', Value: 'tf-svc' }],
    });
    const { AllowedPrincipals } = await ec2.send(new DescribeVpcEndpointServicePermissionsCommand({ ServiceId: serviceId }));
    expect(AllowedPrincipals!.map((p) => [p.Principal, p.PrincipalType])).toEqual([[`arn:aws:iam::${OTHER}:root`, 'Account']]);
    const endpointId = svcOut.consumer_endpoint_id.value;
    const { VpcEndpoints } = await consumer.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [endpointId] }));
    expect(VpcEndpoints![0]).toMatchObject({ VpcEndpointType: 'Interface', ServiceName: svcOut.service_name.value, State: 'available', OwnerId: OTHER });
    expect(VpcEndpoints![0].NetworkInterfaceIds).toHaveLength(1);
    const { VpcEndpointConnections } = await ec2.send(new DescribeVpcEndpointConnectionsCommand({ Filters: [{ Name: 'service-id', Values: [serviceId] }] }));
    expect(VpcEndpointConnections!.map((c) => [c.VpcEndpointId, c.VpcEndpointOwner, c.VpcEndpointState])).toEqual([[endpointId, OTHER, 'available']]);
  });

  it('peered the transit gateways across accounts and Regions: one attachment id, available on both sides, each with its own tags', async () => {
    const id = svcOut.peering_attachment_id.value;
    const [local, remote] = svcOut.transit_gateway_ids.value;
    const info = {
      TransitGatewayAttachmentId: id,
      State: 'available',
      RequesterTgwInfo: { TransitGatewayId: local, OwnerId: '123456789012', Region: 'us-east-1' },
      AccepterTgwInfo: { TransitGatewayId: remote, OwnerId: OTHER, Region: 'us-west-2' },
    };
    for (const [client, name] of [[svc.t.ec2, 'tf-peering'], [peer, 'tf-peering-accepter']] as const) {
      const { TransitGatewayPeeringAttachments } = await client.send(new DescribeTransitGatewayPeeringAttachmentsCommand({ TransitGatewayAttachmentIds: [id] }));
      expect(TransitGatewayPeeringAttachments).toEqual([expect.objectContaining({ ...info, Tags: [{ Key: 'Name', Value: name }] })]);
    }
  });

  it('kept the instance, fleet, routing and account options the provider reads back', async () => {
    const ec2 = svc.t.ec2;
    const { Reservations } = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [svcOut.tuned_instance_id.value, svcOut.spot_instance_id.value] }));
    const [tuned, spot] = [svcOut.tuned_instance_id.value, svcOut.spot_instance_id.value].map((id) => Reservations!.flatMap((r) => r.Instances!).find((i) => i.InstanceId === id)!);
    expect(tuned).toMatchObject({
      CpuOptions: { CoreCount: 2, ThreadsPerCore: 1 },
      Monitoring: { State: 'enabled' },
      MaintenanceOptions: { AutoRecovery: 'disabled' },
      PrivateDnsNameOptions: { HostnameType: 'resource-name', EnableResourceNameDnsARecord: true, EnableResourceNameDnsAAAARecord: false },
      CapacityReservationSpecification: { CapacityReservationPreference: 'none' },
      // AL2023 requires IMDSv2; the account default would too
      MetadataOptions: expect.objectContaining({ HttpTokens: 'required', HttpPutResponseHopLimit: 2 }),
    });
    expect(spot.InstanceLifecycle).toBe('spot');
    const { SpotInstanceRequests } = await ec2.send(new DescribeSpotInstanceRequestsCommand({ SpotInstanceRequestIds: [spot.SpotInstanceRequestId!] }));
    expect(SpotInstanceRequests![0]).toMatchObject({ State: 'active', Type: 'persistent', SpotPrice: '0.050000', InstanceInterruptionBehavior: 'stop', InstanceId: spot.InstanceId });
    const { Fleets } = await ec2.send(new DescribeFleetsCommand({ FleetIds: [svcOut.fleet_id.value] }));
    expect([Fleets![0].SpotOptions!.AllocationStrategy, Fleets![0].OnDemandOptions!.AllocationStrategy]).toEqual(['lowestPrice', 'lowestPrice']);
    const { RouteTables } = await ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [svcOut.edge_route_table_id.value] }));
    expect(RouteTables![0].Associations).toEqual([expect.objectContaining({ GatewayId: svcOut.edge_gateway_id.value, Main: false })]);
    const [table, list] = svcOut.prefix_list_reference.value;
    const refs = await ec2.send(new GetTransitGatewayPrefixListReferencesCommand({ TransitGatewayRouteTableId: table }));
    expect(refs.TransitGatewayPrefixListReferences).toEqual([expect.objectContaining({ PrefixListId: list, State: 'available', Blackhole: true })]);
    expect((await ec2.send(new GetSnapshotBlockPublicAccessStateCommand({}))).State).toBe('block-new-sharing');
    expect((await ec2.send(new GetImageBlockPublicAccessStateCommand({}))).ImageBlockPublicAccessState).toBe('block-new-sharing');
    expect((await ec2.send(new GetSerialConsoleAccessStatusCommand({}))).SerialConsoleAccessEnabled).toBe(true);
    expect((await ec2.send(new GetInstanceMetadataDefaultsCommand({}))).AccountLevel).toEqual({ HttpTokens: 'required', HttpPutResponseHopLimit: 2 });
  });

  it('re-plans both with no changes', async () => {
    const [a, b] = await Promise.all([main, svc].map(noChanges));
    expect(a).toContain('No changes.');
    expect(b).toContain('No changes.');
  }, STEP_MS);

  it('destroys everything', async () => {
    const destroyMain = async () => {
      // The provider waits for a detached interface attachment to show up as `detached`; EC2 drops it instead, so the
      // provider's destroy of aws_network_interface_attachment takes 2.5 min on AWS too (terraform-provider-aws
      // issue 45835). Dropping it from the state lets the instance's termination detach the interface instead.
      await main.ok('state', 'rm', 'aws_network_interface_attachment.extra');
      return main.ok('destroy', '-auto-approve', '-input=false');
    };
    const [a, b] = await Promise.all([destroyMain(), svc.ok('destroy', '-auto-approve', '-input=false')]);
    expect(a).toContain('Destroy complete! Resources: 24 destroyed.');
    expect(b).toContain('Destroy complete! Resources: 31 destroyed.');
    expect(await leftovers(t.ec2)).toEqual(NOTHING_LEFT);
    for (const client of [svc.t.ec2, consumer, peer]) expect(await leftovers(client)).toEqual(NOTHING_LEFT);
  }, STEP_MS);

  it('left no service or gateway behind; the zone group stays opted in (AWS has no opt-out)', async () => {
    const ec2 = svc.t.ec2;
    expect((await ec2.send(new DescribeVpcEndpointServiceConfigurationsCommand({}))).ServiceConfigurations).toEqual([]);
    const [local, remote] = svcOut.transit_gateway_ids.value;
    expect((await ec2.send(new DescribeTransitGatewaysCommand({ TransitGatewayIds: [local] }))).TransitGateways![0].State).toBe('deleted');
    expect((await peer.send(new DescribeTransitGatewaysCommand({ TransitGatewayIds: [remote] }))).TransitGateways![0].State).toBe('deleted');
    expect((await ec2.send(new DescribeCarrierGatewaysCommand({ CarrierGatewayIds: [svcOut.carrier_gateway_id.value] }))).CarrierGateways![0].State).toBe('deleted');
    const { AvailabilityZones } = await ec2.send(new DescribeAvailabilityZonesCommand({ ZoneNames: ['us-east-1-wl1-bos-wlz-1'] }));
    expect(AvailabilityZones![0].OptInStatus).toBe('opted-in');
  });
});
