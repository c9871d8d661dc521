/**
 * EC2 Instance Connect Endpoints through the SDK v3: create (create-in-progress, then create-complete through the
 * back end) with its requester-managed interface in the subnet, the VPC's default group unless given, the model's
 * filters and tags, delete (delete-in-progress, then gone with its interface), errors.
 */
import {
  CreateInstanceConnectEndpointCommand,
  DeleteInstanceConnectEndpointCommand,
  DeleteSubnetCommand,
  DescribeInstanceConnectEndpointsCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupsCommand,
} from '@aws-sdk/client-ec2';
import { DRY_RUN } from '../helpers/api';
import { useTestServer } from '../helpers/env';
import { TestNetwork } from '../helpers/network';
import { expectEc2Error, TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;
useTestServer({ network: 'each', config: { natGatewayMs: 1000 } }, (env) => ({ t, net } = env));

const describeOne = async (id: string) =>
  (await t.ec2.send(new DescribeInstanceConnectEndpointsCommand({ InstanceConnectEndpointIds: [id] }))).InstanceConnectEndpoints![0];

it('creates in progress then complete, with a requester-managed interface and the default group; filters; deletes', async () => {
  await expectEc2Error(t.ec2.send(new CreateInstanceConnectEndpointCommand({ SubnetId: net.subnetA1, DryRun: true })), DRY_RUN);
  const { InstanceConnectEndpoint: e } = await t.ec2.send(
    new CreateInstanceConnectEndpointCommand({ SubnetId: net.subnetA1, TagSpecifications: [{ ResourceType: 'instance-connect-endpoint', Tags: [{ Key: 'Name', Value: 'bastion' }] }] }),
  );
  const id = e!.InstanceConnectEndpointId!;
  expect(id).toMatch(/^eice-[0-9a-f]{17}$/);
  const { SecurityGroups } = await t.ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [net.vpcId] }, { Name: 'group-name', Values: ['default'] }] }));
  expect(e).toMatchObject({
    OwnerId: t.runtime.config.account,
    InstanceConnectEndpointArn: `arn:aws:ec2:us-east-1:${t.runtime.config.account}:instance-connect-endpoint/${id}`,
    State: 'create-in-progress',
    VpcId: net.vpcId,
    SubnetId: net.subnetA1,
    PreserveClientIp: false,
    IpAddressType: 'ipv4',
    SecurityGroupIds: [SecurityGroups![0].GroupId],
    Tags: [{ Key: 'Name', Value: 'bastion' }],
  });
  expect(e!.DnsName).toMatch(new RegExp(`^${id}\\.[0-9a-f]{8}\\.ec2-instance-connect-endpoint\\.us-east-1\\.amazonaws\\.com$`));
  const [eniId] = e!.NetworkInterfaceIds!;
  const { NetworkInterfaces } = await t.ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [eniId] }));
  expect(NetworkInterfaces![0]).toMatchObject({ InterfaceType: 'ec2_instance_connect_endpoint', RequesterManaged: true, SubnetId: net.subnetA1, Description: `EC2 Instance Connect Endpoint ${id}` });
  await expectEc2Error(t.ec2.send(new DeleteSubnetCommand({ SubnetId: net.subnetA1 })), { code: 'DependencyViolation' });

  t.advance(1000);
  expect((await describeOne(id)).State).toBe('create-complete');
  const byVpc = await t.ec2.send(new DescribeInstanceConnectEndpointsCommand({ Filters: [{ Name: 'vpc-id', Values: [net.vpcId] }, { Name: 'tag:Name', Values: ['bastion'] }] }));
  expect(byVpc.InstanceConnectEndpoints!.map((x) => x.InstanceConnectEndpointId)).toEqual([id]);

  expect((await t.ec2.send(new DeleteInstanceConnectEndpointCommand({ InstanceConnectEndpointId: id }))).InstanceConnectEndpoint!.State).toBe('delete-in-progress');
  t.advance(1000);
  await expectEc2Error(describeOne(id), { code: 'InvalidInstanceConnectEndpointId.NotFound', message: `The Instance Connect Endpoint '${id}' does not exist` });
  expect((await t.ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'network-interface-id', Values: [eniId] }] }))).NetworkInterfaces).toEqual([]);
});

it('an IPv6 type needs a subnet with IPv6; PreserveClientIp on IPv4 is kept; unknown and malformed ids', async () => {
  await expectEc2Error(t.ec2.send(new CreateInstanceConnectEndpointCommand({ SubnetId: net.subnetA1, IpAddressType: 'dualstack' })), {
    code: 'InvalidParameterValue',
    message: `The IP address type dualstack is not supported by subnet ${net.subnetA1}.`,
  });
  const { InstanceConnectEndpoint } = await t.ec2.send(new CreateInstanceConnectEndpointCommand({ SubnetId: net.subnetA1, PreserveClientIp: true }));
  expect(InstanceConnectEndpoint!.PreserveClientIp).toBe(true);
  await expectEc2Error(t.ec2.send(new DeleteInstanceConnectEndpointCommand({ InstanceConnectEndpointId: 'eice-00000000000000000' })), {
    code: 'InvalidInstanceConnectEndpointId.NotFound',
  });
  await expectEc2Error(t.ec2.send(new DeleteInstanceConnectEndpointCommand({ InstanceConnectEndpointId: 'eice-x' })), {
    code: 'InvalidInstanceConnectEndpointId.Malformed',
    message: 'Invalid id: "eice-x" (expecting "eice-...")',
  });
  await expectEc2Error(t.ec2.send(new CreateInstanceConnectEndpointCommand({ SubnetId: 'subnet-00000000000000000' })), { code: 'InvalidSubnetID.NotFound' });
});
