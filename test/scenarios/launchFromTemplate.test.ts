/**
 * Launching from a launch template through the SDK v3: a template with three interfaces in two subnets launches a
 * three-NIC instance; explicit parameters override the template (the request's NetworkInterfaces replace the
 * template's); versions by $Default / $Latest / number; the aws:ec2launchtemplate:* tags; delete-on-termination
 * from the template honoured at terminate; the errors for a missing template or version and for both id and name.
 */
import {
  CreateLaunchTemplateCommand,
  CreateLaunchTemplateVersionCommand,
  DescribeNetworkInterfacesCommand,
  DescribeTagsCommand,
  RunInstancesCommand,
  RunInstancesCommandInput,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { useTestServer } from '../helpers/env';
import { AMI, describeInstance, TestNetwork } from '../helpers/network';
import { expectEc2Error, TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;
let templateId: string;
useTestServer({ network: 'once' }, (env) => ({ t, net } = env));

beforeAll(async () => {
  const out = await t.ec2.send(
    new CreateLaunchTemplateCommand({
      LaunchTemplateName: 'three-nics',
      LaunchTemplateData: {
        ImageId: AMI,
        InstanceType: 'm5.xlarge',
        NetworkInterfaces: [
          { DeviceIndex: 0, SubnetId: net.subnetA1, Description: 'primary' },
          { DeviceIndex: 1, SubnetId: net.subnetA2, DeleteOnTermination: false, Description: 'data' },
          { DeviceIndex: 2, SubnetId: net.subnetA2, DeleteOnTermination: true, Description: 'replication' },
        ],
        TagSpecifications: [
          { ResourceType: 'instance', Tags: [{ Key: 'role', Value: 'db' }] },
          { ResourceType: 'network-interface', Tags: [{ Key: 'from', Value: 'template' }] },
        ],
      },
    }),
  );
  templateId = out.LaunchTemplate!.LaunchTemplateId!;
  // Version 2 (not the default): a smaller type, one interface.
  await t.ec2.send(
    new CreateLaunchTemplateVersionCommand({
      LaunchTemplateId: templateId,
      LaunchTemplateData: { ImageId: AMI, InstanceType: 't3.micro', NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: net.subnetB }] },
    }),
  );
});

const run = (input: Partial<RunInstancesCommandInput>) =>
  t.ec2.send(new RunInstancesCommand({ MinCount: 1, MaxCount: 1, ...input }));
const byIndex = <T extends { Attachment?: { DeviceIndex?: number } }>(list: T[] | undefined) =>
  [...(list ?? [])].sort((a, b) => a.Attachment!.DeviceIndex! - b.Attachment!.DeviceIndex!);

describe('a three-NIC template', () => {
  it('launches an instance with its three interfaces, type, image and tags, plus the aws:ec2launchtemplate tags', async () => {
    const out = await run({ LaunchTemplate: { LaunchTemplateName: 'three-nics' } });
    const id = out.Instances![0].InstanceId!;
    t.advance(1000);
    const i = await describeInstance(t.ec2, id);
    expect(i).toMatchObject({ InstanceType: 'm5.xlarge', ImageId: AMI, SubnetId: net.subnetA1, State: { Name: 'running' } });
    const nics = byIndex(i.NetworkInterfaces);
    expect(nics.map((n) => [n.Attachment!.DeviceIndex, n.SubnetId, n.Description, n.Attachment!.DeleteOnTermination])).toEqual([
      [0, net.subnetA1, 'primary', true],
      [1, net.subnetA2, 'data', false],
      [2, net.subnetA2, 'replication', true],
    ]);
    expect(new Set(nics.map((n) => n.PrivateIpAddress)).size).toBe(3);
    expect([...(i.Tags ?? [])].sort((a, b) => a.Key!.localeCompare(b.Key!))).toEqual([
      { Key: 'aws:ec2launchtemplate:id', Value: templateId },
      { Key: 'aws:ec2launchtemplate:version', Value: '1' },
      { Key: 'role', Value: 'db' },
    ]);
    const eniTags = await t.ec2.send(new DescribeTagsCommand({ Filters: [{ Name: 'resource-id', Values: nics.map((n) => n.NetworkInterfaceId!) }] }));
    expect(eniTags.Tags!.map((x) => `${x.Key}=${x.Value}`)).toEqual(['from=template', 'from=template', 'from=template']);
  });

  it('terminate honours the template delete-on-termination flags: only the data interface survives', async () => {
    const id = (await run({ LaunchTemplate: { LaunchTemplateId: templateId, Version: '1' } })).Instances![0].InstanceId!;
    t.advance(1000);
    const nics = byIndex((await describeInstance(t.ec2, id)).NetworkInterfaces);
    await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
    t.advance(1000);
    const left = await t.ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'network-interface-id', Values: nics.map((n) => n.NetworkInterfaceId!) }] }));
    expect(left.NetworkInterfaces!.map((n) => [n.NetworkInterfaceId, n.Status, n.Description])).toEqual([[nics[1].NetworkInterfaceId, 'available', 'data']]);
  });

  it('versions: $Default is 1, $Latest and 2 are the one-NIC version', async () => {
    for (const Version of ['$Latest', '2']) {
      const i = (await run({ LaunchTemplate: { LaunchTemplateId: templateId, Version } })).Instances![0];
      expect(i).toMatchObject({ InstanceType: 't3.micro', SubnetId: net.subnetB });
      expect(i.NetworkInterfaces).toHaveLength(1);
      const tags = (await describeInstance(t.ec2, i.InstanceId!)).Tags!;
      expect(tags).toContainEqual({ Key: 'aws:ec2launchtemplate:version', Value: '2' });
    }
    const d = (await run({ LaunchTemplate: { LaunchTemplateId: templateId, Version: '$Default' } })).Instances![0];
    expect(d.NetworkInterfaces).toHaveLength(3);
  });
});

describe('explicit parameters override the template', () => {
  it('the type, and the tags of the same resource type; the template tags of other types stay', async () => {
    const out = await run({
      LaunchTemplate: { LaunchTemplateName: 'three-nics' },
      InstanceType: 'm5.2xlarge',
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'role', Value: 'replica' }] }],
    });
    const i = await describeInstance(t.ec2, out.Instances![0].InstanceId!);
    expect(i.InstanceType).toBe('m5.2xlarge');
    expect(i.Tags).toContainEqual({ Key: 'role', Value: 'replica' });
    expect(i.NetworkInterfaces).toHaveLength(3);
  });

  it("the request's NetworkInterfaces replace the template's list", async () => {
    const out = await run({
      LaunchTemplate: { LaunchTemplateName: 'three-nics' },
      NetworkInterfaces: [
        { DeviceIndex: 0, SubnetId: net.subnetA2 },
        { DeviceIndex: 1, SubnetId: net.subnetA1 },
      ],
    });
    const nics = byIndex(out.Instances![0].NetworkInterfaces);
    expect(nics.map((n) => [n.Attachment!.DeviceIndex, n.SubnetId])).toEqual([
      [0, net.subnetA2],
      [1, net.subnetA1],
    ]);
    expect(out.Instances![0].InstanceType).toBe('m5.xlarge');
  });

  it('an instance-level subnet or groups beside the template interfaces: InvalidParameterCombination, as on AWS', async () => {
    await expectEc2Error(run({ LaunchTemplate: { LaunchTemplateName: 'three-nics' }, SubnetId: net.subnetA1 }), {
      code: 'InvalidParameterCombination',
      message: 'Network interfaces and an instance-level subnet ID may not be specified on the same request',
    });
    await expectEc2Error(run({ LaunchTemplate: { LaunchTemplateName: 'three-nics' }, SecurityGroupIds: ['sg-0123456789abcdef0'] }), {
      code: 'InvalidParameterCombination',
      message: 'Network interfaces and an instance-level security groups may not be specified on the same request',
    });
  });

  it('a template without interfaces takes the instance-level subnet', async () => {
    await t.ec2.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: 'plain', LaunchTemplateData: { ImageId: AMI, InstanceType: 't3.small' } }));
    const i = (await run({ LaunchTemplate: { LaunchTemplateName: 'plain' }, SubnetId: net.subnetB })).Instances![0];
    expect(i).toMatchObject({ InstanceType: 't3.small', SubnetId: net.subnetB, ImageId: AMI });
  });
});

describe('errors', () => {
  it('a missing template, a missing version, both id and name, no image anywhere', async () => {
    await expectEc2Error(run({ LaunchTemplate: { LaunchTemplateId: 'lt-0123456789abcdef0' } }), {
      code: 'InvalidLaunchTemplateId.NotFound',
      message: 'The specified launch template, with template ID lt-0123456789abcdef0, does not exist.',
    });
    await expectEc2Error(run({ LaunchTemplate: { LaunchTemplateName: 'nope' } }), {
      code: 'InvalidLaunchTemplateName.NotFoundException',
      message: 'The specified launch template, with template name nope, does not exist.',
    });
    await expectEc2Error(run({ LaunchTemplate: { LaunchTemplateId: templateId, Version: '9' } }), {
      code: 'InvalidLaunchTemplateId.VersionNotFound',
      message: `Could not find the specified version 9 for the launch template with ID ${templateId}.`,
    });
    await expectEc2Error(run({ LaunchTemplate: { LaunchTemplateId: templateId, LaunchTemplateName: 'three-nics' } }), { code: 'InvalidParameterCombination' });
    await t.ec2.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: 'no-image', LaunchTemplateData: { InstanceType: 't3.small' } }));
    await expectEc2Error(run({ LaunchTemplate: { LaunchTemplateName: 'no-image' } }), { code: 'MissingParameter' });
  });
});
