/**
 * DeleteKeyPair through the SDK v3: by name and by id, a missing key pair succeeds (as on AWS), neither name nor
 * id, DryRun; a deleted key can no longer be used at launch.
 */
import { CreateKeyPairCommand, DeleteKeyPairCommand, DeleteKeyPairCommandInput, DescribeKeyPairsCommand } from '@aws-sdk/client-ec2';
import { DRY_RUN } from '../helpers/api';
import { createNetwork, runOne } from '../helpers/network';
import { expectEc2Error, TestServer } from '../helpers/server';
import { useTestServer } from '../helpers/env';

let t: TestServer;

useTestServer({}, (env) => ({ t } = env));

const del = (input: DeleteKeyPairCommandInput) => t.ec2.send(new DeleteKeyPairCommand(input));
const names = async () => (await t.ec2.send(new DescribeKeyPairsCommand({}))).KeyPairs!.map((k) => k.KeyName).sort();
const create = async (KeyName: string) => (await t.ec2.send(new CreateKeyPairCommand({ KeyName }))).KeyPairId!;

describe('validation', () => {
  it('neither KeyName nor KeyPairId', async () => {
    await expectEc2Error(del({}), { code: 'MissingParameter', message: 'The request must contain the parameter keyName' });
  });

  it('a malformed id', async () => {
    await expectEc2Error(del({ KeyPairId: 'k-1' }), { code: 'InvalidKeyPair.Malformed', message: 'Invalid id: "k-1" (expecting "key-...")' });
  });
});

describe('behaviour', () => {
  it('by name: Return true with the id; the key pair is gone and cannot be used at launch', async () => {
    const id = await create('by-name');
    const out = await del({ KeyName: 'by-name' });
    expect([out.Return, out.KeyPairId]).toEqual([true, id]);
    expect(await names()).not.toContain('by-name');
    const net = await createNetwork(t.ec2);
    await expectEc2Error(runOne(t.ec2, { SubnetId: net.subnetA1, KeyName: 'by-name' }), { code: 'InvalidKeyPair.NotFound', message: "The key pair 'by-name' does not exist" });
  });

  it('by id', async () => {
    const id = await create('by-id');
    await del({ KeyPairId: id });
    expect(await names()).not.toContain('by-id');
  });

  it('a key pair that does not exist: success, as on AWS', async () => {
    const out = await del({ KeyName: 'never-existed' });
    expect(out.Return).toBe(true);
    expect(out.KeyPairId).toBeUndefined();
  });

  it('DryRun: 412 and the key pair stays', async () => {
    await create('kept');
    await expectEc2Error(del({ KeyName: 'kept', DryRun: true }), DRY_RUN);
    expect(await names()).toContain('kept');
  });
});
