/**
 * Account settings of a region through the SDK v3: snapshot and AMI block public access, serial console access,
 * the instance metadata defaults that RunInstances falls back on (after the launch's own options and the AMI's
 * ImdsSupport, AWS's order of precedence), the default CPU credits of burstable families and EBS encryption's default
 * key. Each is per account and region.
 */
import {
  CreateSnapshotCommand,
  DescribeSubnetsCommand,
  DescribeVpcBlockPublicAccessOptionsCommand,
  DescribeVpcsCommand,
  ModifyVpcBlockPublicAccessOptionsCommand,
  DescribeInstanceCreditSpecificationsCommand,
  EnableEbsEncryptionByDefaultCommand,
  GetDefaultCreditSpecificationCommand,
  GetEbsDefaultKmsKeyIdCommand,
  ModifyDefaultCreditSpecificationCommand,
  ModifyEbsDefaultKmsKeyIdCommand,
  ResetEbsDefaultKmsKeyIdCommand,
  CreateVolumeCommand,
  DisableImageBlockPublicAccessCommand,
  DisableSerialConsoleAccessCommand,
  DisableSnapshotBlockPublicAccessCommand,
  EC2Client,
  EnableImageBlockPublicAccessCommand,
  EnableSerialConsoleAccessCommand,
  EnableSnapshotBlockPublicAccessCommand,
  GetImageBlockPublicAccessStateCommand,
  GetInstanceMetadataDefaultsCommand,
  GetSerialConsoleAccessStatusCommand,
  GetSnapshotBlockPublicAccessStateCommand,
  ModifyInstanceMetadataDefaultsCommand,
  RegisterImageCommand,
} from '@aws-sdk/client-ec2';
import { DRY_RUN, launch } from '../helpers/api';
import { useTestServer } from '../helpers/env';
import { TestNetwork } from '../helpers/network';
import { expectEc2Error, TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;
useTestServer({ network: 'each' }, (env) => ({ t, net } = env));

const otherRegion = () =>
  new EC2Client({ region: 'us-west-2', endpoint: t.url, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });

it('snapshot block public access: unblocked, then each blocking state, then unblocked; only in its region', async () => {
  const state = async (client = t.ec2) => (await client.send(new GetSnapshotBlockPublicAccessStateCommand({}))).State;
  expect(await state()).toBe('unblocked');
  expect((await t.ec2.send(new GetSnapshotBlockPublicAccessStateCommand({}))).ManagedBy).toBe('account');
  await expectEc2Error(t.ec2.send(new EnableSnapshotBlockPublicAccessCommand({ State: 'block-all-sharing', DryRun: true })), DRY_RUN);
  expect(await state()).toBe('unblocked');
  expect((await t.ec2.send(new EnableSnapshotBlockPublicAccessCommand({ State: 'block-all-sharing' }))).State).toBe('block-all-sharing');
  expect(await state()).toBe('block-all-sharing');
  expect(await state(otherRegion())).toBe('unblocked');
  expect((await t.ec2.send(new EnableSnapshotBlockPublicAccessCommand({ State: 'block-new-sharing' }))).State).toBe('block-new-sharing');
  expect(await state()).toBe('block-new-sharing');
  await expectEc2Error(t.ec2.send(new EnableSnapshotBlockPublicAccessCommand({ State: 'unblocked' })), {
    code: 'InvalidParameterValue',
    message: 'Value (unblocked) for parameter state is invalid.',
  });
  expect((await t.ec2.send(new DisableSnapshotBlockPublicAccessCommand({}))).State).toBe('unblocked');
  expect(await state()).toBe('unblocked');
});

it('AMI block public access and serial console access: off until enabled, back off when disabled', async () => {
  const image = async () => (await t.ec2.send(new GetImageBlockPublicAccessStateCommand({}))).ImageBlockPublicAccessState;
  expect(await image()).toBe('unblocked');
  expect((await t.ec2.send(new EnableImageBlockPublicAccessCommand({ ImageBlockPublicAccessState: 'block-new-sharing' }))).ImageBlockPublicAccessState).toBe(
    'block-new-sharing',
  );
  expect(await image()).toBe('block-new-sharing');
  expect((await t.ec2.send(new DisableImageBlockPublicAccessCommand({}))).ImageBlockPublicAccessState).toBe('unblocked');
  expect(await image()).toBe('unblocked');

  const serial = async () => (await t.ec2.send(new GetSerialConsoleAccessStatusCommand({}))).SerialConsoleAccessEnabled;
  expect(await serial()).toBe(false);
  expect((await t.ec2.send(new EnableSerialConsoleAccessCommand({}))).SerialConsoleAccessEnabled).toBe(true);
  expect(await serial()).toBe(true);
  expect((await t.ec2.send(new DisableSerialConsoleAccessCommand({}))).SerialConsoleAccessEnabled).toBe(false);
  expect(await serial()).toBe(false);
});

it('instance metadata defaults: set, shown, used by launches that do not say, cleared by no-preference', async () => {
  const defaults = async () => (await t.ec2.send(new GetInstanceMetadataDefaultsCommand({}))).AccountLevel;
  expect(await defaults()).toEqual({});
  await t.ec2.send(new ModifyInstanceMetadataDefaultsCommand({ HttpTokens: 'required', HttpPutResponseHopLimit: 3, InstanceMetadataTags: 'enabled' }));
  expect(await defaults()).toEqual({ HttpTokens: 'required', HttpPutResponseHopLimit: 3, InstanceMetadataTags: 'enabled' });

  const plain = await launch(t, net);
  expect(plain.MetadataOptions).toMatchObject({ HttpTokens: 'required', HttpPutResponseHopLimit: 3, HttpEndpoint: 'enabled', InstanceMetadataTags: 'enabled' });
  const explicit = await launch(t, net, { MetadataOptions: { HttpTokens: 'optional', HttpPutResponseHopLimit: 1 } });
  expect(explicit.MetadataOptions).toMatchObject({ HttpTokens: 'optional', HttpPutResponseHopLimit: 1, InstanceMetadataTags: 'enabled' });

  await expectEc2Error(t.ec2.send(new ModifyInstanceMetadataDefaultsCommand({ HttpPutResponseHopLimit: 65 })), {
    code: 'InvalidParameterValue',
    message: 'Value (65) for parameter HttpPutResponseHopLimit is invalid.',
  });
  await t.ec2.send(new ModifyInstanceMetadataDefaultsCommand({ HttpTokens: 'no-preference', HttpPutResponseHopLimit: -1 }));
  expect(await defaults()).toEqual({ InstanceMetadataTags: 'enabled' });
  expect((await launch(t, net)).MetadataOptions).toMatchObject({ HttpTokens: 'optional', HttpPutResponseHopLimit: 1, InstanceMetadataTags: 'enabled' });
});

it("an AMI with ImdsSupport v2.0 requires IMDSv2 (hop limit 2) unless the launch or the account's defaults say otherwise", async () => {
  const vol = (await t.ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 8 }))).VolumeId!;
  const snap = (await t.ec2.send(new CreateSnapshotCommand({ VolumeId: vol }))).SnapshotId!;
  t.advance(5000);
  const { ImageId } = await t.ec2.send(
    new RegisterImageCommand({
      Name: 'imdsv2-only',
      RootDeviceName: '/dev/xvda',
      ImdsSupport: 'v2.0',
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: snap } }],
    }),
  );
  // the earlier test left InstanceMetadataTags set; the account says nothing of tokens or the hop limit
  await t.ec2.send(new ModifyInstanceMetadataDefaultsCommand({ HttpTokens: 'no-preference', HttpPutResponseHopLimit: -1 }));
  expect((await launch(t, net, { ImageId })).MetadataOptions).toMatchObject({ HttpTokens: 'required', HttpPutResponseHopLimit: 2 });
  expect((await launch(t, net, { ImageId, MetadataOptions: { HttpTokens: 'optional' } })).MetadataOptions).toMatchObject({ HttpTokens: 'optional' });
  // "if the account level default is set to V1 or V2, the default is the account level default" (AWS API reference)
  await t.ec2.send(new ModifyInstanceMetadataDefaultsCommand({ HttpTokens: 'optional', HttpPutResponseHopLimit: 5 }));
  expect((await launch(t, net, { ImageId })).MetadataOptions).toMatchObject({ HttpTokens: 'optional', HttpPutResponseHopLimit: 5 });
  expect((await launch(t, net)).MetadataOptions).toMatchObject({ HttpTokens: 'optional', HttpPutResponseHopLimit: 5 });
  await t.ec2.send(new ModifyInstanceMetadataDefaultsCommand({ HttpTokens: 'no-preference', HttpPutResponseHopLimit: -1 }));
});

it('default CPU credits per burstable family: AWS defaults, then the chosen one for new launches only', async () => {
  const get = async (InstanceFamily: 't2' | 't3') =>
    (await t.ec2.send(new GetDefaultCreditSpecificationCommand({ InstanceFamily }))).InstanceFamilyCreditSpecification;
  expect(await get('t2')).toEqual({ InstanceFamily: 't2', CpuCredits: 'standard' });
  expect(await get('t3')).toEqual({ InstanceFamily: 't3', CpuCredits: 'unlimited' });
  const before = (await launch(t, net, { InstanceType: 't3.micro' })).InstanceId!;
  const out = await t.ec2.send(new ModifyDefaultCreditSpecificationCommand({ InstanceFamily: 't3', CpuCredits: 'standard' }));
  expect(out.InstanceFamilyCreditSpecification).toEqual({ InstanceFamily: 't3', CpuCredits: 'standard' });
  expect(await get('t3')).toEqual({ InstanceFamily: 't3', CpuCredits: 'standard' });
  const after = (await launch(t, net, { InstanceType: 't3.micro' })).InstanceId!;
  const explicit = (await launch(t, net, { InstanceType: 't3.micro', CreditSpecification: { CpuCredits: 'unlimited' } })).InstanceId!;
  const credits = await t.ec2.send(new DescribeInstanceCreditSpecificationsCommand({ InstanceIds: [before, after, explicit] }));
  expect(credits.InstanceCreditSpecifications!.map((c) => [c.InstanceId, c.CpuCredits])).toEqual([
    [before, 'unlimited'],
    [after, 'standard'],
    [explicit, 'unlimited'],
  ]);
  await expectEc2Error(t.ec2.send(new ModifyDefaultCreditSpecificationCommand({ InstanceFamily: 't2', CpuCredits: 'fast' })), {
    code: 'InvalidParameterValue',
    message: 'Value (fast) for parameter CpuCredits is invalid.',
  });
});

it("EBS encryption's default key: the alias until one is chosen, kept as an ARN, used by new encrypted volumes, reset", async () => {
  const get = async () => (await t.ec2.send(new GetEbsDefaultKmsKeyIdCommand({}))).KmsKeyId;
  expect(await get()).toBe('alias/aws/ebs');
  const account = t.runtime.config.account;
  const keyArn = `arn:aws:kms:us-east-1:${account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
  expect((await t.ec2.send(new ModifyEbsDefaultKmsKeyIdCommand({ KmsKeyId: '1234abcd-12ab-34cd-56ef-1234567890ab' }))).KmsKeyId).toBe(keyArn);
  expect(await get()).toBe(keyArn);
  expect((await t.ec2.send(new ModifyEbsDefaultKmsKeyIdCommand({ KmsKeyId: 'alias/team' }))).KmsKeyId).toBe(`arn:aws:kms:us-east-1:${account}:alias/team`);
  await t.ec2.send(new ModifyEbsDefaultKmsKeyIdCommand({ KmsKeyId: keyArn }));
  await t.ec2.send(new EnableEbsEncryptionByDefaultCommand({}));
  const vol = await t.ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 1 }));
  expect([vol.Encrypted, vol.KmsKeyId]).toEqual([true, keyArn]);
  const reset = (await t.ec2.send(new ResetEbsDefaultKmsKeyIdCommand({}))).KmsKeyId!;
  expect(reset).toMatch(new RegExp(`^arn:aws:kms:us-east-1:${account}:key/[0-9a-f-]{36}$`));
  expect(await get()).toBe('alias/aws/ebs');
  const after = await t.ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 1 }));
  expect(after.KmsKeyId).toBe(reset);
});

it('VPC Block Public Access: off in default-state; a mode answers update-in-progress, completes, and VPCs and subnets show it', async () => {
  const get = async () => (await t.ec2.send(new DescribeVpcBlockPublicAccessOptionsCommand({}))).VpcBlockPublicAccessOptions!;
  expect(await get()).toMatchObject({
    AwsAccountId: t.runtime.config.account,
    AwsRegion: 'us-east-1',
    State: 'default-state',
    InternetGatewayBlockMode: 'off',
    ManagedBy: 'account',
    ExclusionsAllowed: 'allowed',
  });
  const out = await t.ec2.send(new ModifyVpcBlockPublicAccessOptionsCommand({ InternetGatewayBlockMode: 'block-ingress' }));
  expect(out.VpcBlockPublicAccessOptions).toMatchObject({ State: 'update-in-progress', InternetGatewayBlockMode: 'block-ingress' });
  expect(out.VpcBlockPublicAccessOptions!.LastUpdateTimestamp).toBeInstanceOf(Date);
  t.advance(0);
  expect(await get()).toMatchObject({ State: 'update-complete', InternetGatewayBlockMode: 'block-ingress' });
  const vpc = (await t.ec2.send(new DescribeVpcsCommand({ VpcIds: [net.vpcId] }))).Vpcs![0];
  expect(vpc.BlockPublicAccessStates).toEqual({ InternetGatewayBlockMode: 'block-ingress' });
  const subnet = (await t.ec2.send(new DescribeSubnetsCommand({ SubnetIds: [net.subnetA1] }))).Subnets![0];
  expect(subnet.BlockPublicAccessStates).toEqual({ InternetGatewayBlockMode: 'block-ingress' });
  await t.ec2.send(new ModifyVpcBlockPublicAccessOptionsCommand({ InternetGatewayBlockMode: 'off' }));
  t.advance(0);
  expect(await get()).toMatchObject({ State: 'update-complete', InternetGatewayBlockMode: 'off' });
});
