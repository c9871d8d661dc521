/**
 * DeleteNetworkInterfacePermission through the SDK v3: malformed / unknown id, delete (Return true, gone from
 * Describe), DryRun.
 */
import {
  CreateNetworkInterfacePermissionCommand,
  DeleteNetworkInterfacePermissionCommand,
  DescribeNetworkInterfacePermissionsCommand,
} from '@aws-sdk/client-ec2';
import { createEni, DRY_RUN, MISSING, snapshot } from '../helpers/api';
import { TestNetwork } from '../helpers/network';

import { expectEc2Error, TestServer } from '../helpers/server';
import { useTestServer } from '../helpers/env';

let t: TestServer;
let net: TestNetwork;

useTestServer({ network: 'once' }, (env) => ({ t, net } = env));

async function permission(): Promise<string> {
  const eni = await createEni(t.ec2, net.subnetA1);
  const out = await t.ec2.send(
    new CreateNetworkInterfacePermissionCommand({ NetworkInterfaceId: eni.NetworkInterfaceId, Permission: 'INSTANCE-ATTACH', AwsAccountId: '210987654321' }),
  );
  return out.InterfacePermission!.NetworkInterfacePermissionId!;
}
const del = (id: string, DryRun?: boolean) => t.ec2.send(new DeleteNetworkInterfacePermissionCommand({ NetworkInterfacePermissionId: id, DryRun }));
const notFound = (id: string) => ({ code: 'InvalidPermission.NotFound', message: `The network interface permission ID '${id}' does not exist` });

describe('validation', () => {
  it('a malformed id', async () => {
    await expectEc2Error(del('eni-perm-xyz'), { code: 'InvalidPermission.Malformed', message: 'Invalid id: "eni-perm-xyz" (expecting "eni-perm-...")' });
  });
});

describe('errors', () => {
  it('an unknown id', async () => {
    await expectEc2Error(del(MISSING.permission), notFound(MISSING.permission));
  });
});

describe('behaviour', () => {
  it('deletes: Return true, then it is gone (a second delete is NotFound)', async () => {
    const id = await permission();
    const out = await del(id);
    expect(out.Return).toBe(true);
    await expectEc2Error(t.ec2.send(new DescribeNetworkInterfacePermissionsCommand({ NetworkInterfacePermissionIds: [id] })), notFound(id));
    await expectEc2Error(del(id), notFound(id));
  });

  it('DryRun: 412 and the permission stays', async () => {
    const id = await permission();
    const before = await snapshot(t.ec2);
    await expectEc2Error(del(id, true), DRY_RUN);
    expect(await snapshot(t.ec2)).toEqual(before);
    await expectEc2Error(del(MISSING.permission, true), notFound(MISSING.permission));
  });
});
