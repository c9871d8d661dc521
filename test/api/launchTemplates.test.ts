/**
 * Launch templates through the SDK v3: create (name rules, duplicate, tags, warnings), versions (SourceVersion,
 * numbering, $Latest / $Default, Min/MaxVersion), ModifyLaunchTemplate, DeleteLaunchTemplateVersions' per-version
 * answers, DeleteLaunchTemplate, the Describe calls' filters and paging, GetLaunchTemplateData, DryRun.
 */
import {
  RunInstancesCommand,
  CreateLaunchTemplateCommand,
  CreateLaunchTemplateCommandInput,
  CreateLaunchTemplateVersionCommand,
  CreateTagsCommand,
  DeleteLaunchTemplateCommand,
  DeleteLaunchTemplateVersionsCommand,
  DescribeLaunchTemplatesCommand,
  DescribeLaunchTemplatesCommandInput,
  DescribeLaunchTemplateVersionsCommand,
  DescribeLaunchTemplateVersionsCommandInput,
  GetLaunchTemplateDataCommand,
  ModifyLaunchTemplateCommand,
} from '@aws-sdk/client-ec2';
import { DRY_RUN, MISSING } from '../helpers/api';
import { useTestServer } from '../helpers/env';
import { AMI, runOne, TestNetwork } from '../helpers/network';
import { expectEc2Error, TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;
useTestServer({ network: 'once' }, (env) => ({ t, net } = env));

const LT_MISSING = 'lt-0123456789abcdef0';
let counter = 0;
const uniqueName = () => `tmpl-${++counter}`;
const create = (input: Partial<CreateLaunchTemplateCommandInput> = {}) =>
  t.ec2.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: uniqueName(), LaunchTemplateData: { ImageId: AMI }, ...input }));
const versions = (input: DescribeLaunchTemplateVersionsCommandInput) =>
  t.ec2.send(new DescribeLaunchTemplateVersionsCommand(input));

describe('CreateLaunchTemplate', () => {
  it('stores the data as given and answers the template at version 1, with its tags', async () => {
    const data = {
      ImageId: AMI,
      InstanceType: 'm5.large' as const,
      SecurityGroupIds: [],
      NetworkInterfaces: [
        { DeviceIndex: 0, SubnetId: net.subnetA1, DeleteOnTermination: false, Description: 'primary' },
        { DeviceIndex: 1, SubnetId: net.subnetA2, Groups: [] },
      ],
      TagSpecifications: [{ ResourceType: 'instance' as const, Tags: [{ Key: 'role', Value: 'web' }] }],
      MetadataOptions: { HttpTokens: 'required' as const },
      Placement: { AvailabilityZone: 'us-east-1a' },
    };
    const out = await create({
      LaunchTemplateName: 'web-(v1)/a_b.c',
      VersionDescription: 'first',
      LaunchTemplateData: data,
      TagSpecifications: [{ ResourceType: 'launch-template', Tags: [{ Key: 'team', Value: 'net' }] }],
    });
    expect(out.Warning).toBeUndefined();
    const lt = out.LaunchTemplate!;
    expect(lt).toMatchObject({
      LaunchTemplateName: 'web-(v1)/a_b.c',
      DefaultVersionNumber: 1,
      LatestVersionNumber: 1,
      CreatedBy: 'arn:aws:iam::123456789012:root',
      Tags: [{ Key: 'team', Value: 'net' }],
    });
    expect(lt.LaunchTemplateId).toMatch(/^lt-[0-9a-f]{17}$/);
    expect(lt.CreateTime).toBeInstanceOf(Date);
    const [v1] = (await versions({ LaunchTemplateId: lt.LaunchTemplateId, Versions: ['1'] })).LaunchTemplateVersions!;
    expect(v1).toMatchObject({ VersionNumber: 1, VersionDescription: 'first', DefaultVersion: true, LaunchTemplateName: 'web-(v1)/a_b.c' });
    // Empty lists are not sent by the SDK, so they do not come back either.
    expect(v1.LaunchTemplateData).toEqual({
      ImageId: AMI,
      InstanceType: 'm5.large',
      NetworkInterfaces: [
        { DeviceIndex: 0, SubnetId: net.subnetA1, DeleteOnTermination: false, Description: 'primary' },
        { DeviceIndex: 1, SubnetId: net.subnetA2 },
      ],
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'role', Value: 'web' }] }],
      MetadataOptions: { HttpTokens: 'required' },
      Placement: { AvailabilityZone: 'us-east-1a' },
    });
  });

  it('references that do not exist are warnings: the template is still created', async () => {
    const out = await create({
      LaunchTemplateData: { ImageId: AMI, SecurityGroupIds: [MISSING.sg], NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: MISSING.subnet }], KeyName: 'nope' },
    });
    expect(out.LaunchTemplate!.LaunchTemplateId).toMatch(/^lt-/);
    expect(out.Warning!.Errors).toEqual([
      { Code: 'InvalidGroup.NotFound', Message: `The security group '${MISSING.sg}' does not exist` },
      { Code: 'InvalidSubnetID.NotFound', Message: `The subnet ID '${MISSING.subnet}' does not exist` },
      { Code: 'InvalidKeyPair.NotFound', Message: "The key pair 'nope' does not exist" },
    ]);
  });

  it('a name in use, a malformed name, a tag type the call cannot tag', async () => {
    await create({ LaunchTemplateName: 'taken' });
    await expectEc2Error(create({ LaunchTemplateName: 'taken' }), {
      code: 'InvalidLaunchTemplateName.AlreadyExistsException',
      message: 'Launch template name already in use.',
    });
    for (const bad of ['ab', 'has space', 'x'.repeat(129)]) {
      await expectEc2Error(create({ LaunchTemplateName: bad }), {
        code: 'InvalidLaunchTemplateName.MalformedException',
        message: 'A launch template name must be between 3 and 128 characters, and may contain letters, numbers, and the following characters: - ( ) . / _.',
      });
    }
    await expectEc2Error(create({ TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'a', Value: 'b' }] }] }), {
      code: 'InvalidParameterValue',
    });
    await expectEc2Error(create({ LaunchTemplateData: { TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'a', Value: 'b' }] }] } }), {
      code: 'InvalidParameterValue',
    });
  });

  it('DryRun validates and creates nothing', async () => {
    await expectEc2Error(create({ LaunchTemplateName: 'dry-one', DryRun: true }), DRY_RUN);
    await expectEc2Error(t.ec2.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateNames: ['dry-one'] })), {
      code: 'InvalidLaunchTemplateName.NotFoundException',
      message: 'At least one of the launch templates specified in the request does not exist.',
    });
  });
});

describe('versions', () => {
  let id: string;
  let name: string;
  beforeAll(async () => {
    const lt = (await create({ LaunchTemplateData: { ImageId: AMI, InstanceType: 't3.micro', KeyName: undefined } })).LaunchTemplate!;
    id = lt.LaunchTemplateId!;
    name = lt.LaunchTemplateName!;
  });

  it('a new version is numbered next, is not the default, and may start from a source version', async () => {
    const v2 = (await t.ec2.send(new CreateLaunchTemplateVersionCommand({ LaunchTemplateId: id, LaunchTemplateData: { ImageId: 'ami-0def4560def4560de' }, VersionDescription: 'new ami' })))
      .LaunchTemplateVersion!;
    expect(v2).toMatchObject({ VersionNumber: 2, DefaultVersion: false, LaunchTemplateId: id, VersionDescription: 'new ami' });
    expect(v2.LaunchTemplateData).toEqual({ ImageId: 'ami-0def4560def4560de' });
    const v3 = (await t.ec2.send(new CreateLaunchTemplateVersionCommand({ LaunchTemplateName: name, SourceVersion: '1', LaunchTemplateData: { InstanceType: 'm5.large' } })))
      .LaunchTemplateVersion!;
    expect(v3.VersionNumber).toBe(3);
    expect(v3.LaunchTemplateData).toEqual({ ImageId: AMI, InstanceType: 'm5.large' });
    const lt = (await t.ec2.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateIds: [id] }))).LaunchTemplates![0];
    expect(lt).toMatchObject({ DefaultVersionNumber: 1, LatestVersionNumber: 3 });
  });

  it('stores an image id as sent, whatever its form (moto AWS-verified); a launch from it is refused', async () => {
    const lt = (await create({ LaunchTemplateData: { ImageId: 'ami-abc123' } })).LaunchTemplate!;
    const v2 = (await t.ec2.send(new CreateLaunchTemplateVersionCommand({ LaunchTemplateId: lt.LaunchTemplateId, LaunchTemplateData: { ImageId: 'ami-def456' } })))
      .LaunchTemplateVersion!;
    expect(v2.LaunchTemplateData).toEqual({ ImageId: 'ami-def456' });
    const launch = t.ec2.send(
      new RunInstancesCommand({ LaunchTemplate: { LaunchTemplateId: lt.LaunchTemplateId, Version: '2' }, MinCount: 1, MaxCount: 1, SubnetId: net.subnetA1 }),
    );
    await expectEc2Error(launch, { code: 'InvalidAMIID.Malformed', message: 'Invalid id: "ami-def456" (expecting "ami-...")' });
  });

  it('$Latest, $Default, numbers, Min/MaxVersion, all versions; every template by $Latest', async () => {
    const numbers = async (input: Parameters<typeof versions>[0]) => (await versions(input)).LaunchTemplateVersions!.map((v) => v.VersionNumber);
    expect(await numbers({ LaunchTemplateId: id })).toEqual([1, 2, 3]);
    expect(await numbers({ LaunchTemplateName: name, Versions: ['$Latest', '$Default'] })).toEqual([1, 3]);
    expect(await numbers({ LaunchTemplateId: id, MinVersion: '2' })).toEqual([2, 3]);
    expect(await numbers({ LaunchTemplateId: id, MaxVersion: '2' })).toEqual([1, 2]);
    expect(await numbers({ LaunchTemplateId: id, MinVersion: '2', MaxVersion: '2' })).toEqual([2]);
    const all = (await versions({ Versions: ['$Latest'] })).LaunchTemplateVersions!;
    expect(all.find((v) => v.LaunchTemplateId === id)!.VersionNumber).toBe(3);
    expect(new Set(all.map((v) => v.LaunchTemplateId)).size).toBe(all.length);
  });

  it('filters and pages', async () => {
    const out = await versions({ LaunchTemplateId: id, Filters: [{ Name: 'instance-type', Values: ['m5.*'] }] });
    expect(out.LaunchTemplateVersions!.map((v) => v.VersionNumber)).toEqual([3]);
    const dflt = await versions({ LaunchTemplateId: id, Filters: [{ Name: 'is-default-version', Values: ['true'] }] });
    expect(dflt.LaunchTemplateVersions!.map((v) => v.VersionNumber)).toEqual([1]);
    const p1 = await versions({ LaunchTemplateId: id, MaxResults: 2 });
    expect(p1.LaunchTemplateVersions!.map((v) => v.VersionNumber)).toEqual([1, 2]);
    const p2 = await versions({ LaunchTemplateId: id, MaxResults: 2, NextToken: p1.NextToken });
    expect(p2.LaunchTemplateVersions!.map((v) => v.VersionNumber)).toEqual([3]);
    expect(p2.NextToken).toBeUndefined();
    await expectEc2Error(versions({ LaunchTemplateId: id, Filters: [{ Name: 'nope', Values: ['x'] }] }), {
      code: 'InvalidParameterValue',
      message: "The filter 'nope' is invalid",
    });
  });

  it('errors: unknown template, unknown version, no template and a number, nothing at all', async () => {
    await expectEc2Error(versions({ LaunchTemplateId: LT_MISSING }), {
      code: 'InvalidLaunchTemplateId.NotFound',
      message: `The specified launch template, with template ID ${LT_MISSING}, does not exist.`,
    });
    await expectEc2Error(versions({ LaunchTemplateName: 'template_name' }), {
      code: 'InvalidLaunchTemplateName.NotFoundException',
      message: 'The specified launch template, with template name template_name, does not exist.',
    });
    await expectEc2Error(versions({ LaunchTemplateName: name, Versions: ['9'] }), {
      code: 'InvalidLaunchTemplateId.VersionNotFound',
      message: `Could not find the specified version 9 for the launch template with ID ${id}.`,
    });
    await expectEc2Error(versions({ Versions: ['1'] }), { code: 'InvalidParameterValue', message: /^To describe the launch template data for all your launch templates/ });
    await expectEc2Error(versions({}), { code: 'MissingParameter', message: /^To describe the launch template data for all your launch templates/ });
    await expectEc2Error(versions({ LaunchTemplateId: 'lt-bad' }), { code: 'InvalidLaunchTemplateId.Malformed' });
  });

  it('ModifyLaunchTemplate sets the default version', async () => {
    const out = await t.ec2.send(new ModifyLaunchTemplateCommand({ LaunchTemplateName: name, DefaultVersion: '2' }));
    expect(out.LaunchTemplate).toMatchObject({ LaunchTemplateId: id, DefaultVersionNumber: 2, LatestVersionNumber: 3 });
    const flags = (await versions({ LaunchTemplateId: id })).LaunchTemplateVersions!.map((v) => v.DefaultVersion);
    expect(flags).toEqual([false, true, false]);
    await expectEc2Error(t.ec2.send(new ModifyLaunchTemplateCommand({ LaunchTemplateName: name, DefaultVersion: '7' })), {
      code: 'InvalidLaunchTemplateId.VersionNotFound',
      message: 'The launch template version 7 is not found for the specified launch template.',
    });
    await expectEc2Error(t.ec2.send(new ModifyLaunchTemplateCommand({ LaunchTemplateName: name, LaunchTemplateId: id, DefaultVersion: '1' })), {
      code: 'InvalidParameterCombination',
      message: 'Either provide launch template ID or launch template name to modify the template.',
    });
    await expectEc2Error(t.ec2.send(new ModifyLaunchTemplateCommand({ LaunchTemplateId: id, DefaultVersion: '1', DryRun: true })), DRY_RUN);
    expect((await t.ec2.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateIds: [id] }))).LaunchTemplates![0].DefaultVersionNumber).toBe(2);
  });

  it('DeleteLaunchTemplateVersions: deleted, the default refused, unknown reported; numbers are not reused', async () => {
    const out = await t.ec2.send(new DeleteLaunchTemplateVersionsCommand({ LaunchTemplateId: id, Versions: ['3', '2', '8'] }));
    expect(out.SuccessfullyDeletedLaunchTemplateVersions).toEqual([{ LaunchTemplateId: id, LaunchTemplateName: name, VersionNumber: 3 }]);
    expect(out.UnsuccessfullyDeletedLaunchTemplateVersions!.map((f) => [f.VersionNumber, f.ResponseError!.Code])).toEqual([
      [2, 'unexpectedError'],
      [8, 'launchTemplateVersionDoesNotExist'],
    ]);
    const lt = (await t.ec2.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateIds: [id] }))).LaunchTemplates![0];
    expect(lt).toMatchObject({ DefaultVersionNumber: 2, LatestVersionNumber: 2 });
    const v = (await t.ec2.send(new CreateLaunchTemplateVersionCommand({ LaunchTemplateId: id, LaunchTemplateData: { ImageId: AMI } }))).LaunchTemplateVersion!;
    expect(v.VersionNumber).toBe(4);
    await expectEc2Error(t.ec2.send(new DeleteLaunchTemplateVersionsCommand({ LaunchTemplateId: LT_MISSING, Versions: ['1'] })), {
      code: 'InvalidLaunchTemplateId.NotFound',
    });
  });
});

describe('DescribeLaunchTemplates and DeleteLaunchTemplate', () => {
  let a: string;
  let b: string;
  beforeAll(async () => {
    a = (await create({ LaunchTemplateName: 'list-alpha', TagSpecifications: [{ ResourceType: 'launch-template', Tags: [{ Key: 'env', Value: 'prod' }] }] }))
      .LaunchTemplate!.LaunchTemplateId!;
    b = (await create({ LaunchTemplateName: 'list-beta' })).LaunchTemplate!.LaunchTemplateId!;
  });
  const names = async (input: DescribeLaunchTemplatesCommandInput) =>
    (await t.ec2.send(new DescribeLaunchTemplatesCommand(input))).LaunchTemplates!.map((l) => l.LaunchTemplateName);

  it('by ids, names and filters (launch-template-name, tag:, tag-key, create-time)', async () => {
    expect(await names({ LaunchTemplateIds: [b, a] })).toEqual(['list-alpha', 'list-beta']);
    expect(await names({ LaunchTemplateNames: ['list-beta'] })).toEqual(['list-beta']);
    expect(await names({ Filters: [{ Name: 'launch-template-name', Values: ['list-*'] }] })).toEqual(['list-alpha', 'list-beta']);
    expect(await names({ Filters: [{ Name: 'tag:env', Values: ['prod'] }] })).toEqual(['list-alpha']);
    expect(await names({ Filters: [{ Name: 'tag-key', Values: ['env'] }] })).toEqual(['list-alpha']);
    await t.ec2.send(new CreateTagsCommand({ Resources: [b], Tags: [{ Key: 'env', Value: 'dev' }] }));
    expect(await names({ Filters: [{ Name: 'tag:env', Values: ['dev'] }] })).toEqual(['list-beta']);
    const created = (await t.ec2.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateIds: [a] }))).LaunchTemplates![0].CreateTime!;
    expect(await names({ LaunchTemplateIds: [a, b], Filters: [{ Name: 'create-time', Values: [created.toISOString()] }] })).toContain('list-alpha');
  });

  it('pages', async () => {
    const p1 = await t.ec2.send(new DescribeLaunchTemplatesCommand({ MaxResults: 1, Filters: [{ Name: 'launch-template-name', Values: ['list-*'] }] }));
    const p2 = await t.ec2.send(
      new DescribeLaunchTemplatesCommand({ MaxResults: 1, NextToken: p1.NextToken, Filters: [{ Name: 'launch-template-name', Values: ['list-*'] }] }),
    );
    expect([p1.LaunchTemplates![0].LaunchTemplateName, p2.LaunchTemplates![0].LaunchTemplateName]).toEqual(['list-alpha', 'list-beta']);
    expect(p2.NextToken).toBeUndefined();
  });

  it('unknown ids and names', async () => {
    await expectEc2Error(t.ec2.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateIds: [LT_MISSING] })), { code: 'InvalidLaunchTemplateId.NotFound' });
    await expectEc2Error(t.ec2.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateNames: ['list-alpha', 'nope'] })), {
      code: 'InvalidLaunchTemplateName.NotFoundException',
      message: 'At least one of the launch templates specified in the request does not exist.',
    });
  });

  it('delete by name or id takes every version and the tags; the name can be used again', async () => {
    await expectEc2Error(t.ec2.send(new DeleteLaunchTemplateCommand({ LaunchTemplateName: 'list-alpha', DryRun: true })), DRY_RUN);
    const gone = await t.ec2.send(new DeleteLaunchTemplateCommand({ LaunchTemplateName: 'list-alpha' }));
    expect(gone.LaunchTemplate).toMatchObject({ LaunchTemplateId: a, LaunchTemplateName: 'list-alpha', DefaultVersionNumber: 1 });
    await t.ec2.send(new DeleteLaunchTemplateCommand({ LaunchTemplateId: b }));
    expect(await names({ Filters: [{ Name: 'launch-template-name', Values: ['list-*'] }] })).toEqual([]);
    await expectEc2Error(t.ec2.send(new DeleteLaunchTemplateCommand({ LaunchTemplateId: b })), {
      code: 'InvalidLaunchTemplateId.NotFound',
      message: `The specified launch template, with template ID ${b}, does not exist.`,
    });
    await expectEc2Error(t.ec2.send(new DeleteLaunchTemplateCommand({})), { code: 'MissingParameter' });
    const again = await create({ LaunchTemplateName: 'list-alpha' });
    expect(again.LaunchTemplate!.Tags).toEqual([]);
  });
});

describe('GetLaunchTemplateData', () => {
  it('an instance as template data: type, image, interfaces with device index, subnet, groups and delete-on-termination, tags', async () => {
    const i = await runOne(t.ec2, {
      InstanceType: 'm5.large',
      NetworkInterfaces: [
        { DeviceIndex: 0, SubnetId: net.subnetA1 },
        { DeviceIndex: 1, SubnetId: net.subnetA2, DeleteOnTermination: false },
      ],
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'src' }] }],
    });
    const data = (await t.ec2.send(new GetLaunchTemplateDataCommand({ InstanceId: i.InstanceId }))).LaunchTemplateData!;
    expect(data).toMatchObject({ ImageId: AMI, InstanceType: 'm5.large', Placement: { AvailabilityZone: 'us-east-1a', Tenancy: 'default' } });
    expect(data.TagSpecifications).toEqual([{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'src' }] }]);
    expect(data.NetworkInterfaces!.map((n) => [n.DeviceIndex, n.SubnetId, n.DeleteOnTermination, n.Groups!.length])).toEqual([
      [0, net.subnetA1, true, 1],
      [1, net.subnetA2, false, 1],
    ]);
    expect(data.NetworkInterfaces![0].NetworkInterfaceId).toBe(i.NetworkInterfaces!.find((n) => n.Attachment!.DeviceIndex === 0)!.NetworkInterfaceId);
    await expectEc2Error(t.ec2.send(new GetLaunchTemplateDataCommand({ InstanceId: MISSING.instance })), { code: 'InvalidInstanceID.NotFound' });
  });
});
