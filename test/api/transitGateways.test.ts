/** Transit gateways: life cycle, route tables, VPC attachments and their interfaces, links, routes, VPC routes. */
import {
  AssociateTransitGatewayRouteTableCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateTransitGatewayCommand,
  CreateTransitGatewayRouteCommand,
  CreateTransitGatewayRouteTableCommand,
  CreateTransitGatewayVpcAttachmentCommand,
  CreateVpcCommand,
  DeleteNetworkInterfaceCommand,
  DeleteRouteTableCommand,
  DeleteSubnetCommand,
  DeleteTransitGatewayCommand,
  DeleteTransitGatewayRouteCommand,
  DeleteTransitGatewayRouteTableCommand,
  DeleteTransitGatewayVpcAttachmentCommand,
  DeleteVpcCommand,
  DescribeNetworkInterfacesCommand,
  DescribeRouteTablesCommand,
  DescribeTransitGatewayAttachmentsCommand,
  DescribeTransitGatewayRouteTablesCommand,
  DescribeTransitGatewaysCommand,
  DescribeTransitGatewayVpcAttachmentsCommand,
  DetachNetworkInterfaceCommand,
  DisableTransitGatewayRouteTablePropagationCommand,
  DisassociateTransitGatewayRouteTableCommand,
  EC2Client,
  EnableTransitGatewayRouteTablePropagationCommand,
  GetTransitGatewayRouteTableAssociationsCommand,
  GetTransitGatewayRouteTablePropagationsCommand,
  ModifyTransitGatewayCommand,
  ModifyTransitGatewayVpcAttachmentCommand,
  ReplaceTransitGatewayRouteCommand,
  SearchTransitGatewayRoutesCommand,
  TransitGateway,
} from '@aws-sdk/client-ec2';
import model from '../../src/protocol/model/ec2.json';
import { useTestServer } from '../helpers/env';
import { availableIps, createNetwork, TestNetwork } from '../helpers/network';
import { rawQuery, TestServer, expectEc2Error } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;
let ec2: EC2Client;
useTestServer({ network: 'each' }, (env) => ({ t, net } = env));
beforeEach(() => {
  ec2 = t.ec2;
  t.runtime.backend.resume();
});

const camelCase = (name: string) => name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const describeTgw = async (id: string): Promise<TransitGateway> =>
  (await ec2.send(new DescribeTransitGatewaysCommand({ TransitGatewayIds: [id] }))).TransitGateways![0];
async function newTgw(options = {}) {
  const created = (await ec2.send(new CreateTransitGatewayCommand({ Description: 'hub', Options: options }))).TransitGateway!;
  return { created, tgw: await describeTgw(created.TransitGatewayId!) };
}
async function attach(tgwId: string, subnetIds = [net.subnetA1, net.subnetB], vpcId = net.vpcId) {
  const att = (await ec2.send(new CreateTransitGatewayVpcAttachmentCommand({ TransitGatewayId: tgwId, VpcId: vpcId, SubnetIds: subnetIds })))
    .TransitGatewayVpcAttachment!;
  return att;
}
const search = async (table: string, filters: Array<{ Name: string; Values: string[] }>) =>
  (await ec2.send(new SearchTransitGatewayRoutesCommand({ TransitGatewayRouteTableId: table, Filters: filters }))).Routes!;

describe('CreateTransitGateway / DescribeTransitGateways / ModifyTransitGateway', () => {
  it('answers pending with AWS defaults and a default route table, then the back end makes both available', async () => {
    const { created, tgw } = await newTgw();
    expect(created.TransitGatewayId).toMatch(/^tgw-[0-9a-f]{17}$/);
    expect(created.State).toBe('pending');
    const table = created.Options!.AssociationDefaultRouteTableId!;
    expect(table).toMatch(/^tgw-rtb-[0-9a-f]{17}$/);
    expect(tgw).toMatchObject({
      State: 'available',
      Description: 'hub',
      OwnerId: t.runtime.config.account,
      TransitGatewayArn: `arn:aws:ec2:us-east-1:${t.runtime.config.account}:transit-gateway/${created.TransitGatewayId}`,
      Options: {
        AmazonSideAsn: 64512,
        AutoAcceptSharedAttachments: 'disable',
        DefaultRouteTableAssociation: 'enable',
        AssociationDefaultRouteTableId: table,
        DefaultRouteTablePropagation: 'enable',
        PropagationDefaultRouteTableId: table,
        VpnEcmpSupport: 'enable',
        DnsSupport: 'enable',
        MulticastSupport: 'disable',
      },
    });
    const tables = (await ec2.send(new DescribeTransitGatewayRouteTablesCommand({ TransitGatewayRouteTableIds: [table] }))).TransitGatewayRouteTables!;
    expect(tables[0]).toMatchObject({ State: 'available', TransitGatewayId: tgw.TransitGatewayId, DefaultAssociationRouteTable: true, DefaultPropagationRouteTable: true });
  });

  it('without defaults has no default table; ASN, tags, filters and pagination', async () => {
    const created = (
      await ec2.send(
        new CreateTransitGatewayCommand({
          Options: { AmazonSideAsn: 65000, DefaultRouteTableAssociation: 'disable', DefaultRouteTablePropagation: 'disable' },
          TagSpecifications: [{ ResourceType: 'transit-gateway', Tags: [{ Key: 'Name', Value: 'edge' }] }],
        }),
      )
    ).TransitGateway!;
    expect(created.Options).toMatchObject({ AmazonSideAsn: 65000, DefaultRouteTableAssociation: 'disable' });
    expect(created.Options!.AssociationDefaultRouteTableId).toBeUndefined();
    expect(created.Tags).toEqual([{ Key: 'Name', Value: 'edge' }]);
    const other = (await newTgw()).tgw.TransitGatewayId!;
    const both = [created.TransitGatewayId!, other];
    const byTag = await ec2.send(new DescribeTransitGatewaysCommand({ TransitGatewayIds: both, Filters: [{ Name: 'tag:Name', Values: ['edge'] }] }));
    expect(byTag.TransitGateways!.map((g) => g.TransitGatewayId)).toEqual([created.TransitGatewayId]);
    const byAsn = await ec2.send(new DescribeTransitGatewaysCommand({ TransitGatewayIds: both, Filters: [{ Name: 'options.amazon-side-asn', Values: ['64512'] }] }));
    expect(byAsn.TransitGateways!.map((g) => g.TransitGatewayId)).toEqual([other]);
    const page1 = await ec2.send(new DescribeTransitGatewaysCommand({ Filters: [{ Name: 'transit-gateway-id', Values: both }], MaxResults: 5 }));
    expect(page1.TransitGateways).toHaveLength(2);
    const tables = await ec2.send(new DescribeTransitGatewayRouteTablesCommand({ Filters: [{ Name: 'transit-gateway-id', Values: both }] }));
    expect(tables.TransitGatewayRouteTables!.map((x) => x.TransitGatewayId)).toEqual([other]);
    await expectEc2Error(ec2.send(new CreateTransitGatewayCommand({ Options: { AmazonSideAsn: 100 } })), {
      code: 'InvalidParameterValue',
      message: 'The ASN 100 is not valid.',
    });
  });

  it('unknown and malformed ids; DryRun creates nothing', async () => {
    const count = async () => (await ec2.send(new DescribeTransitGatewaysCommand({}))).TransitGateways!.length;
    const tableCount = async () => (await ec2.send(new DescribeTransitGatewayRouteTablesCommand({}))).TransitGatewayRouteTables!.length;
    const [gateways, tables] = [await count(), await tableCount()];
    await expectEc2Error(ec2.send(new DescribeTransitGatewaysCommand({ TransitGatewayIds: ['tgw-0123456789abcdef0'] })), {
      code: 'InvalidTransitGatewayID.NotFound',
      message: 'Transit Gateway tgw-0123456789abcdef0 was deleted or does not exist.',
    });
    await expectEc2Error(ec2.send(new DeleteTransitGatewayCommand({ TransitGatewayId: 'tgw-nope' })), {
      code: 'InvalidTransitGatewayID.Malformed',
      message: 'Invalid id: "tgw-nope" (expecting "tgw-...")',
    });
    await expectEc2Error(ec2.send(new CreateTransitGatewayCommand({ DryRun: true })), {
      code: 'DryRunOperation',
      message: 'Request would have succeeded, but DryRun flag is set.',
      status: 412,
    });
    expect([await count(), await tableCount()]).toEqual([gateways, tables]);
  });

  it('ModifyTransitGateway changes the description and options', async () => {
    const { tgw } = await newTgw();
    const modified = (
      await ec2.send(
        new ModifyTransitGatewayCommand({
          TransitGatewayId: tgw.TransitGatewayId,
          Description: 'core',
          Options: { DnsSupport: 'disable', DefaultRouteTablePropagation: 'disable' },
        }),
      )
    ).TransitGateway!;
    expect(modified.Description).toBe('core');
    expect(modified.Options).toMatchObject({ DnsSupport: 'disable', DefaultRouteTablePropagation: 'disable', DefaultRouteTableAssociation: 'enable' });
    expect(modified.Options!.PropagationDefaultRouteTableId).toBeUndefined();
  });
});

describe('VPC attachments', () => {
  it('one requester-managed interface per subnet; the default table associates and propagates', async () => {
    const { tgw } = await newTgw();
    const before = await availableIps(ec2, net.subnetA1);
    const att = await attach(tgw.TransitGatewayId!);
    expect(att.TransitGatewayAttachmentId).toMatch(/^tgw-attach-[0-9a-f]{17}$/);
    expect(att).toMatchObject({ State: 'pending', VpcId: net.vpcId, SubnetIds: [net.subnetA1, net.subnetB], TransitGatewayId: tgw.TransitGatewayId });
    expect(await availableIps(ec2, net.subnetA1)).toBe(before - 1);

    const vpcAtt = (await ec2.send(new DescribeTransitGatewayVpcAttachmentsCommand({ TransitGatewayAttachmentIds: [att.TransitGatewayAttachmentId!] })))
      .TransitGatewayVpcAttachments![0];
    expect(vpcAtt).toMatchObject({
      State: 'available',
      VpcOwnerId: t.runtime.config.account,
      Options: { DnsSupport: 'enable', Ipv6Support: 'disable', ApplianceModeSupport: 'disable' },
    });
    const generic = (await ec2.send(new DescribeTransitGatewayAttachmentsCommand({ Filters: [{ Name: 'resource-id', Values: [net.vpcId] }] })))
      .TransitGatewayAttachments!;
    const table = tgw.Options!.AssociationDefaultRouteTableId!;
    expect(generic).toEqual([
      expect.objectContaining({
        TransitGatewayAttachmentId: att.TransitGatewayAttachmentId,
        ResourceType: 'vpc',
        ResourceId: net.vpcId,
        State: 'available',
        TransitGatewayOwnerId: t.runtime.config.account,
        Association: { TransitGatewayRouteTableId: table, State: 'associated' },
      }),
    ]);
    const byTable = await ec2.send(
      new DescribeTransitGatewayAttachmentsCommand({ Filters: [{ Name: 'association.transit-gateway-route-table-id', Values: [table] }] }),
    );
    expect(byTable.TransitGatewayAttachments).toHaveLength(1);

    const enis = (await ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'interface-type', Values: ['transit_gateway'] }, { Name: 'vpc-id', Values: [net.vpcId] }] })))
      .NetworkInterfaces!;
    expect(enis.map((e) => e.SubnetId).sort()).toEqual([net.subnetA1, net.subnetB].sort());
    expect(enis[0]).toMatchObject({
      InterfaceType: 'transit_gateway',
      RequesterManaged: true,
      Status: 'in-use',
      Description: `Network Interface for Transit Gateway Attachment ${att.TransitGatewayAttachmentId}`,
    });
    // the user may not delete or detach them
    await expectEc2Error(ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: enis[0].NetworkInterfaceId })), {
      code: 'InvalidParameterValue',
      message: `Network interface '${enis[0].NetworkInterfaceId}' is currently in use.`,
    });
    await expectEc2Error(ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId: enis[0].Attachment!.AttachmentId })), {
      code: 'OperationNotPermitted',
      message: "You are not allowed to manage 'ela-attach' attachments.",
    });
    // nor delete the subnet or the VPC under them
    await expectEc2Error(ec2.send(new DeleteSubnetCommand({ SubnetId: net.subnetB })), {
      code: 'DependencyViolation',
      message: `The subnet '${net.subnetB}' has dependencies and cannot be deleted.`,
    });
    await expectEc2Error(ec2.send(new DeleteVpcCommand({ VpcId: net.vpcId })), {
      code: 'DependencyViolation',
      message: `The vpc '${net.vpcId}' has dependencies and cannot be deleted.`,
    });

    const assocs = (await ec2.send(new GetTransitGatewayRouteTableAssociationsCommand({ TransitGatewayRouteTableId: table }))).Associations!;
    expect(assocs).toEqual([{ TransitGatewayAttachmentId: att.TransitGatewayAttachmentId, ResourceId: net.vpcId, ResourceType: 'vpc', State: 'associated' }]);
    const props = (await ec2.send(new GetTransitGatewayRouteTablePropagationsCommand({ TransitGatewayRouteTableId: table })))
      .TransitGatewayRouteTablePropagations!;
    expect(props).toEqual([{ TransitGatewayAttachmentId: att.TransitGatewayAttachmentId, ResourceId: net.vpcId, ResourceType: 'vpc', State: 'enabled' }]);
  });

  it('refuses two subnets in one zone, a subnet of another VPC, a second attachment to the VPC', async () => {
    const { tgw } = await newTgw();
    const id = tgw.TransitGatewayId!;
    await expectEc2Error(attach(id, [net.subnetA1, net.subnetA2]), {
      code: 'DuplicateSubnetsInSameZone',
      message: 'Duplicate Subnets for same AZ',
    });
    const other = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.9.0.0/16' }))).Vpc!.VpcId!;
    await expectEc2Error(attach(id, [net.subnetA1], other), {
      code: 'InvalidParameterValue',
      message: `Subnet ${net.subnetA1} does not belong to VPC ${other}.`,
    });
    await attach(id, [net.subnetA1]);
    await expectEc2Error(attach(id, [net.subnetB]), {
      code: 'DuplicateTransitGatewayAttachment',
      message: `${id} has non-deleted Transit Gateway Attachments with same VPC ID.`,
    });
    await expectEc2Error(attach('tgw-0123456789abcdef0'), {
      code: 'InvalidTransitGatewayID.NotFound',
      message: 'Transit Gateway tgw-0123456789abcdef0 was deleted or does not exist.',
    });
  });

  it('Modify adds and removes subnets (with their interfaces); Delete frees them; DeleteTransitGateway waits for it', async () => {
    const { tgw } = await newTgw();
    const att = await attach(tgw.TransitGatewayId!, [net.subnetA1]);
    const id = att.TransitGatewayAttachmentId!;
    const modified = (await ec2.send(new ModifyTransitGatewayVpcAttachmentCommand({ TransitGatewayAttachmentId: id, AddSubnetIds: [net.subnetB], RemoveSubnetIds: [net.subnetA1] })))
      .TransitGatewayVpcAttachment!;
    expect(modified).toMatchObject({ State: 'modifying', SubnetIds: [net.subnetB] });
    const enis = async () =>
      (await ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'interface-type', Values: ['transit_gateway'] }, { Name: 'vpc-id', Values: [net.vpcId] }] }))).NetworkInterfaces!;
    expect((await enis()).map((e) => e.SubnetId)).toEqual([net.subnetB]);
    await expectEc2Error(ec2.send(new ModifyTransitGatewayVpcAttachmentCommand({ TransitGatewayAttachmentId: id, RemoveSubnetIds: [net.subnetB] })), {
      code: 'InvalidParameterValue',
      message: 'A Transit Gateway VPC Attachment must have at least one subnet.',
    });

    await expectEc2Error(ec2.send(new DeleteTransitGatewayCommand({ TransitGatewayId: tgw.TransitGatewayId })), {
      code: 'IncorrectState',
      message: `${tgw.TransitGatewayId} has non-deleted Transit Gateway Attachments: ${id}.`,
    });
    const deleting = (await ec2.send(new DeleteTransitGatewayVpcAttachmentCommand({ TransitGatewayAttachmentId: id }))).TransitGatewayVpcAttachment!;
    expect(deleting.State).toBe('deleting');
    expect(await enis()).toEqual([]);
    const after = (await ec2.send(new DescribeTransitGatewayVpcAttachmentsCommand({ TransitGatewayAttachmentIds: [id] }))).TransitGatewayVpcAttachments!;
    expect(after[0].State).toBe('deleted');
    await expectEc2Error(ec2.send(new DeleteTransitGatewayVpcAttachmentCommand({ TransitGatewayAttachmentId: id })), {
      code: 'InvalidTransitGatewayAttachmentID.NotFound',
      message: `Transit Gateway VPC Attachment ${id} was deleted or does not exist.`,
    });
    await ec2.send(new DeleteSubnetCommand({ SubnetId: net.subnetB }));

    const deleted = (await ec2.send(new DeleteTransitGatewayCommand({ TransitGatewayId: tgw.TransitGatewayId }))).TransitGateway!;
    expect(deleted.State).toBe('deleting');
    expect((await describeTgw(tgw.TransitGatewayId!)).State).toBe('deleted');
    const byGateway = [{ Name: 'transit-gateway-id', Values: [tgw.TransitGatewayId!] }];
    const tables = (await ec2.send(new DescribeTransitGatewayRouteTablesCommand({ Filters: byGateway }))).TransitGatewayRouteTables!;
    expect(tables.map((x) => x.State)).toEqual(['deleted']);
    // deleted gateways are purged after --terminated-ttl-ms
    await t.runtime.backend.advance(3_600_000);
    expect((await ec2.send(new DescribeTransitGatewaysCommand({ Filters: byGateway }))).TransitGateways).toEqual([]);
  });
});

describe('route tables, associations, propagations and routes', () => {
  it('associate / disassociate, enable / disable propagation, with AWS errors', async () => {
    const { tgw } = await newTgw({ DefaultRouteTableAssociation: 'disable', DefaultRouteTablePropagation: 'disable' });
    const att = (await attach(tgw.TransitGatewayId!)).TransitGatewayAttachmentId!;
    const table = (await ec2.send(new CreateTransitGatewayRouteTableCommand({
      TransitGatewayId: tgw.TransitGatewayId,
      TagSpecifications: [{ ResourceType: 'transit-gateway-route-table', Tags: [{ Key: 'Name', Value: 'spokes' }] }],
    }))).TransitGatewayRouteTable!;
    expect(table).toMatchObject({ State: 'pending', DefaultAssociationRouteTable: false, Tags: [{ Key: 'Name', Value: 'spokes' }] });
    const rtb = table.TransitGatewayRouteTableId!;
    expect(await t.ec2.send(new GetTransitGatewayRouteTableAssociationsCommand({ TransitGatewayRouteTableId: rtb }))).toMatchObject({ Associations: [] });

    const assoc = await ec2.send(new AssociateTransitGatewayRouteTableCommand({ TransitGatewayRouteTableId: rtb, TransitGatewayAttachmentId: att }));
    expect(assoc.Association).toEqual({ TransitGatewayRouteTableId: rtb, TransitGatewayAttachmentId: att, ResourceId: net.vpcId, ResourceType: 'vpc', State: 'associating' });
    await expectEc2Error(ec2.send(new AssociateTransitGatewayRouteTableCommand({ TransitGatewayRouteTableId: rtb, TransitGatewayAttachmentId: att })), {
      code: 'Resource.AlreadyAssociated',
      message: `Transit Gateway Attachment ${att} is already associated to a route table.`,
    });
    await expectEc2Error(ec2.send(new DeleteTransitGatewayRouteTableCommand({ TransitGatewayRouteTableId: rtb })), {
      code: 'IncorrectState',
      message: `${rtb} has associations and cannot be deleted.`,
    });
    const prop = await ec2.send(new EnableTransitGatewayRouteTablePropagationCommand({ TransitGatewayRouteTableId: rtb, TransitGatewayAttachmentId: att }));
    expect(prop.Propagation).toMatchObject({ State: 'enabling', ResourceId: net.vpcId });

    // propagated routes: the attached VPC's CIDR
    expect(await search(rtb, [{ Name: 'type', Values: ['propagated'] }])).toEqual([
      { DestinationCidrBlock: '10.0.0.0/16', Type: 'propagated', State: 'active', TransitGatewayAttachments: [{ ResourceId: net.vpcId, TransitGatewayAttachmentId: att, ResourceType: 'vpc' }] },
    ]);

    const dis = await ec2.send(new DisableTransitGatewayRouteTablePropagationCommand({ TransitGatewayRouteTableId: rtb, TransitGatewayAttachmentId: att }));
    expect(dis.Propagation!.State).toBe('disabling');
    await expectEc2Error(ec2.send(new DisableTransitGatewayRouteTablePropagationCommand({ TransitGatewayRouteTableId: rtb, TransitGatewayAttachmentId: att })), {
      code: 'TransitGatewayRouteTablePropagation.NotFound',
      message: `Propagation of ${att} to ${rtb} is not enabled.`,
    });
    expect(await search(rtb, [{ Name: 'type', Values: ['propagated'] }])).toEqual([]);
    const undone = await ec2.send(new DisassociateTransitGatewayRouteTableCommand({ TransitGatewayRouteTableId: rtb, TransitGatewayAttachmentId: att }));
    expect(undone.Association!.State).toBe('disassociating');
    const gone = (await ec2.send(new DeleteTransitGatewayRouteTableCommand({ TransitGatewayRouteTableId: rtb }))).TransitGatewayRouteTable!;
    expect(gone.State).toBe('deleting');
    await expectEc2Error(ec2.send(new GetTransitGatewayRouteTableAssociationsCommand({ TransitGatewayRouteTableId: rtb })), {
      code: 'InvalidRouteTableID.NotFound',
      message: `Transit Gateway Route Table ${rtb} was deleted or does not exist.`,
    });
  });

  it('static routes, blackholes, replace, delete and SearchTransitGatewayRoutes filters', async () => {
    const { tgw } = await newTgw();
    const rtb = tgw.Options!.AssociationDefaultRouteTableId!;
    const att = (await attach(tgw.TransitGatewayId!)).TransitGatewayAttachmentId!;
    const created = await ec2.send(new CreateTransitGatewayRouteCommand({ TransitGatewayRouteTableId: rtb, DestinationCidrBlock: '192.168.0.0/16', TransitGatewayAttachmentId: att }));
    expect(created.Route).toMatchObject({ DestinationCidrBlock: '192.168.0.0/16', Type: 'static', State: 'active' });
    await ec2.send(new CreateTransitGatewayRouteCommand({ TransitGatewayRouteTableId: rtb, DestinationCidrBlock: '172.16.0.0/12', Blackhole: true }));
    await expectEc2Error(
      ec2.send(new CreateTransitGatewayRouteCommand({ TransitGatewayRouteTableId: rtb, DestinationCidrBlock: '172.16.0.0/12', Blackhole: true })),
      { code: 'RouteAlreadyExists', message: `Route 172.16.0.0/12 already exists in Transit Gateway Route Table ${rtb}.` },
    );
    await expectEc2Error(ec2.send(new CreateTransitGatewayRouteCommand({ TransitGatewayRouteTableId: rtb, DestinationCidrBlock: '10.1.0.0/16' })), {
      code: 'InvalidParameterCombination',
      message: 'Exactly one of TransitGatewayAttachmentId or Blackhole must be specified.',
    });

    const cidrs = (routes: Array<{ DestinationCidrBlock?: string }>) => routes.map((r) => r.DestinationCidrBlock).sort();
    expect(cidrs(await search(rtb, [{ Name: 'state', Values: ['active', 'blackhole'] }]))).toEqual(['10.0.0.0/16', '172.16.0.0/12', '192.168.0.0/16']);
    expect(cidrs(await search(rtb, [{ Name: 'state', Values: ['blackhole'] }]))).toEqual(['172.16.0.0/12']);
    expect(cidrs(await search(rtb, [{ Name: 'route-search.exact-match', Values: ['192.168.0.0/16'] }]))).toEqual(['192.168.0.0/16']);
    expect(cidrs(await search(rtb, [{ Name: 'route-search.longest-prefix-match', Values: ['10.0.5.0/24'] }]))).toEqual(['10.0.0.0/16']);
    expect(cidrs(await search(rtb, [{ Name: 'route-search.subnet-of-match', Values: ['172.0.0.0/8'] }]))).toEqual(['172.16.0.0/12']);
    expect(cidrs(await search(rtb, [{ Name: 'route-search.supernet-of-match', Values: ['192.168.1.0/24'] }]))).toEqual(['192.168.0.0/16']);
    expect(cidrs(await search(rtb, [{ Name: 'attachment.resource-id', Values: [net.vpcId] }, { Name: 'type', Values: ['static'] }]))).toEqual(['192.168.0.0/16']);
    const capped = await ec2.send(new SearchTransitGatewayRoutesCommand({ TransitGatewayRouteTableId: rtb, Filters: [{ Name: 'type', Values: ['static'] }], MaxResults: 5 }));
    expect(capped.AdditionalRoutesAvailable).toBe(false);
    await expectEc2Error(ec2.send(new SearchTransitGatewayRoutesCommand({ TransitGatewayRouteTableId: rtb, Filters: [{ Name: 'bogus', Values: ['x'] }] })), {
      code: 'InvalidParameterValue',
      message: "The filter 'bogus' is invalid",
    });

    const replaced = await ec2.send(new ReplaceTransitGatewayRouteCommand({ TransitGatewayRouteTableId: rtb, DestinationCidrBlock: '192.168.0.0/16', Blackhole: true }));
    expect(replaced.Route).toMatchObject({ Type: 'static', State: 'blackhole' });
    const deleted = await ec2.send(new DeleteTransitGatewayRouteCommand({ TransitGatewayRouteTableId: rtb, DestinationCidrBlock: '192.168.0.0/16' }));
    expect(deleted.Route).toMatchObject({ DestinationCidrBlock: '192.168.0.0/16', State: 'deleted' });
    await expectEc2Error(ec2.send(new DeleteTransitGatewayRouteCommand({ TransitGatewayRouteTableId: rtb, DestinationCidrBlock: '192.168.0.0/16' })), {
      code: 'InvalidRoute.NotFound',
      message: `No route with destination-cidr-block 192.168.0.0/16 in Transit Gateway Route Table ${rtb}`,
    });
  });

  it('accepts every documented filter name of the Get* and Search calls (they need a real table)', async () => {
    const { tgw } = await newTgw();
    const rtb = tgw.Options!.AssociationDefaultRouteTableId!;
    const names: Record<string, string[]> = {
      GetTransitGatewayRouteTableAssociations: ['resource-id', 'resource-type', 'transit-gateway-attachment-id'],
      GetTransitGatewayRouteTablePropagations: ['resource-id', 'resource-type', 'transit-gateway-attachment-id'],
      SearchTransitGatewayRoutes: [
        'attachment.resource-id', 'attachment.resource-type', 'attachment.transit-gateway-attachment-id', 'prefix-list-id',
        'route-search.exact-match', 'route-search.longest-prefix-match', 'route-search.subnet-of-match', 'route-search.supernet-of-match', 'state', 'type',
      ],
      // the model's list, each in its camelCase form too (as test/protocol/filterNames.test.ts checks the others)
      GetTransitGatewayPrefixListReferences: model.operations.GetTransitGatewayPrefixListReferences.filters.flatMap((n) => [n, camelCase(n)]),
    };
    for (const [action, list] of Object.entries(names)) {
      for (const name of list) {
        const r = await rawQuery(t.url, { Action: action, Version: '2016-11-15', TransitGatewayRouteTableId: rtb, 'Filter.1.Name': name, 'Filter.1.Value.1': 'x' });
        expect([action, name, r.status]).toEqual([action, name, 200]);
      }
      const bad = await rawQuery(t.url, { Action: action, Version: '2016-11-15', TransitGatewayRouteTableId: rtb, 'Filter.1.Name': 'no-such-filter', 'Filter.1.Value.1': 'x' });
      expect([bad.status, bad.code]).toEqual([400, 'InvalidParameterValue']);
    }
  });
});

describe('VPC routes through a transit gateway', () => {
  it('are refused without an attachment, active while attached, blackhole once the attachment goes', async () => {
    const { tgw } = await newTgw();
    const rtb = (await ec2.send(new CreateRouteTableCommand({ VpcId: net.vpcId }))).RouteTable!.RouteTableId!;
    await expectEc2Error(ec2.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '10.50.0.0/16', TransitGatewayId: tgw.TransitGatewayId })), {
      code: 'InvalidTransitGatewayID.NotFound',
      message: `Transit Gateway ${tgw.TransitGatewayId} was deleted or does not exist.`,
    });
    const att = (await attach(tgw.TransitGatewayId!)).TransitGatewayAttachmentId!;
    await ec2.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '10.50.0.0/16', TransitGatewayId: tgw.TransitGatewayId }));
    const route = async () =>
      (await ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [rtb] }))).RouteTables![0].Routes!.find((r) => r.DestinationCidrBlock === '10.50.0.0/16')!;
    expect(await route()).toEqual({ DestinationCidrBlock: '10.50.0.0/16', TransitGatewayId: tgw.TransitGatewayId, Origin: 'CreateRoute', State: 'active' });
    const byTarget = await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'route.transit-gateway-id', Values: [tgw.TransitGatewayId!] }] }));
    expect(byTarget.RouteTables!.map((r) => r.RouteTableId)).toEqual([rtb]);

    await ec2.send(new DeleteTransitGatewayVpcAttachmentCommand({ TransitGatewayAttachmentId: att }));
    expect((await route()).State).toBe('blackhole');
    await ec2.send(new DeleteRouteTableCommand({ RouteTableId: rtb })).catch(() => undefined);
  });
});
