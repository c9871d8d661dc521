/**
 * The route state rules of every target kind in one table (src/domain/routes.ts RULES; docs/behavior.md "Routes:
 * active and blackhole"): each row builds a live target, checks the route is `active`, takes the target down and
 * checks the route went `blackhole` in the same call's aftermath.
 */
import {
  AcceptVpcPeeringConnectionCommand,
  AttachInternetGatewayCommand,
  CreateEgressOnlyInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateNatGatewayCommand,
  CreateRouteCommand,
  CreateRouteCommandInput,
  CreateRouteTableCommand,
  CreateVpcCommand,
  CreateVpcPeeringConnectionCommand,
  DeleteEgressOnlyInternetGatewayCommand,
  DeleteNatGatewayCommand,
  DeleteVpcPeeringConnectionCommand,
  DescribeRouteTablesCommand,
  DetachInternetGatewayCommand,
  EC2Client,
  StopInstancesCommand,
} from '@aws-sdk/client-ec2';
import { useTestServer } from '../helpers/env';
import { runOne, TestNetwork } from '../helpers/network';
import type { TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;
let ec2: EC2Client;
useTestServer({ network: 'each' }, (env) => ({ t, net } = env));
beforeEach(() => {
  ec2 = t.ec2;
});

interface Row {
  kind: string;
  destination: { DestinationCidrBlock?: string; DestinationIpv6CidrBlock?: string };
  /** Makes the target live and names it in the route's input. */
  up: () => Promise<Partial<CreateRouteCommandInput> & { down: () => Promise<unknown> }>;
}

const ROWS: Row[] = [
  {
    kind: 'igw',
    destination: { DestinationCidrBlock: '0.0.0.0/0' },
    up: async () => {
      const igw = (await ec2.send(new CreateInternetGatewayCommand({}))).InternetGateway!.InternetGatewayId!;
      await ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: net.vpcId }));
      return { GatewayId: igw, down: () => ec2.send(new DetachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: net.vpcId })) };
    },
  },
  {
    kind: 'eigw',
    destination: { DestinationIpv6CidrBlock: '::/0' },
    up: async () => {
      const eigw = (await ec2.send(new CreateEgressOnlyInternetGatewayCommand({ VpcId: net.vpcId }))).EgressOnlyInternetGateway!.EgressOnlyInternetGatewayId!;
      return { EgressOnlyInternetGatewayId: eigw, down: () => ec2.send(new DeleteEgressOnlyInternetGatewayCommand({ EgressOnlyInternetGatewayId: eigw })) };
    },
  },
  {
    kind: 'eni (instance)',
    destination: { DestinationCidrBlock: '0.0.0.0/0' },
    up: async () => {
      const instance = await runOne(ec2, { SubnetId: net.subnetA1 });
      return { InstanceId: instance.InstanceId, down: () => ec2.send(new StopInstancesCommand({ InstanceIds: [instance.InstanceId!] })) };
    },
  },
  {
    kind: 'nat',
    destination: { DestinationCidrBlock: '0.0.0.0/0' },
    up: async () => {
      const nat = (await ec2.send(new CreateNatGatewayCommand({ SubnetId: net.subnetA1, ConnectivityType: 'private' }))).NatGateway!.NatGatewayId!;
      return { NatGatewayId: nat, down: () => ec2.send(new DeleteNatGatewayCommand({ NatGatewayId: nat })) };
    },
  },
  {
    kind: 'pcx',
    destination: { DestinationCidrBlock: '10.77.0.0/16' },
    up: async () => {
      const peer = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.77.0.0/16' }))).Vpc!.VpcId!;
      const pcx = (await ec2.send(new CreateVpcPeeringConnectionCommand({ VpcId: net.vpcId, PeerVpcId: peer }))).VpcPeeringConnection!.VpcPeeringConnectionId!;
      await ec2.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx }));
      return { VpcPeeringConnectionId: pcx, down: () => ec2.send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx })) };
    },
  },
];

async function stateOf(table: string, dest: Row['destination']): Promise<string | undefined> {
  const rt = (await ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [table] }))).RouteTables![0];
  const route = rt.Routes!.find((r) =>
    dest.DestinationIpv6CidrBlock ? r.DestinationIpv6CidrBlock === dest.DestinationIpv6CidrBlock : r.DestinationCidrBlock === dest.DestinationCidrBlock,
  );
  return route?.State;
}

describe('route state per target kind', () => {
  it.each(ROWS)('$kind: active while the target is up, blackhole once it is down', async (row) => {
    const table = (await ec2.send(new CreateRouteTableCommand({ VpcId: net.vpcId }))).RouteTable!.RouteTableId!;
    const { down, ...target } = await row.up();
    await ec2.send(new CreateRouteCommand({ RouteTableId: table, ...row.destination, ...target }));
    expect(await stateOf(table, row.destination)).toBe('active');
    await down();
    expect(await stateOf(table, row.destination)).toBe('blackhole');
  });

  it('local: always active, whatever else happens to the table', async () => {
    const table = (await ec2.send(new CreateRouteTableCommand({ VpcId: net.vpcId }))).RouteTable!.RouteTableId!;
    const { down, ...target } = await ROWS[0].up();
    await ec2.send(new CreateRouteCommand({ RouteTableId: table, DestinationCidrBlock: '0.0.0.0/0', ...target }));
    await down();
    const rt = (await ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [table] }))).RouteTables![0];
    expect(rt.Routes!.find((r) => r.GatewayId === 'local')).toMatchObject({ DestinationCidrBlock: '10.0.0.0/16', State: 'active', Origin: 'CreateRouteTable' });
  });
});
