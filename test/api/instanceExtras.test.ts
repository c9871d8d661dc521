/**
 * Instance extras through the SDK v3: ModifyInstanceCreditSpecification (per-instance outcome, then
 * DescribeInstanceCreditSpecifications), CreditSpecification and HibernationOptions at launch, GetConsoleOutput,
 * GetPasswordData (empty for Linux; for Windows the password encrypted with the key pair's public key),
 * GetInstanceUefiData (an empty store: our instances boot legacy BIOS).
 */
import { constants, privateDecrypt } from 'node:crypto';
import {
  CreateKeyPairCommand,
  DescribeInstanceCreditSpecificationsCommand,
  GetConsoleOutputCommand,
  GetInstanceUefiDataCommand,
  GetPasswordDataCommand,
  ModifyInstanceCreditSpecificationCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { DRY_RUN } from '../helpers/api';
import { useTestServer } from '../helpers/env';
import { describeInstance, runOne, TestNetwork } from '../helpers/network';
import { TestServer, expectEc2Error } from '../helpers/server';
import { awsEnv, describeWithTool, run } from '../clients/tools';

let t: TestServer;
let net: TestNetwork;
useTestServer({ network: 'once' }, (env) => ({ t, net } = env));

const WINDOWS_AMI = 'ami-03cf127a';

/** PKCS#1 v1.5 decryption as `aws ec2 get-password-data --priv-launch-key` does it (Node refuses that padding, so it is undone by hand). */
function decrypt(pem: string, blob: Buffer): string {
  const raw = privateDecrypt({ key: pem, padding: constants.RSA_NO_PADDING }, blob);
  expect(raw.subarray(0, 2)).toEqual(Buffer.from([0, 2]));
  return raw.subarray(raw.indexOf(0, 2) + 1).toString();
}
const launch = async (input: Record<string, unknown> = {}) => (await runOne(t.ec2, { SubnetId: net.subnetA1, ...input })).InstanceId!;
const modify = (specs: { InstanceId: string; CpuCredits: string }[], DryRun?: boolean) =>
  t.ec2.send(new ModifyInstanceCreditSpecificationCommand({ InstanceCreditSpecifications: specs, DryRun }));
const credits = async (ids: string[]) =>
  (await t.ec2.send(new DescribeInstanceCreditSpecificationsCommand({ InstanceIds: ids }))).InstanceCreditSpecifications;

describe('ModifyInstanceCreditSpecification', () => {
  it('changes burstable instances, refuses the others and unknown ids per instance', async () => {
    const t3 = await launch({ InstanceType: 't3.micro' });
    const t2 = await launch({ InstanceType: 't2.micro' });
    const m5 = await launch({ InstanceType: 'm5.large' });
    const out = await modify([
      { InstanceId: t3, CpuCredits: 'standard' },
      { InstanceId: t2, CpuCredits: 'unlimited' },
      { InstanceId: m5, CpuCredits: 'unlimited' },
      { InstanceId: 'i-0123456789abcdef0', CpuCredits: 'standard' },
    ]);
    expect(out.SuccessfulInstanceCreditSpecifications).toEqual([{ InstanceId: t3 }, { InstanceId: t2 }]);
    expect(out.UnsuccessfulInstanceCreditSpecifications).toEqual([
      { InstanceId: m5, Error: { Code: 'InstanceCreditSpecification.NotSupported', Message: expect.stringContaining(m5) } },
      { InstanceId: 'i-0123456789abcdef0', Error: { Code: 'InvalidInstanceID.NotFound', Message: "The instance ID 'i-0123456789abcdef0' does not exist" } },
    ]);
    expect(await credits([t3, t2, m5])).toEqual([
      { InstanceId: t3, CpuCredits: 'standard' },
      { InstanceId: t2, CpuCredits: 'unlimited' },
      { InstanceId: m5, CpuCredits: 'standard' },
    ]);
    // without ids: the unlimited ones, whether by default or by choice
    const listed = (await t.ec2.send(new DescribeInstanceCreditSpecificationsCommand({}))).InstanceCreditSpecifications!.map((c) => c.InstanceId);
    expect(listed).toContain(t2);
    expect(listed).not.toContain(t3);
  });

  it('a terminated instance fails with IncorrectInstanceState', async () => {
    const id = await launch({ InstanceType: 't3.nano' });
    await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
    t.advance(60_000);
    const out = await modify([{ InstanceId: id, CpuCredits: 'standard' }]);
    expect(out.UnsuccessfulInstanceCreditSpecifications![0].Error!.Code).toBe('IncorrectInstanceState');
  });

  it('a value other than standard or unlimited fails the request; DryRun changes nothing', async () => {
    const id = await launch({ InstanceType: 't3.micro' });
    await expectEc2Error(modify([{ InstanceId: id, CpuCredits: 'fast' }]), { code: 'InvalidParameterValue', message: 'Value (fast) for parameter CpuCredits is invalid.' });
    await expectEc2Error(modify([{ InstanceId: id, CpuCredits: 'standard' }], true), DRY_RUN);
    expect(await credits([id])).toEqual([{ InstanceId: id, CpuCredits: 'unlimited' }]);
  });

  it('RunInstances takes CreditSpecification for burstable types only', async () => {
    const id = await launch({ InstanceType: 't3.micro', CreditSpecification: { CpuCredits: 'standard' } });
    expect(await credits([id])).toEqual([{ InstanceId: id, CpuCredits: 'standard' }]);
    await expectEc2Error(launch({ InstanceType: 'm5.large', CreditSpecification: { CpuCredits: 'unlimited' } }), {
      code: 'InvalidParameterCombination',
      message: 'The instance type m5.large does not support the CreditSpecification parameter.',
    });
  });
});

it('HibernationOptions is kept from RunInstances and shown', async () => {
  const on = await launch({ HibernationOptions: { Configured: true } });
  const off = await launch();
  expect((await describeInstance(t.ec2, on)).HibernationOptions).toEqual({ Configured: true });
  expect((await describeInstance(t.ec2, off)).HibernationOptions).toEqual({ Configured: false });
});

describe('GetConsoleOutput', () => {
  it('the boot log, base64, with a timestamp', async () => {
    const id = await launch();
    t.advance(10_000);
    const out = await t.ec2.send(new GetConsoleOutputCommand({ InstanceId: id, Latest: true }));
    expect(out.InstanceId).toBe(id);
    expect(out.Timestamp).toBeInstanceOf(Date);
    const text = Buffer.from(out.Output!, 'base64').toString();
    expect(text).toContain('Linux version');
    expect(text).toContain('Cloud-init v.');
    const primary = (await describeInstance(t.ec2, id)).PrivateIpAddress!;
    expect(text).toContain(primary);
  });

  it('an unknown instance; DryRun', async () => {
    await expectEc2Error(t.ec2.send(new GetConsoleOutputCommand({ InstanceId: 'i-0123456789abcdef0' })), {
      code: 'InvalidInstanceID.NotFound',
      message: "The instance ID 'i-0123456789abcdef0' does not exist",
    });
    const id = await launch();
    await expectEc2Error(t.ec2.send(new GetConsoleOutputCommand({ InstanceId: id, DryRun: true })), DRY_RUN);
  });
});

describe('GetPasswordData', () => {
  it('empty for a Linux instance', async () => {
    const id = await launch();
    t.advance(10_000);
    const out = await t.ec2.send(new GetPasswordDataCommand({ InstanceId: id }));
    expect(out).toMatchObject({ InstanceId: id, PasswordData: '' });
    expect(out.Timestamp).toBeInstanceOf(Date);
  });

  it('Windows with an RSA key pair: the password encrypted with its public key, decryptable with the private key', async () => {
    const key = await t.ec2.send(new CreateKeyPairCommand({ KeyName: 'win-key' }));
    const id = await launch({ ImageId: WINDOWS_AMI, KeyName: 'win-key' });
    t.advance(10_000);
    const out = await t.ec2.send(new GetPasswordDataCommand({ InstanceId: id }));
    const blob = Buffer.from(out.PasswordData!.trim(), 'base64');
    const password = decrypt(key.KeyMaterial!, blob);
    expect(password.length).toBeGreaterThanOrEqual(8);
    const again = await t.ec2.send(new GetPasswordDataCommand({ InstanceId: id }));
    expect(decrypt(key.KeyMaterial!, Buffer.from(again.PasswordData!, 'base64'))).toBe(password);
  });

  it('Windows without a key pair: empty', async () => {
    const id = await launch({ ImageId: WINDOWS_AMI });
    t.advance(10_000);
    expect((await t.ec2.send(new GetPasswordDataCommand({ InstanceId: id }))).PasswordData).toBe('');
  });
});

describe('GetInstanceUefiData', () => {
  it('the instance with an empty UEFI store; unknown instances', async () => {
    const id = await launch();
    const out = await t.ec2.send(new GetInstanceUefiDataCommand({ InstanceId: id }));
    expect({ InstanceId: out.InstanceId, UefiData: out.UefiData }).toEqual({ InstanceId: id, UefiData: '' });
    await expectEc2Error(t.ec2.send(new GetInstanceUefiDataCommand({ InstanceId: 'i-0123456789abcdef0' })), {
      code: 'InvalidInstanceID.NotFound',
      message: "The instance ID 'i-0123456789abcdef0' does not exist",
    });
  });
});

describeWithTool('boto3', 'the wire shapes through boto3', () => {
  it('placement groups, credit specifications, console, password, hosts are parsed by botocore', async () => {
    const r = await run('python3', [`${__dirname}/../clients/boto3_extras.py`, t.url, net.subnetA1], { env: awsEnv() });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      pg: ['boto-pg', 'partition', 3, 'available'],
      pgs: ['boto-pg'],
      placement: ['boto-pg', 2],
      hibernation: true,
      credits_ok: [true],
      credits_bad: [['i-0123456789abcdef0', 'InvalidInstanceID.NotFound']],
      console: true,
      password: '',
      host: ['available', 48],
      release: [true, [['h-0123456789abcdef0', 'Client.InvalidHostID.NotFound']]],
    });
  });
});
