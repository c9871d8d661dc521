/** Managed prefix lists: versions, states through the back end, AWS-managed lists, routes and security group rules. */
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateManagedPrefixListCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateInternetGatewayCommand,
  AttachInternetGatewayCommand,
  DeleteManagedPrefixListCommand,
  DeleteRouteCommand,
  DescribeManagedPrefixListsCommand,
  DescribeRouteTablesCommand,
  EC2Client,
  GetManagedPrefixListAssociationsCommand,
  GetManagedPrefixListEntriesCommand,
  ModifyManagedPrefixListCommand,
  RestoreManagedPrefixListVersionCommand,
  RevokeSecurityGroupIngressCommand,
  DescribeSecurityGroupsCommand,
} from '@aws-sdk/client-ec2';
import { useTestServer } from '../helpers/env';
import type { TestNetwork } from '../helpers/network';
import { expectEc2Error, TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;
let ec2: EC2Client;
useTestServer({ network: 'each' }, (env) => ({ t, net } = env));
beforeEach(() => {
  ec2 = t.ec2;
  t.runtime.backend.resume();
});

async function createList(entries: Array<{ Cidr: string; Description?: string }> = [{ Cidr: '10.1.0.0/16', Description: 'a' }], max = 5, name = 'corp') {
  return (await ec2.send(new CreateManagedPrefixListCommand({ PrefixListName: name, AddressFamily: 'IPv4', MaxEntries: max, Entries: entries }))).PrefixList!;
}
const entriesOf = async (id: string, version?: number) =>
  (await ec2.send(new GetManagedPrefixListEntriesCommand({ PrefixListId: id, TargetVersion: version }))).Entries!;
const describeList = async (id: string) => (await ec2.send(new DescribeManagedPrefixListsCommand({ PrefixListIds: [id] }))).PrefixLists![0];

describe('CreateManagedPrefixList / DescribeManagedPrefixLists', () => {
  it('answers create-in-progress; the back end completes it; tags, ARN and owner', async () => {
    t.runtime.backend.pause();
    const pl = (
      await ec2.send(
        new CreateManagedPrefixListCommand({
          PrefixListName: 'corp',
          AddressFamily: 'IPv4',
          MaxEntries: 3,
          Entries: [{ Cidr: '10.1.0.0/16', Description: 'office' }],
          TagSpecifications: [{ ResourceType: 'prefix-list', Tags: [{ Key: 'team', Value: 'net' }] }],
        }),
      )
    ).PrefixList!;
    expect(pl.PrefixListId).toMatch(/^pl-[0-9a-f]{17}$/);
    expect(pl).toMatchObject({ State: 'create-in-progress', Version: 1, MaxEntries: 3, AddressFamily: 'IPv4', PrefixListName: 'corp', OwnerId: '123456789012' });
    expect(pl.PrefixListArn).toBe(`arn:aws:ec2:us-east-1:123456789012:prefix-list/${pl.PrefixListId}`);
    expect(pl.Tags).toEqual([{ Key: 'team', Value: 'net' }]);
    t.advance();
    expect((await describeList(pl.PrefixListId!)).State).toBe('create-complete');
    expect(await entriesOf(pl.PrefixListId!)).toEqual([{ Cidr: '10.1.0.0/16', Description: 'office' }]);
  });

  it('lists the region AWS-managed s3 and dynamodb lists, owner AWS, to every account', async () => {
    const all = (await ec2.send(new DescribeManagedPrefixListsCommand({ Filters: [{ Name: 'owner-id', Values: ['AWS'] }] }))).PrefixLists!;
    expect(all.map((p) => p.PrefixListName).sort()).toEqual(['com.amazonaws.us-east-1.dynamodb', 'com.amazonaws.us-east-1.s3']);
    const s3 = all.find((p) => p.PrefixListName === 'com.amazonaws.us-east-1.s3')!;
    expect(s3).toMatchObject({ OwnerId: 'AWS', State: 'create-complete', Version: 1, AddressFamily: 'IPv4' });
    expect(s3.PrefixListId).toMatch(/^pl-[0-9a-f]{8}$/);
    expect((await entriesOf(s3.PrefixListId!)).length).toBeGreaterThan(0);
    const byName = await ec2.send(new DescribeManagedPrefixListsCommand({ Filters: [{ Name: 'prefix-list-name', Values: ['com.amazonaws.us-east-1.s3'] }] }));
    expect(byName.PrefixLists!.map((p) => p.PrefixListId)).toEqual([s3.PrefixListId]);
    await expectEc2Error(ec2.send(new ModifyManagedPrefixListCommand({ PrefixListId: s3.PrefixListId!, PrefixListName: 'x' })), {
      code: 'InvalidPrefixListModification',
    });
    await expectEc2Error(ec2.send(new DeleteManagedPrefixListCommand({ PrefixListId: s3.PrefixListId! })), { code: 'InvalidPrefixListModification' });
  });

  it('pages and refuses unknown ids, bad families, too many entries, reserved names; DryRun', async () => {
    await createList(undefined, 5, 'one');
    await createList(undefined, 5, 'two');
    const filters = [{ Name: 'prefix-list-name', Values: ['one', 'two', 'com.amazonaws.us-east-1.s3'] }];
    const all = await ec2.send(new DescribeManagedPrefixListsCommand({ MaxResults: 5, Filters: filters }));
    expect(all.PrefixLists!.map((p) => p.PrefixListName)).toEqual(['com.amazonaws.us-east-1.s3', 'one', 'two']);
    expect(all.NextToken).toBeUndefined();
    const p1 = await ec2.send(new DescribeManagedPrefixListsCommand({ MaxResults: 2, Filters: filters }));
    expect(p1.PrefixLists!.map((p) => p.PrefixListName)).toEqual(['com.amazonaws.us-east-1.s3', 'one']);
    const p2 = await ec2.send(new DescribeManagedPrefixListsCommand({ MaxResults: 2, NextToken: p1.NextToken, Filters: filters }));
    expect(p2.PrefixLists!.map((p) => p.PrefixListName)).toEqual(['two']);
    expect(p2.NextToken).toBeUndefined();
    await expectEc2Error(ec2.send(new DescribeManagedPrefixListsCommand({ PrefixListIds: ['pl-0123456789abcdef0'] })), {
      code: 'InvalidPrefixListID.NotFound',
      message: "The prefix list ID 'pl-0123456789abcdef0' does not exist",
    });
    await expectEc2Error(ec2.send(new CreateManagedPrefixListCommand({ PrefixListName: 'x', AddressFamily: 'IPv5', MaxEntries: 1 })), { code: 'InvalidParameterValue' });
    await expectEc2Error(
      ec2.send(new CreateManagedPrefixListCommand({ PrefixListName: 'x', AddressFamily: 'IPv4', MaxEntries: 1, Entries: [{ Cidr: '10.0.0.0/8' }, { Cidr: '11.0.0.0/8' }] })),
      { code: 'PrefixListMaxEntriesExceeded' },
    );
    await expectEc2Error(
      ec2.send(new CreateManagedPrefixListCommand({ PrefixListName: 'x', AddressFamily: 'IPv6', MaxEntries: 1, Entries: [{ Cidr: '10.0.0.0/8' }] })),
      { code: 'InvalidParameterValue' },
    );
    await expectEc2Error(ec2.send(new CreateManagedPrefixListCommand({ PrefixListName: 'com.amazonaws.x', AddressFamily: 'IPv4', MaxEntries: 1 })), {
      code: 'InvalidParameterValue',
    });
    await expectEc2Error(ec2.send(new CreateManagedPrefixListCommand({ DryRun: true, PrefixListName: 'dry', AddressFamily: 'IPv4', MaxEntries: 1 })), {
      code: 'DryRunOperation',
      status: 412,
    });
    const names = (await ec2.send(new DescribeManagedPrefixListsCommand({}))).PrefixLists!.map((p) => p.PrefixListName);
    expect(names).not.toContain('dry');
  });
});

describe('ModifyManagedPrefixList', () => {
  it('adds and removes entries against CurrentVersion, keeping every version; restores an old one', async () => {
    const pl = await createList([{ Cidr: '10.1.0.0/16', Description: 'a' }, { Cidr: '10.2.0.0/16', Description: 'b' }]);
    const id = pl.PrefixListId!;
    expect((await describeList(id)).State).toBe('create-complete');
    t.runtime.backend.pause();
    const modified = (
      await ec2.send(new ModifyManagedPrefixListCommand({ PrefixListId: id, CurrentVersion: 1, AddEntries: [{ Cidr: '10.3.0.0/16', Description: 'c' }], RemoveEntries: [{ Cidr: '10.1.0.0/16' }] }))
    ).PrefixList!;
    expect(modified).toMatchObject({ State: 'modify-in-progress', Version: 2 });
    await expectEc2Error(ec2.send(new ModifyManagedPrefixListCommand({ PrefixListId: id, CurrentVersion: 2, PrefixListName: 'x' })), { code: 'IncorrectState' });
    t.advance();
    expect((await describeList(id)).State).toBe('modify-complete');
    expect((await entriesOf(id)).map((e) => e.Cidr)).toEqual(['10.2.0.0/16', '10.3.0.0/16']);
    expect((await entriesOf(id, 1)).map((e) => e.Cidr)).toEqual(['10.1.0.0/16', '10.2.0.0/16']);
    await expectEc2Error(ec2.send(new GetManagedPrefixListEntriesCommand({ PrefixListId: id, TargetVersion: 9 })), { code: 'InvalidParameterValue' });

    await expectEc2Error(ec2.send(new ModifyManagedPrefixListCommand({ PrefixListId: id, CurrentVersion: 1, AddEntries: [{ Cidr: '10.9.0.0/16' }] })), {
      code: 'PrefixListVersionMismatch',
      message: 'The prefix list has the incorrect version number.',
    });
    const restored = (await ec2.send(new RestoreManagedPrefixListVersionCommand({ PrefixListId: id, PreviousVersion: 1, CurrentVersion: 2 }))).PrefixList!;
    expect(restored).toMatchObject({ State: 'restore-in-progress', Version: 3 });
    expect((await entriesOf(id)).map((e) => e.Cidr)).toEqual(['10.1.0.0/16', '10.2.0.0/16']);
    t.advance();
    expect((await describeList(id)).State).toBe('restore-complete');
  });

  it('resizes MaxEntries (not below the entries), renames, and refuses more entries than MaxEntries', async () => {
    const id = (await createList([{ Cidr: '10.1.0.0/16' }, { Cidr: '10.2.0.0/16' }], 2)).PrefixListId!;
    await expectEc2Error(ec2.send(new ModifyManagedPrefixListCommand({ PrefixListId: id, CurrentVersion: 1, AddEntries: [{ Cidr: '10.3.0.0/16' }] })), {
      code: 'PrefixListMaxEntriesExceeded',
    });
    await expectEc2Error(ec2.send(new ModifyManagedPrefixListCommand({ PrefixListId: id, MaxEntries: 1 })), { code: 'InvalidParameterValue' });
    const resized = (await ec2.send(new ModifyManagedPrefixListCommand({ PrefixListId: id, MaxEntries: 4, PrefixListName: 'renamed' }))).PrefixList!;
    expect(resized).toMatchObject({ MaxEntries: 4, PrefixListName: 'renamed', Version: 1 });
    const grown = (await ec2.send(new ModifyManagedPrefixListCommand({ PrefixListId: id, CurrentVersion: 1, AddEntries: [{ Cidr: '10.3.0.0/16' }] }))).PrefixList!;
    expect(grown.Version).toBe(2);
  });
});

describe('prefix lists in routes and security groups', () => {
  it('is a route destination (DestinationPrefixListId), an association, and cannot be deleted while used', async () => {
    const id = (await createList()).PrefixListId!;
    const rtb = (await ec2.send(new CreateRouteTableCommand({ VpcId: net.vpcId }))).RouteTable!.RouteTableId!;
    const igw = (await ec2.send(new CreateInternetGatewayCommand({}))).InternetGateway!.InternetGatewayId!;
    await ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: net.vpcId }));
    await ec2.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationPrefixListId: id, GatewayId: igw }));
    const routes = (await ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [rtb] }))).RouteTables![0].Routes!;
    expect(routes.find((r) => r.DestinationPrefixListId === id)).toEqual({ DestinationPrefixListId: id, GatewayId: igw, Origin: 'CreateRoute', State: 'active' });
    await expectEc2Error(ec2.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationPrefixListId: id, GatewayId: igw })), { code: 'RouteAlreadyExists' });
    await expectEc2Error(ec2.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationPrefixListId: 'pl-0123456789abcdef0', GatewayId: igw })), {
      code: 'InvalidPrefixListID.NotFound',
    });
    const assoc = (await ec2.send(new GetManagedPrefixListAssociationsCommand({ PrefixListId: id }))).PrefixListAssociations!;
    expect(assoc).toEqual([{ ResourceId: rtb, ResourceOwner: '123456789012' }]);
    await expectEc2Error(ec2.send(new DeleteManagedPrefixListCommand({ PrefixListId: id })), { code: 'InvalidPrefixListModification' });
    await ec2.send(new DeleteRouteCommand({ RouteTableId: rtb, DestinationPrefixListId: id }));
    await expectEc2Error(ec2.send(new DeleteRouteCommand({ RouteTableId: rtb, DestinationPrefixListId: id })), {
      code: 'InvalidRoute.NotFound',
      message: `no route with destination-prefix-list-id ${id} in route table ${rtb}`,
    });
    const deleted = (await ec2.send(new DeleteManagedPrefixListCommand({ PrefixListId: id }))).PrefixList!;
    expect(deleted.State).toBe('delete-in-progress');
    await expectEc2Error(ec2.send(new DescribeManagedPrefixListsCommand({ PrefixListIds: [id] })), { code: 'InvalidPrefixListID.NotFound' });
  });

  it('is a security group rule source that must exist; the rule blocks deletion until revoked', async () => {
    const id = (await createList()).PrefixListId!;
    const sg = (await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'web', Description: 'web', VpcId: net.vpcId }))).GroupId!;
    const perm = { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, PrefixListIds: [{ PrefixListId: id, Description: 'corp' }] };
    await expectEc2Error(
      ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: sg, IpPermissions: [{ ...perm, PrefixListIds: [{ PrefixListId: 'pl-0123456789abcdef0' }] }] })),
      { code: 'InvalidPrefixListID.NotFound' },
    );
    await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: sg, IpPermissions: [perm] }));
    const group = (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [sg] }))).SecurityGroups![0];
    expect(group.IpPermissions![0].PrefixListIds).toEqual([{ PrefixListId: id, Description: 'corp' }]);
    expect((await ec2.send(new GetManagedPrefixListAssociationsCommand({ PrefixListId: id }))).PrefixListAssociations).toEqual([
      { ResourceId: sg, ResourceOwner: '123456789012' },
    ]);
    await expectEc2Error(ec2.send(new DeleteManagedPrefixListCommand({ PrefixListId: id })), { code: 'InvalidPrefixListModification' });
    await ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: sg, IpPermissions: [perm] }));
    await ec2.send(new DeleteManagedPrefixListCommand({ PrefixListId: id }));
  });
});

describe('DescribePrefixLists (the older call)', () => {
  it('shows only the AWS-managed lists with their CIDRs; filters by name', async () => {
    await createList(undefined, 5, 'mine');
    const { DescribePrefixListsCommand } = await import('@aws-sdk/client-ec2');
    const all = (await ec2.send(new DescribePrefixListsCommand({}))).PrefixLists!;
    expect(all.map((p) => p.PrefixListName).sort()).toEqual(['com.amazonaws.us-east-1.dynamodb', 'com.amazonaws.us-east-1.s3']);
    const s3 = (await ec2.send(new DescribePrefixListsCommand({ Filters: [{ Name: 'prefix-list-name', Values: ['com.amazonaws.us-east-1.s3'] }] }))).PrefixLists!;
    expect(s3).toHaveLength(1);
    expect(s3[0].PrefixListId).toMatch(/^pl-[0-9a-f]{8}$/);
    expect(s3[0].Cidrs!.length).toBeGreaterThan(0);
  });
});
