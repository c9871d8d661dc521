/**
 * CreateNetworkInterfacePermission through the SDK v3: exactly one of AwsAccountId / AwsService, the permission
 * enum, unknown interface, the stored permission (granted at once), DryRun.
 */
import {
  CreateNetworkInterfacePermissionCommand,
  CreateNetworkInterfacePermissionCommandInput,
  DescribeNetworkInterfacePermissionsCommand,
} from '@aws-sdk/client-ec2';
import { createEni, DRY_RUN, MISSING, snapshot } from '../helpers/api';
import { createNetwork, TestNetwork } from '../helpers/network';
import { expectEc2Error, startTestServer, TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;
let eniId: string;

beforeAll(async () => {
  t = await startTestServer();
  net = await createNetwork(t.ec2);
  eniId = (await createEni(t.ec2, net.subnetA1)).NetworkInterfaceId!;
});
afterAll(() => t.close());

const create = (input: Partial<CreateNetworkInterfacePermissionCommandInput>) =>
  t.ec2.send(new CreateNetworkInterfacePermissionCommand({ NetworkInterfaceId: eniId, Permission: 'INSTANCE-ATTACH', ...input } as CreateNetworkInterfacePermissionCommandInput));
const ONE_TARGET = { code: 'InvalidParameterCombination', message: 'Exactly one of AwsAccountId or AwsService must be specified.' };

describe('validation', () => {
  it('exactly one of AwsAccountId and AwsService', async () => {
    await expectEc2Error(create({}), ONE_TARGET);
    await expectEc2Error(create({ AwsAccountId: '210987654321', AwsService: 'elasticloadbalancing.amazonaws.com' }), ONE_TARGET);
  });

  it('a permission outside INSTANCE-ATTACH / EIP-ASSOCIATE', async () => {
    await expectEc2Error(create({ AwsAccountId: '210987654321', Permission: 'DETACH' as never }), { code: 'InvalidParameterValue', message: /DETACH/ });
  });

  it('malformed and unknown interface', async () => {
    await expectEc2Error(create({ NetworkInterfaceId: 'eni-zz', AwsAccountId: '210987654321' }), {
      code: 'InvalidNetworkInterfaceId.Malformed',
      message: 'Invalid id: "eni-zz" (expecting "eni-...")',
    });
    await expectEc2Error(create({ NetworkInterfaceId: MISSING.eni, AwsAccountId: '210987654321' }), {
      code: 'InvalidNetworkInterfaceID.NotFound',
      message: `The networkInterface ID '${MISSING.eni}' does not exist`,
    });
  });
});

describe('behaviour', () => {
  it('grants at once and lists the permission', async () => {
    const out = await create({ AwsAccountId: '210987654321' });
    const p = out.InterfacePermission!;
    expect(p.NetworkInterfacePermissionId).toMatch(/^eni-perm-[0-9a-f]{17}$/);
    expect(p).toEqual({
      NetworkInterfacePermissionId: p.NetworkInterfacePermissionId,
      NetworkInterfaceId: eniId,
      AwsAccountId: '210987654321',
      Permission: 'INSTANCE-ATTACH',
      PermissionState: { State: 'granted' },
    });
    const svc = (await create({ AwsService: 'elasticloadbalancing.amazonaws.com', Permission: 'EIP-ASSOCIATE' })).InterfacePermission!;
    expect(svc).toMatchObject({ AwsService: 'elasticloadbalancing.amazonaws.com', Permission: 'EIP-ASSOCIATE' });
    expect(svc.AwsAccountId).toBeUndefined();
    const listed = await t.ec2.send(new DescribeNetworkInterfacePermissionsCommand({ NetworkInterfacePermissionIds: [p.NetworkInterfacePermissionId!, svc.NetworkInterfacePermissionId!] }));
    expect(listed.NetworkInterfacePermissions).toEqual([p, svc]);
  });

  it('DryRun: 412 and nothing stored', async () => {
    const before = await snapshot(t.ec2);
    await expectEc2Error(create({ AwsAccountId: '210987654321', DryRun: true }), DRY_RUN);
    expect(await snapshot(t.ec2)).toEqual(before);
    await expectEc2Error(create({ DryRun: true }), ONE_TARGET);
  });
});
