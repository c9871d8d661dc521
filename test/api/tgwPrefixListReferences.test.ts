/**
 * Transit gateway prefix list references through the SDK v3: create (pending, then available through the back
 * end), one per table and list, exactly one of an attachment or a blackhole, modify (modifying), delete (deleting,
 * then gone), the Get call's filters, a referenced list cannot be deleted, a deleted table takes its references.
 */
import {
  CreateManagedPrefixListCommand,
  CreateTransitGatewayCommand,
  CreateTransitGatewayPrefixListReferenceCommand,
  CreateTransitGatewayRouteTableCommand,
  CreateTransitGatewayVpcAttachmentCommand,
  DeleteManagedPrefixListCommand,
  DeleteTransitGatewayPrefixListReferenceCommand,
  DeleteTransitGatewayRouteTableCommand,
  GetTransitGatewayPrefixListReferencesCommand,
  ModifyTransitGatewayPrefixListReferenceCommand,
} from '@aws-sdk/client-ec2';
import { DRY_RUN } from '../helpers/api';
import { useTestServer } from '../helpers/env';
import { TestNetwork } from '../helpers/network';
import { expectEc2Error, TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;
useTestServer({ network: 'each', config: { transitGatewayMs: 1000 } }, (env) => ({ t, net } = env));

async function setUp() {
  const tgw = (await t.ec2.send(new CreateTransitGatewayCommand({ Options: { DefaultRouteTableAssociation: 'disable', DefaultRouteTablePropagation: 'disable' } })))
    .TransitGateway!.TransitGatewayId!;
  t.advance(1000);
  const table = (await t.ec2.send(new CreateTransitGatewayRouteTableCommand({ TransitGatewayId: tgw }))).TransitGatewayRouteTable!.TransitGatewayRouteTableId!;
  const att = (await t.ec2.send(new CreateTransitGatewayVpcAttachmentCommand({ TransitGatewayId: tgw, VpcId: net.vpcId, SubnetIds: [net.subnetA1] })))
    .TransitGatewayVpcAttachment!.TransitGatewayAttachmentId!;
  const pl = (await t.ec2.send(new CreateManagedPrefixListCommand({ PrefixListName: 'corp', AddressFamily: 'IPv4', MaxEntries: 5, Entries: [{ Cidr: '172.16.0.0/16' }] })))
    .PrefixList!.PrefixListId!;
  t.advance(1000);
  return { tgw, table, att, pl };
}
const references = async (table: string, Filters?: Array<{ Name: string; Values: string[] }>) =>
  (await t.ec2.send(new GetTransitGatewayPrefixListReferencesCommand({ TransitGatewayRouteTableId: table, Filters }))).TransitGatewayPrefixListReferences!;

it('creates pending then available, through an attachment; shows the attachment and the list owner', async () => {
  const { table, att, pl } = await setUp();
  await expectEc2Error(
    t.ec2.send(new CreateTransitGatewayPrefixListReferenceCommand({ TransitGatewayRouteTableId: table, PrefixListId: pl, TransitGatewayAttachmentId: att, DryRun: true })),
    DRY_RUN,
  );
  expect(await references(table)).toEqual([]);
  const created = (
    await t.ec2.send(new CreateTransitGatewayPrefixListReferenceCommand({ TransitGatewayRouteTableId: table, PrefixListId: pl, TransitGatewayAttachmentId: att }))
  ).TransitGatewayPrefixListReference!;
  expect(created).toEqual({
    TransitGatewayRouteTableId: table,
    PrefixListId: pl,
    PrefixListOwnerId: t.runtime.config.account,
    State: 'pending',
    Blackhole: false,
    TransitGatewayAttachment: { TransitGatewayAttachmentId: att, ResourceType: 'vpc', ResourceId: net.vpcId },
  });
  t.advance(1000);
  expect((await references(table)).map((r) => r.State)).toEqual(['available']);
  expect(await references(table, [{ Name: 'prefix-list-id', Values: [pl] }])).toHaveLength(1);
  expect(await references(table, [{ Name: 'attachment.resource-id', Values: [net.vpcId] }])).toHaveLength(1);
  expect(await references(table, [{ Name: 'is-blackhole', Values: ['true'] }])).toHaveLength(0);
  await expectEc2Error(
    t.ec2.send(new CreateTransitGatewayPrefixListReferenceCommand({ TransitGatewayRouteTableId: table, PrefixListId: pl, Blackhole: true })),
    { code: 'RouteAlreadyExists', message: `Prefix list ${pl} is already referenced in Transit Gateway Route Table ${table}.` },
  );
  // the list is in use while referenced
  await expectEc2Error(t.ec2.send(new DeleteManagedPrefixListCommand({ PrefixListId: pl })), {
    code: 'InvalidPrefixListModification',
    message: `The prefix list ${pl} is in use and cannot be deleted.`,
  });
});

it('needs exactly one of an attachment or a blackhole; modifies to a blackhole; deletes; unknown ids', async () => {
  const { table, att, pl } = await setUp();
  const target = { code: 'InvalidParameterCombination', message: 'Exactly one of TransitGatewayAttachmentId or Blackhole must be specified.' };
  await expectEc2Error(t.ec2.send(new CreateTransitGatewayPrefixListReferenceCommand({ TransitGatewayRouteTableId: table, PrefixListId: pl })), target);
  await expectEc2Error(
    t.ec2.send(new CreateTransitGatewayPrefixListReferenceCommand({ TransitGatewayRouteTableId: table, PrefixListId: pl, TransitGatewayAttachmentId: att, Blackhole: true })),
    target,
  );
  await expectEc2Error(
    t.ec2.send(new CreateTransitGatewayPrefixListReferenceCommand({ TransitGatewayRouteTableId: table, PrefixListId: 'pl-00000000000000000', Blackhole: true })),
    { code: 'InvalidPrefixListID.NotFound' },
  );
  await t.ec2.send(new CreateTransitGatewayPrefixListReferenceCommand({ TransitGatewayRouteTableId: table, PrefixListId: pl, TransitGatewayAttachmentId: att }));
  t.advance(1000);
  const modified = (await t.ec2.send(new ModifyTransitGatewayPrefixListReferenceCommand({ TransitGatewayRouteTableId: table, PrefixListId: pl, Blackhole: true })))
    .TransitGatewayPrefixListReference!;
  expect(modified).toMatchObject({ State: 'modifying', Blackhole: true });
  expect(modified.TransitGatewayAttachment).toBeUndefined();
  t.advance(1000);
  expect(await references(table, [{ Name: 'is-blackhole', Values: ['true'] }, { Name: 'state', Values: ['available'] }])).toHaveLength(1);

  const deleted = (await t.ec2.send(new DeleteTransitGatewayPrefixListReferenceCommand({ TransitGatewayRouteTableId: table, PrefixListId: pl })))
    .TransitGatewayPrefixListReference!;
  expect(deleted.State).toBe('deleting');
  t.advance(1000);
  expect(await references(table)).toEqual([]);
  await expectEc2Error(t.ec2.send(new DeleteTransitGatewayPrefixListReferenceCommand({ TransitGatewayRouteTableId: table, PrefixListId: pl })), {
    code: 'InvalidRoute.NotFound',
    message: `No prefix list reference for ${pl} in Transit Gateway Route Table ${table}`,
  });
  await expectEc2Error(references('tgw-rtb-00000000000000000'), { code: 'InvalidRouteTableID.NotFound' });
  // the list is free again
  expect((await t.ec2.send(new DeleteManagedPrefixListCommand({ PrefixListId: pl }))).PrefixList!.State).toBe('delete-in-progress');
});

it('a deleted route table takes its references with it, freeing the list', async () => {
  const { table, pl } = await setUp();
  await t.ec2.send(new CreateTransitGatewayPrefixListReferenceCommand({ TransitGatewayRouteTableId: table, PrefixListId: pl, Blackhole: true }));
  await t.ec2.send(new DeleteTransitGatewayRouteTableCommand({ TransitGatewayRouteTableId: table }));
  expect((await t.ec2.send(new DeleteManagedPrefixListCommand({ PrefixListId: pl }))).PrefixList!.State).toBe('delete-in-progress');
});
