/**
 * Wire check: botocore parses transit gateways, their VPC attachments, SearchTransitGatewayRoutes, a VPC route to a
 * gateway and a peering attachment between two accounts and Regions.
 */
import * as path from 'node:path';
import { startTestServer, TestServer } from '../helpers/server';
import { awsEnv, describeWithTool, run } from './tools';

describeWithTool('boto3', 'boto3 drives transit gateways', () => {
  let t: TestServer;
  let seen: Record<string, any>;

  beforeAll(async () => {
    t = await startTestServer();
    const r = await run('python3', ['-B', path.join(__dirname, 'boto3TransitGateways.py'), t.url], { env: awsEnv() });
    if (r.code !== 0) throw new Error(`boto3TransitGateways.py exited ${r.code}:\n${r.stderr}`);
    seen = JSON.parse(r.stdout);
  });
  afterAll(() => t.close());

  it('DescribeTransitGateways: nested options typed (integer ASN, enums, default table ids)', () => {
    expect(seen.gateway).toMatchObject({
      TransitGatewayId: seen.tgwId,
      State: 'available',
      Description: 'hub',
      OwnerId: '123456789012',
      Options: {
        AmazonSideAsn: 64600,
        DefaultRouteTableAssociation: 'enable',
        AssociationDefaultRouteTableId: seen.table,
        PropagationDefaultRouteTableId: seen.table,
        DnsSupport: 'enable',
      },
      Tags: [],
    });
  });

  it('DescribeTransitGatewayVpcAttachments lists the subnets; the interface has type transit_gateway', () => {
    expect(seen.attachments).toEqual([
      expect.objectContaining({ TransitGatewayAttachmentId: seen.attId, VpcId: seen.vpcId, SubnetIds: [seen.subnetId], State: 'available' }),
    ]);
    expect(seen.eni).toBe('transit_gateway');
  });

  it('SearchTransitGatewayRoutes: propagated VPC CIDR and a static blackhole, AdditionalRoutesAvailable a boolean', () => {
    expect(seen.routes).toEqual([
      { DestinationCidrBlock: '0.0.0.0/0', Type: 'static', State: 'blackhole' },
      {
        DestinationCidrBlock: '10.70.0.0/16',
        Type: 'propagated',
        State: 'active',
        TransitGatewayAttachments: [{ ResourceId: seen.vpcId, TransitGatewayAttachmentId: seen.attId, ResourceType: 'vpc' }],
      },
    ]);
    expect(seen.more).toBe(false);
    expect(seen.vpcRoute).toEqual([{ DestinationCidrBlock: '10.80.0.0/16', TransitGatewayId: seen.tgwId, Origin: 'CreateRoute', State: 'active' }]);
  });

  it('peering across accounts and Regions: one id, the info of both sides, accepted from the other account, routes through it', () => {
    const id = seen.peeringCreated.TransitGatewayAttachmentId;
    const info = {
      RequesterTgwInfo: { TransitGatewayId: seen.tgwId, OwnerId: '123456789012', Region: 'us-east-1' },
      AccepterTgwInfo: { TransitGatewayId: seen.peerTgwId, OwnerId: '210987654321', Region: 'us-west-2' },
    };
    expect(seen.peeringCreated).toMatchObject({ ...info, State: 'initiatingRequest', Options: { DynamicRouting: 'disable' } });
    expect(seen.peeringAccepted).toMatchObject({ ...info, TransitGatewayAttachmentId: id, State: 'pending' });
    expect(seen.peeringWest).toEqual([expect.objectContaining({ ...info, TransitGatewayAttachmentId: id, State: 'available' })]);
    expect(seen.peeringRoutes).toEqual([
      {
        DestinationCidrBlock: '10.90.0.0/16',
        Type: 'static',
        State: 'active',
        TransitGatewayAttachments: [{ ResourceId: seen.peerTgwId, TransitGatewayAttachmentId: id, ResourceType: 'peering' }],
      },
    ]);
  });
});
