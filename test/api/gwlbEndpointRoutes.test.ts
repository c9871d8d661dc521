/**
 * A user's route to a Gateway Load Balancer endpoint stays the user's: after the endpoint is deleted and purged
 * (past --terminated-ttl-ms) the route is a blackhole the user can still replace or delete (a review finding: the
 * missing endpoint row made it look managed by a gateway endpoint).
 */
import {
  CreateRouteCommand, CreateRouteTableCommand, CreateVpcEndpointCommand, CreateVpcEndpointServiceConfigurationCommand,
  DeleteRouteCommand, DeleteVpcEndpointsCommand, DescribeRouteTablesCommand, DescribeVpcEndpointsCommand,
} from '@aws-sdk/client-ec2';
import { useTestServer } from '../helpers/env';
import { createNetwork } from '../helpers/network';
import type { TestServer } from '../helpers/server';

let t: TestServer;
useTestServer({}, (env) => ({ t } = env));

it('a route to a purged Gateway Load Balancer endpoint is a blackhole the user can delete', async () => {
  const gwlb = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/gwy/gw/fedcba9876543210';
  const s = (await t.ec2.send(new CreateVpcEndpointServiceConfigurationCommand({ GatewayLoadBalancerArns: [gwlb] }))).ServiceConfiguration!;
  const net = await createNetwork(t.ec2, '10.57.0.0/16');
  const rtb = (await t.ec2.send(new CreateRouteTableCommand({ VpcId: net.vpcId }))).RouteTable!.RouteTableId!;
  const e = (await t.ec2.send(new CreateVpcEndpointCommand({ VpcId: net.vpcId, VpcEndpointType: 'GatewayLoadBalancer', ServiceName: s.ServiceName, SubnetIds: [net.subnetA1] }))).VpcEndpoint!;
  t.advance();
  await t.ec2.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '0.0.0.0/0', VpcEndpointId: e.VpcEndpointId }));
  const route = async () =>
    (await t.ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [rtb] }))).RouteTables![0].Routes!.find((r) => r.DestinationCidrBlock === '0.0.0.0/0');
  expect(await route()).toMatchObject({ GatewayId: e.VpcEndpointId, State: 'active' });

  await t.ec2.send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: [e.VpcEndpointId!] }));
  t.advance();
  t.advance(2 * 3600_000); // past --terminated-ttl-ms: the endpoint row is purged
  expect((await t.ec2.send(new DescribeVpcEndpointsCommand({ Filters: [{ Name: 'vpc-endpoint-id', Values: [e.VpcEndpointId!] }] }))).VpcEndpoints).toEqual([]);
  expect(await route()).toMatchObject({ GatewayId: e.VpcEndpointId, State: 'blackhole' });

  await t.ec2.send(new DeleteRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '0.0.0.0/0' }));
  expect(await route()).toBeUndefined();
});
