/** Transit gateway peering attachments across accounts and regions: life cycle, who may do what, routes through them. */
import {
  AcceptTransitGatewayPeeringAttachmentCommand,
  AssociateTransitGatewayRouteTableCommand,
  CreateTagsCommand,
  CreateTransitGatewayCommand,
  CreateTransitGatewayPeeringAttachmentCommand,
  CreateTransitGatewayRouteCommand,
  CreateTransitGatewayRouteTableCommand,
  DeleteTransitGatewayCommand,
  DeleteTransitGatewayPeeringAttachmentCommand,
  DescribeTransitGatewayAttachmentsCommand,
  DeleteTagsCommand,
  DescribeTagsCommand,
  DescribeTransitGatewayPeeringAttachmentsCommand,
  DescribeTransitGatewaysCommand,
  DisassociateTransitGatewayRouteTableCommand,
  EC2Client,
  EnableTransitGatewayRouteTablePropagationCommand,
  GetTransitGatewayRouteTableAssociationsCommand,
  RejectTransitGatewayPeeringAttachmentCommand,
  ReplaceTransitGatewayRouteCommand,
  SearchTransitGatewayRoutesCommand,
  TransitGatewayPeeringAttachment,
} from '@aws-sdk/client-ec2';
import { useTestServer } from '../helpers/env';
import { expectEc2Error, TestServer } from '../helpers/server';

const A = '123456789012';
const B = '210987654321';
const HOUR = 3_600_000;

let t: TestServer;
let a: EC2Client; // the default account, us-east-1
let bWest: EC2Client; // another account, us-west-2
let aWest: EC2Client; // the default account, us-west-2
let c: EC2Client; // a third account, us-east-1
useTestServer({}, (env) => ({ t } = env));
beforeAll(() => {
  a = t.ec2;
  bWest = t.client({ accessKeyId: B, region: 'us-west-2' });
  aWest = t.client({ region: 'us-west-2' });
  c = t.client({ accessKeyId: '333333333333' });
});
beforeEach(() => t.runtime.backend.resume());

async function gateway(client: EC2Client, options = {}) {
  return (await client.send(new CreateTransitGatewayCommand({ Options: options }))).TransitGateway!;
}
async function describe1(client: EC2Client, id: string): Promise<TransitGatewayPeeringAttachment> {
  return (await client.send(new DescribeTransitGatewayPeeringAttachmentsCommand({ TransitGatewayAttachmentIds: [id] }))).TransitGatewayPeeringAttachments![0];
}
/** Two fresh gateways: the default account's in us-east-1 and account B's in us-west-2, and a request between them. */
async function requested(options = {}, pauseFirst = false) {
  const requester = await gateway(a, options);
  const accepter = await gateway(bWest, options);
  if (pauseFirst) {
    await t.runtime.backend.advance(0); // the gateways become available
    t.runtime.backend.pause();
  }
  const created = (
    await a.send(
      new CreateTransitGatewayPeeringAttachmentCommand({
        TransitGatewayId: requester.TransitGatewayId,
        PeerTransitGatewayId: accepter.TransitGatewayId,
        PeerAccountId: B,
        PeerRegion: 'us-west-2',
        TagSpecifications: [{ ResourceType: 'transit-gateway-attachment', Tags: [{ Key: 'Name', Value: 'east-west' }] }],
      }),
    )
  ).TransitGatewayPeeringAttachment!;
  return { requester, accepter, created, id: created.TransitGatewayAttachmentId! };
}
async function accepted(options = {}) {
  const r = await requested(options);
  await bWest.send(new AcceptTransitGatewayPeeringAttachmentCommand({ TransitGatewayAttachmentId: r.id }));
  return r;
}
const search = async (client: EC2Client, table: string, filters = [{ Name: 'type', Values: ['static', 'propagated'] }]) =>
  (await client.send(new SearchTransitGatewayRoutesCommand({ TransitGatewayRouteTableId: table, Filters: filters }))).Routes!;

describe('two accounts, two regions', () => {
  it('create answers initiatingRequest; the back end makes it pendingAcceptance on both sides', async () => {
    const { requester, accepter, created, id } = await requested({}, true);
    expect(id).toMatch(/^tgw-attach-[0-9a-f]{17}$/);
    expect(created).toMatchObject({
      State: 'initiatingRequest',
      Status: { Code: 'initiatingRequest', Message: `Initiating Request to ${B}` },
      RequesterTgwInfo: { TransitGatewayId: requester.TransitGatewayId, OwnerId: A, Region: 'us-east-1' },
      AccepterTgwInfo: { TransitGatewayId: accepter.TransitGatewayId, OwnerId: B, Region: 'us-west-2' },
      Tags: [{ Key: 'Name', Value: 'east-west' }],
    });
    // no Options asked for, none shown (Terraform reads them back into a ForceNew block)
    expect(created.Options).toBeUndefined();
    // the accepter does not see it before the request reached it
    await expectEc2Error(describe1(bWest, id), {
      code: 'InvalidTransitGatewayAttachmentID.NotFound',
      message: `Transit Gateway Peering Attachment ${id} was deleted or does not exist.`,
    });
    await t.runtime.backend.advance(0);
    t.runtime.backend.resume();
    const mine = await describe1(a, id);
    const theirs = await describe1(bWest, id);
    expect(mine).toMatchObject({ State: 'pendingAcceptance', Status: { Code: 'pendingAcceptance', Message: `Pending Acceptance by ${B}` } });
    expect(theirs).toMatchObject({
      TransitGatewayAttachmentId: id,
      AccepterTransitGatewayAttachmentId: id,
      State: 'pendingAcceptance',
      RequesterTgwInfo: mine.RequesterTgwInfo,
      AccepterTgwInfo: mine.AccepterTgwInfo,
    });
    // both sides list it among their attachments, each with its own gateway
    const attachmentsOf = async (client: EC2Client) =>
      (await client.send(new DescribeTransitGatewayAttachmentsCommand({ TransitGatewayAttachmentIds: [id] }))).TransitGatewayAttachments![0];
    expect(await attachmentsOf(a)).toMatchObject({
      ResourceType: 'peering',
      TransitGatewayId: requester.TransitGatewayId,
      TransitGatewayOwnerId: A,
      ResourceId: accepter.TransitGatewayId,
      ResourceOwnerId: B,
      State: 'pendingAcceptance',
    });
    expect(await attachmentsOf(bWest)).toMatchObject({
      ResourceType: 'peering',
      TransitGatewayId: accepter.TransitGatewayId,
      TransitGatewayOwnerId: B,
      ResourceId: requester.TransitGatewayId,
      ResourceOwnerId: A,
      State: 'pendingAcceptance',
    });
    // a third account, or the requester's account in the other region, sees nothing
    await expectEc2Error(describe1(c, id), { code: 'InvalidTransitGatewayAttachmentID.NotFound' });
    await expectEc2Error(describe1(aWest, id), { code: 'InvalidTransitGatewayAttachmentID.NotFound' });
  });

  it('accept answers pending, then both sides are available and associated with their default tables', async () => {
    const { requester, accepter, id } = await requested();
    await describe1(a, id); // the request reaches the accepter
    t.runtime.backend.pause();
    const answer = (await bWest.send(new AcceptTransitGatewayPeeringAttachmentCommand({ TransitGatewayAttachmentId: id })))
      .TransitGatewayPeeringAttachment!;
    expect(answer).toMatchObject({ TransitGatewayAttachmentId: id, State: 'pending', Status: { Code: 'pending', Message: 'Pending' } });
    t.runtime.backend.resume();
    expect(await describe1(a, id)).toMatchObject({ State: 'available', Status: { Code: 'available', Message: 'Available' } });
    expect(await describe1(bWest, id)).toMatchObject({ State: 'available' });
    const assoc = async (client: EC2Client, table: string) =>
      (await client.send(new GetTransitGatewayRouteTableAssociationsCommand({ TransitGatewayRouteTableId: table }))).Associations!;
    expect(await assoc(a, requester.Options!.AssociationDefaultRouteTableId!)).toEqual([
      { TransitGatewayAttachmentId: id, ResourceId: accepter.TransitGatewayId, ResourceType: 'peering', State: 'associated' },
    ]);
    expect(await assoc(bWest, accepter.Options!.AssociationDefaultRouteTableId!)).toEqual([
      { TransitGatewayAttachmentId: id, ResourceId: requester.TransitGatewayId, ResourceType: 'peering', State: 'associated' },
    ]);
  });

  it('routes through it on both sides, blackhole once it is deleted; deleted stays visible, then goes', async () => {
    const { requester, accepter, id } = await accepted({ DefaultRouteTableAssociation: 'disable', DefaultRouteTablePropagation: 'disable' });
    const eastTable = (await a.send(new CreateTransitGatewayRouteTableCommand({ TransitGatewayId: requester.TransitGatewayId })))
      .TransitGatewayRouteTable!.TransitGatewayRouteTableId!;
    const westTable = (await bWest.send(new CreateTransitGatewayRouteTableCommand({ TransitGatewayId: accepter.TransitGatewayId })))
      .TransitGatewayRouteTable!.TransitGatewayRouteTableId!;
    const association = (
      await a.send(new AssociateTransitGatewayRouteTableCommand({ TransitGatewayRouteTableId: eastTable, TransitGatewayAttachmentId: id }))
    ).Association!;
    expect(association).toMatchObject({ TransitGatewayAttachmentId: id, ResourceType: 'peering', State: 'associating' });
    await bWest.send(new AssociateTransitGatewayRouteTableCommand({ TransitGatewayRouteTableId: westTable, TransitGatewayAttachmentId: id }));
    const route = (
      await a.send(new CreateTransitGatewayRouteCommand({ TransitGatewayRouteTableId: eastTable, DestinationCidrBlock: '10.20.0.0/16', TransitGatewayAttachmentId: id }))
    ).Route!;
    expect(route).toMatchObject({
      DestinationCidrBlock: '10.20.0.0/16',
      Type: 'static',
      State: 'active',
      TransitGatewayAttachments: [{ TransitGatewayAttachmentId: id, ResourceId: accepter.TransitGatewayId, ResourceType: 'peering' }],
    });
    await a.send(new CreateTransitGatewayRouteCommand({ TransitGatewayRouteTableId: eastTable, DestinationCidrBlock: '10.30.0.0/16', Blackhole: true }));
    const replaced = (
      await a.send(new ReplaceTransitGatewayRouteCommand({ TransitGatewayRouteTableId: eastTable, DestinationCidrBlock: '10.30.0.0/16', TransitGatewayAttachmentId: id }))
    ).Route!;
    expect(replaced).toMatchObject({ State: 'active', TransitGatewayAttachments: [{ TransitGatewayAttachmentId: id }] });
    await bWest.send(new CreateTransitGatewayRouteCommand({ TransitGatewayRouteTableId: westTable, DestinationCidrBlock: '10.10.0.0/16', TransitGatewayAttachmentId: id }));
    expect(await search(a, eastTable, [{ Name: 'attachment.resource-type', Values: ['peering'] }])).toHaveLength(2);
    expect(await search(bWest, westTable)).toMatchObject([{ DestinationCidrBlock: '10.10.0.0/16', State: 'active', Type: 'static' }]);

    // the gateways cannot go while the peering lives
    await expectEc2Error(a.send(new DeleteTransitGatewayCommand({ TransitGatewayId: requester.TransitGatewayId })), {
      code: 'IncorrectState',
      message: `${requester.TransitGatewayId} has non-deleted Transit Gateway Cross Region Peering Attachments: ${id}.`,
    });
    await expectEc2Error(bWest.send(new DeleteTransitGatewayCommand({ TransitGatewayId: accepter.TransitGatewayId })), {
      code: 'IncorrectState',
      message: `${accepter.TransitGatewayId} has non-deleted Transit Gateway Cross Region Peering Attachments: ${id}.`,
    });

    // the accepter deletes it
    t.runtime.backend.pause();
    const deleting = (await bWest.send(new DeleteTransitGatewayPeeringAttachmentCommand({ TransitGatewayAttachmentId: id })))
      .TransitGatewayPeeringAttachment!;
    expect(deleting).toMatchObject({ State: 'deleting' });
    expect(await describe1(a, id)).toMatchObject({ State: 'deleting' });
    expect(await search(a, eastTable, [{ Name: 'state', Values: ['blackhole'] }])).toHaveLength(2);
    t.runtime.backend.resume();
    expect(await describe1(a, id)).toMatchObject({ State: 'deleted', Status: { Code: 'deleted', Message: 'Deleted' } });
    expect(await describe1(bWest, id)).toMatchObject({ State: 'deleted' });
    expect(await search(a, eastTable)).toMatchObject([
      { DestinationCidrBlock: '10.20.0.0/16', State: 'blackhole' },
      { DestinationCidrBlock: '10.30.0.0/16', State: 'blackhole' },
    ]);
    expect(await search(bWest, westTable)).toMatchObject([{ DestinationCidrBlock: '10.10.0.0/16', State: 'blackhole' }]);
    // its associations went with it; a deleted id answers NotFound to everything but Describe
    expect((await a.send(new GetTransitGatewayRouteTableAssociationsCommand({ TransitGatewayRouteTableId: eastTable }))).Associations).toEqual([]);
    await expectEc2Error(a.send(new DeleteTransitGatewayPeeringAttachmentCommand({ TransitGatewayAttachmentId: id })), {
      code: 'InvalidTransitGatewayAttachmentID.NotFound',
    });
    // the gateways can go now
    await a.send(new DeleteTransitGatewayCommand({ TransitGatewayId: requester.TransitGatewayId }));
    await t.runtime.backend.advance(HOUR);
    const gone = await a.send(new DescribeTransitGatewayPeeringAttachmentsCommand({ Filters: [{ Name: 'transit-gateway-attachment-id', Values: [id] }] }));
    expect(gone.TransitGatewayPeeringAttachments).toEqual([]);
    const goneWest = await bWest.send(new DescribeTransitGatewayAttachmentsCommand({ Filters: [{ Name: 'transit-gateway-attachment-id', Values: [id] }] }));
    expect(goneWest.TransitGatewayAttachments).toEqual([]);
  });

  it('reject: rejecting, then rejected on both sides; the requester may not accept or reject its own request', async () => {
    const { id } = await requested();
    await expectEc2Error(a.send(new AcceptTransitGatewayPeeringAttachmentCommand({ TransitGatewayAttachmentId: id })), {
      code: 'InvalidParameterValue',
      message: `Cannot accept ${id} as the source of the peering request.`,
    });
    await expectEc2Error(a.send(new RejectTransitGatewayPeeringAttachmentCommand({ TransitGatewayAttachmentId: id })), {
      code: 'InvalidParameterValue',
      message: `Cannot reject ${id} as the source of the peering request.`,
    });
    // another account or region does not see it at all
    await expectEc2Error(c.send(new AcceptTransitGatewayPeeringAttachmentCommand({ TransitGatewayAttachmentId: id })), {
      code: 'InvalidTransitGatewayAttachmentID.NotFound',
    });
    t.runtime.backend.pause();
    const rejecting = (await bWest.send(new RejectTransitGatewayPeeringAttachmentCommand({ TransitGatewayAttachmentId: id })))
      .TransitGatewayPeeringAttachment!;
    expect(rejecting).toMatchObject({ State: 'rejecting' });
    t.runtime.backend.resume();
    expect(await describe1(a, id)).toMatchObject({ State: 'rejected', Status: { Code: 'rejected' } });
    expect(await describe1(bWest, id)).toMatchObject({ State: 'rejected' });
    // wrong state now
    await expectEc2Error(bWest.send(new AcceptTransitGatewayPeeringAttachmentCommand({ TransitGatewayAttachmentId: id })), {
      code: 'IncorrectState',
      message: `${id} is in invalid state`,
    });
    await expectEc2Error(a.send(new DeleteTransitGatewayPeeringAttachmentCommand({ TransitGatewayAttachmentId: id })), {
      code: 'IncorrectState',
      message: `${id} is in invalid state`,
    });
    await t.runtime.backend.advance(HOUR);
    expect((await a.send(new DescribeTransitGatewayPeeringAttachmentsCommand({ TransitGatewayAttachmentIds: [] }))).TransitGatewayPeeringAttachments!.map((p) => p.TransitGatewayAttachmentId)).not.toContain(id);
  });

  it('accepting twice, or associating before the accept, is IncorrectState; propagation is refused', async () => {
    const { accepter, id } = await requested();
    await expectEc2Error(
      bWest.send(new AssociateTransitGatewayRouteTableCommand({ TransitGatewayRouteTableId: accepter.Options!.AssociationDefaultRouteTableId!, TransitGatewayAttachmentId: id })),
      { code: 'IncorrectState', message: `${id} is in invalid state` },
    );
    await bWest.send(new AcceptTransitGatewayPeeringAttachmentCommand({ TransitGatewayAttachmentId: id }));
    await expectEc2Error(bWest.send(new AcceptTransitGatewayPeeringAttachmentCommand({ TransitGatewayAttachmentId: id })), {
      code: 'IncorrectState',
      message: `${id} is in invalid state`,
    });
    await expectEc2Error(
      bWest.send(new EnableTransitGatewayRouteTablePropagationCommand({ TransitGatewayRouteTableId: accepter.Options!.PropagationDefaultRouteTableId!, TransitGatewayAttachmentId: id })),
      { code: 'InvalidParameterValue', message: `Route propagation is not supported for Transit Gateway Peering Attachment ${id}.` },
    );
    // associations are per side: the accepter's goes, the requester's stays
    await bWest.send(
      new DisassociateTransitGatewayRouteTableCommand({ TransitGatewayRouteTableId: accepter.Options!.AssociationDefaultRouteTableId!, TransitGatewayAttachmentId: id }),
    );
    const east = (await a.send(new DescribeTransitGatewayAttachmentsCommand({ TransitGatewayAttachmentIds: [id] }))).TransitGatewayAttachments![0];
    const west = (await bWest.send(new DescribeTransitGatewayAttachmentsCommand({ TransitGatewayAttachmentIds: [id] }))).TransitGatewayAttachments![0];
    expect(east.Association).toMatchObject({ State: 'associated' });
    expect(west.Association).toBeUndefined();
  });
});

describe('Options', () => {
  it('are shown, on both sides, only when the create asked for them (as Terraform reads them back)', async () => {
    const plain = await requested();
    const mine = await gateway(a);
    const theirs = await gateway(bWest);
    const asked = (
      await a.send(
        new CreateTransitGatewayPeeringAttachmentCommand({
          TransitGatewayId: mine.TransitGatewayId,
          PeerTransitGatewayId: theirs.TransitGatewayId,
          PeerAccountId: B,
          PeerRegion: 'us-west-2',
          Options: { DynamicRouting: 'enable' },
        }),
      )
    ).TransitGatewayPeeringAttachment!;
    expect(asked.Options).toEqual({ DynamicRouting: 'enable' });
    await t.runtime.backend.advance(0);
    for (const client of [a, bWest]) {
      expect((await describe1(client, plain.id)).Options).toBeUndefined();
      expect((await describe1(client, asked.TransitGatewayAttachmentId!)).Options).toEqual({ DynamicRouting: 'enable' });
    }
  });
});

describe('CreateTransitGatewayPeeringAttachment refusals', () => {
  it('an unknown peer gateway, an unknown own gateway, bad account or region, itself; DryRun', async () => {
    const mine = await gateway(a);
    const theirs = await gateway(bWest);
    const create = (over: Record<string, unknown> = {}) =>
      a.send(
        new CreateTransitGatewayPeeringAttachmentCommand({
          TransitGatewayId: mine.TransitGatewayId,
          PeerTransitGatewayId: theirs.TransitGatewayId,
          PeerAccountId: B,
          PeerRegion: 'us-west-2',
          ...over,
        }),
      );
    // the peer gateway exists in another account or region than the one named
    await expectEc2Error(create({ PeerAccountId: A }), {
      code: 'InvalidTransitGatewayID.NotFound',
      message: `Transit Gateway ${theirs.TransitGatewayId} was deleted or does not exist.`,
    });
    await expectEc2Error(create({ PeerRegion: 'eu-west-1' }), { code: 'InvalidTransitGatewayID.NotFound' });
    await expectEc2Error(create({ PeerTransitGatewayId: 'tgw-0123456789abcdef0' }), {
      code: 'InvalidTransitGatewayID.NotFound',
      message: 'Transit Gateway tgw-0123456789abcdef0 was deleted or does not exist.',
    });
    await expectEc2Error(create({ TransitGatewayId: theirs.TransitGatewayId }), {
      code: 'InvalidTransitGatewayID.NotFound',
      message: `Transit Gateway ${theirs.TransitGatewayId} was deleted or does not exist.`,
    });
    await expectEc2Error(create({ PeerAccountId: '12' }), { code: 'InvalidParameterValue', message: "Invalid value '12' for peerAccountId." });
    await expectEc2Error(create({ PeerRegion: 'moon-1' }), { code: 'InvalidParameterValue' });
    await expectEc2Error(create({ PeerTransitGatewayId: mine.TransitGatewayId, PeerAccountId: A, PeerRegion: 'us-east-1' }), {
      code: 'InvalidParameterValue',
      message: `The transit gateway ${mine.TransitGatewayId} cannot be peered with itself.`,
    });
    await expectEc2Error(create({ DryRun: true }), { code: 'DryRunOperation', status: 412 });
    const listed = await a.send(new DescribeTransitGatewayPeeringAttachmentsCommand({ Filters: [{ Name: 'transit-gateway-id', Values: [mine.TransitGatewayId!] }] }));
    expect(listed.TransitGatewayPeeringAttachments).toEqual([]);
  });

  it('fails when the peer gateway goes before the request reaches it', async () => {
    const { accepter, id } = await requested({}, true);
    await bWest.send(new DeleteTransitGatewayCommand({ TransitGatewayId: accepter.TransitGatewayId }));
    await t.runtime.backend.advance(0);
    t.runtime.backend.resume();
    expect(await describe1(a, id)).toMatchObject({ State: 'failed', Status: { Code: 'failed' } });
    await expectEc2Error(describe1(bWest, id), { code: 'InvalidTransitGatewayAttachmentID.NotFound' });
    await expectEc2Error(a.send(new DeleteTransitGatewayPeeringAttachmentCommand({ TransitGatewayAttachmentId: id })), {
      code: 'IncorrectState',
      message: `${id} is in invalid state`,
    });
  });

  it('DryRun of accept, reject and delete changes nothing', async () => {
    const { id } = await requested();
    for (const cmd of [
      new AcceptTransitGatewayPeeringAttachmentCommand({ TransitGatewayAttachmentId: id, DryRun: true }),
      new RejectTransitGatewayPeeringAttachmentCommand({ TransitGatewayAttachmentId: id, DryRun: true }),
      new DeleteTransitGatewayPeeringAttachmentCommand({ TransitGatewayAttachmentId: id, DryRun: true }),
    ]) {
      await expectEc2Error(bWest.send(cmd as never), { code: 'DryRunOperation', status: 412 });
    }
    await expectEc2Error(a.send(new DescribeTransitGatewayPeeringAttachmentsCommand({ DryRun: true })), { code: 'DryRunOperation', status: 412 });
    expect(await describe1(bWest, id)).toMatchObject({ State: 'pendingAcceptance' });
  });
});

describe('one account and region (intra-region peering)', () => {
  it('the accepter side gets its own id; either side deletes', async () => {
    const g1 = await gateway(a);
    const g2 = await gateway(a);
    const id = (
      await a.send(
        new CreateTransitGatewayPeeringAttachmentCommand({ TransitGatewayId: g1.TransitGatewayId, PeerTransitGatewayId: g2.TransitGatewayId, PeerAccountId: A, PeerRegion: 'us-east-1' }),
      )
    ).TransitGatewayPeeringAttachment!.TransitGatewayAttachmentId!;
    const mine = await describe1(a, id);
    const accepterId = mine.AccepterTransitGatewayAttachmentId!;
    expect(accepterId).toMatch(/^tgw-attach-/);
    expect(accepterId).not.toBe(id);
    expect(await describe1(a, accepterId)).toMatchObject({
      TransitGatewayAttachmentId: accepterId,
      State: 'pendingAcceptance',
      RequesterTgwInfo: { TransitGatewayId: g1.TransitGatewayId },
      AccepterTgwInfo: { TransitGatewayId: g2.TransitGatewayId },
    });
    await expectEc2Error(a.send(new AcceptTransitGatewayPeeringAttachmentCommand({ TransitGatewayAttachmentId: id })), {
      code: 'InvalidParameterValue',
      message: `Cannot accept ${id} as the source of the peering request.`,
    });
    await a.send(new AcceptTransitGatewayPeeringAttachmentCommand({ TransitGatewayAttachmentId: accepterId }));
    expect((await describe1(a, id)).State).toBe('available');
    await expectEc2Error(a.send(new DeleteTransitGatewayCommand({ TransitGatewayId: g2.TransitGatewayId })), {
      code: 'IncorrectState',
      message: `${g2.TransitGatewayId} has non-deleted Transit Gateway Peering Attachments: ${accepterId}.`,
    });
    await a.send(new DeleteTransitGatewayPeeringAttachmentCommand({ TransitGatewayAttachmentId: accepterId }));
    expect((await describe1(a, id)).State).toBe('deleted');
    expect((await describe1(a, accepterId)).State).toBe('deleted');
  });
});

describe('tags: each side keeps its own', () => {
  it('requester and accepter tag the same attachment differently; each sees, filters on and deletes only its own', async () => {
    const { id } = await accepted();
    const tagsOf = async (client: EC2Client) => (await describe1(client, id)).Tags;
    const described = async (client: EC2Client) =>
      (await client.send(new DescribeTagsCommand({ Filters: [{ Name: 'resource-id', Values: [id] }] }))).Tags!.map((x) => [x.Key, x.Value, x.ResourceType]);
    // the requester's TagSpecifications stay on the requester's side
    expect(await tagsOf(a)).toEqual([{ Key: 'Name', Value: 'east-west' }]);
    expect(await tagsOf(bWest)).toEqual([]);
    await bWest.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: 'Name', Value: 'west-east' }, { Key: 'owner', Value: 'b' }] }));
    await a.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: 'cost', Value: 'a' }] }));
    expect(await tagsOf(a)).toEqual([
      { Key: 'Name', Value: 'east-west' },
      { Key: 'cost', Value: 'a' },
    ]);
    expect(await tagsOf(bWest)).toEqual([
      { Key: 'Name', Value: 'west-east' },
      { Key: 'owner', Value: 'b' },
    ]);
    // DescribeTags and DescribeTransitGatewayAttachments agree with the resource's Describe in each scope
    expect(await described(a)).toEqual([
      ['Name', 'east-west', 'transit-gateway-attachment'],
      ['cost', 'a', 'transit-gateway-attachment'],
    ]);
    expect(await described(bWest)).toEqual([
      ['Name', 'west-east', 'transit-gateway-attachment'],
      ['owner', 'b', 'transit-gateway-attachment'],
    ]);
    const attachmentTags = async (client: EC2Client) =>
      (await client.send(new DescribeTransitGatewayAttachmentsCommand({ TransitGatewayAttachmentIds: [id] }))).TransitGatewayAttachments![0].Tags;
    expect(await attachmentTags(bWest)).toEqual([
      { Key: 'Name', Value: 'west-east' },
      { Key: 'owner', Value: 'b' },
    ]);
    // tag filters match the caller's own tags
    const filtered = async (client: EC2Client, name: string, values: string[]) =>
      (
        await client.send(
          new DescribeTransitGatewayPeeringAttachmentsCommand({ Filters: [{ Name: name, Values: values }, { Name: 'transit-gateway-attachment-id', Values: [id] }] }),
        )
      ).TransitGatewayPeeringAttachments!.map((p) => p.TransitGatewayAttachmentId);
    expect(await filtered(a, 'tag:Name', ['east-west'])).toEqual([id]);
    expect(await filtered(a, 'tag:Name', ['west-*'])).toEqual([]);
    expect(await filtered(bWest, 'tag:Name', ['west-*'])).toEqual([id]);
    expect(await filtered(bWest, 'tag-key', ['cost'])).toEqual([]);
    // DeleteTags by the accepter, even of every tag, leaves the requester's
    await bWest.send(new DeleteTagsCommand({ Resources: [id], Tags: [{ Key: 'Name' }] }));
    expect(await tagsOf(bWest)).toEqual([{ Key: 'owner', Value: 'b' }]);
    expect(await tagsOf(a)).toEqual([
      { Key: 'Name', Value: 'east-west' },
      { Key: 'cost', Value: 'a' },
    ]);
    await bWest.send(new DeleteTagsCommand({ Resources: [id] }));
    expect(await tagsOf(bWest)).toEqual([]);
    expect(await described(a)).toHaveLength(2);
    // and the requester's DeleteTags leaves the accepter's
    await bWest.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: 'cost', Value: 'b' }] }));
    await a.send(new DeleteTagsCommand({ Resources: [id], Tags: [{ Key: 'cost', Value: 'a' }] }));
    expect(await tagsOf(a)).toEqual([{ Key: 'Name', Value: 'east-west' }]);
    expect(await tagsOf(bWest)).toEqual([{ Key: 'cost', Value: 'b' }]);
  });
});

describe('DescribeTransitGatewayPeeringAttachments filters and pages', () => {
  it('filters by local and remote owner, gateway, state, tags; pages with MaxResults', async () => {
    const first = await accepted();
    const second = await requested();
    await bWest.send(new CreateTagsCommand({ Resources: [second.id], Tags: [{ Key: 'side', Value: 'west' }] }));
    const ids = async (client: EC2Client, filters: Array<{ Name: string; Values: string[] }>) =>
      (await client.send(new DescribeTransitGatewayPeeringAttachmentsCommand({ Filters: filters }))).TransitGatewayPeeringAttachments!.map(
        (p) => p.TransitGatewayAttachmentId,
      );
    const both = [first.id, second.id];
    expect(await ids(a, [{ Name: 'local-owner-id', Values: [A] }, { Name: 'remote-owner-id', Values: [B] }])).toEqual(expect.arrayContaining(both));
    expect(await ids(bWest, [{ Name: 'local-owner-id', Values: [B] }, { Name: 'remote-owner-id', Values: [A] }])).toEqual(expect.arrayContaining(both));
    expect(await ids(a, [{ Name: 'local-owner-id', Values: [B] }])).toEqual([]);
    expect(await ids(a, [{ Name: 'transit-gateway-id', Values: [first.requester.TransitGatewayId!] }])).toEqual([first.id]);
    expect(await ids(bWest, [{ Name: 'transit-gateway-id', Values: [second.accepter.TransitGatewayId!] }])).toEqual([second.id]);
    expect(await ids(bWest, [{ Name: 'state', Values: ['pendingAcceptance'] }, { Name: 'transit-gateway-attachment-id', Values: both }])).toEqual([second.id]);
    expect(await ids(a, [{ Name: 'tag:Name', Values: ['east-west'] }, { Name: 'transit-gateway-attachment-id', Values: both }])).toEqual(both);
    // tags are per side: the accepter's tag filters its own listing, not the requester's
    expect(await ids(bWest, [{ Name: 'tag-key', Values: ['side'] }])).toEqual([second.id]);
    expect(await ids(a, [{ Name: 'tag-key', Values: ['side'] }])).toEqual([]);
    expect(await ids(bWest, [{ Name: 'tag:Name', Values: ['east-west'] }])).toEqual([]);
    // pages: MaxResults 5 walks the same list as one call
    const all = (await a.send(new DescribeTransitGatewayPeeringAttachmentsCommand({}))).TransitGatewayPeeringAttachments!.map((p) => p.TransitGatewayAttachmentId);
    expect(all.length).toBeGreaterThan(5);
    const paged: Array<string | undefined> = [];
    let token: string | undefined;
    do {
      const page = await a.send(new DescribeTransitGatewayPeeringAttachmentsCommand({ MaxResults: 5, NextToken: token }));
      expect(page.TransitGatewayPeeringAttachments!.length).toBeLessThanOrEqual(5);
      paged.push(...page.TransitGatewayPeeringAttachments!.map((p) => p.TransitGatewayAttachmentId));
      token = page.NextToken;
    } while (token);
    expect(paged).toEqual(all);
    await expectEc2Error(a.send(new DescribeTransitGatewayPeeringAttachmentsCommand({ Filters: [{ Name: 'bogus', Values: ['x'] }] })), {
      code: 'InvalidParameterValue',
    });
    expect((await a.send(new DescribeTransitGatewaysCommand({ TransitGatewayIds: [first.requester.TransitGatewayId!] }))).TransitGateways![0].State).toBe('available');
  });
});
