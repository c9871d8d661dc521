/**
 * DescribeNetworkInterfacePermissions through the SDK v3: ids, every filter, pagination (MaxResults 5..255),
 * unknown ids, unknown filter. (The operation has no DryRun in AWS's model.)
 */
import {
  CreateNetworkInterfacePermissionCommand,
  DescribeNetworkInterfacePermissionsCommand,
  DescribeNetworkInterfacePermissionsCommandInput,
  NetworkInterfacePermission,
} from '@aws-sdk/client-ec2';
import { createEni, MISSING } from '../helpers/api';
import { createNetwork } from '../helpers/network';
import { expectEc2Error, startTestServer, TestServer } from '../helpers/server';

let t: TestServer;
let eniA: string;
let eniB: string;
let perms: NetworkInterfacePermission[];

beforeAll(async () => {
  t = await startTestServer();
  const net = await createNetwork(t.ec2);
  eniA = (await createEni(t.ec2, net.subnetA1)).NetworkInterfaceId!;
  eniB = (await createEni(t.ec2, net.subnetA1)).NetworkInterfaceId!;
  perms = [];
  for (let k = 0; k < 7; k++) {
    const out = await t.ec2.send(
      new CreateNetworkInterfacePermissionCommand({
        NetworkInterfaceId: k < 5 ? eniA : eniB,
        Permission: k % 2 ? 'EIP-ASSOCIATE' : 'INSTANCE-ATTACH',
        ...(k === 6 ? { AwsService: 'elasticloadbalancing.amazonaws.com' } : { AwsAccountId: `21098765432${k}` }),
      }),
    );
    perms.push(out.InterfacePermission!);
  }
});
afterAll(() => t.close());

const describePerms = (input: DescribeNetworkInterfacePermissionsCommandInput) => t.ec2.send(new DescribeNetworkInterfacePermissionsCommand(input));
const idsOf = (list?: NetworkInterfacePermission[]) => (list ?? []).map((p) => p.NetworkInterfacePermissionId);
const pick = (...k: number[]) => k.map((i) => perms[i].NetworkInterfacePermissionId!);

describe('behaviour', () => {
  it('lists everything without arguments, and exactly the ids asked for', async () => {
    expect(idsOf((await describePerms({})).NetworkInterfacePermissions)).toEqual(pick(0, 1, 2, 3, 4, 5, 6));
    expect(idsOf((await describePerms({ NetworkInterfacePermissionIds: pick(3, 1) })).NetworkInterfacePermissions).sort()).toEqual(pick(1, 3).sort());
  });

  it.each([
    ['network-interface-permission.network-interface-permission-id', () => [perms[2].NetworkInterfacePermissionId!], [2]],
    ['network-interface-permission.network-interface-id', () => [eniB], [5, 6]],
    ['network-interface-permission.aws-account-id', () => ['210987654320', '210987654324'], [0, 4]],
    ['network-interface-permission.aws-service', () => ['elasticloadbalancing.amazonaws.com'], [6]],
    ['network-interface-permission.permission', () => ['EIP-ASSOCIATE'], [1, 3, 5]],
  ])('filter %s', async (Name, values, expected) => {
    const out = await describePerms({ Filters: [{ Name, Values: values() }] });
    expect(idsOf(out.NetworkInterfacePermissions)).toEqual(pick(...expected));
  });

  it('pages with MaxResults and NextToken', async () => {
    const first = await describePerms({ MaxResults: 5 });
    expect(idsOf(first.NetworkInterfacePermissions)).toEqual(pick(0, 1, 2, 3, 4));
    expect(first.NextToken).toEqual(expect.any(String));
    const second = await describePerms({ MaxResults: 5, NextToken: first.NextToken });
    expect(idsOf(second.NetworkInterfacePermissions)).toEqual(pick(5, 6));
    expect(second.NextToken).toBeUndefined();
  });
});

describe('errors', () => {
  it('an unknown id', async () => {
    await expectEc2Error(describePerms({ NetworkInterfacePermissionIds: [MISSING.permission] }), {
      code: 'InvalidPermission.NotFound',
      message: `The network interface permission ID '${MISSING.permission}' does not exist`,
    });
  });

  it('a malformed id', async () => {
    await expectEc2Error(describePerms({ NetworkInterfacePermissionIds: ['eni-perm-1'] }), {
      code: 'InvalidPermission.Malformed',
      message: 'Invalid id: "eni-perm-1" (expecting "eni-perm-...")',
    });
  });

  it('an unknown filter', async () => {
    await expectEc2Error(describePerms({ Filters: [{ Name: 'permission', Values: ['x'] }] }), { code: 'InvalidParameterValue', message: "The filter 'permission' is invalid" });
  });

  it('MaxResults outside 5..255', async () => {
    await expectEc2Error(describePerms({ MaxResults: 4 }), {
      code: 'InvalidParameterValue',
      message: 'Value ( 4 ) for parameter maxResults is invalid. Expecting a value greater than 5.',
    });
    await expectEc2Error(describePerms({ MaxResults: 256 }), {
      code: 'InvalidParameterValue',
      message: 'Value ( 256 ) for parameter maxResults is invalid. Expecting a value less than 255.',
    });
  });
});
