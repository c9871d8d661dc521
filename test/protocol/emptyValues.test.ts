/**
 * EC2 reads a string member sent empty (`Placement.AvailabilityZone=`) as not sent; list elements and `Value`
 * members keep their empty strings. Through the SDK v3, which sends empty strings as they are.
 */
import {
  CreateNetworkInterfaceCommand,
  CreateSecurityGroupCommand,
  CreateTagsCommand,
  DeleteTagsCommand,
  DescribeTagsCommand,
  DescribeVpcsCommand,
  ModifyNetworkInterfaceAttributeCommand,
} from '@aws-sdk/client-ec2';
import { createNetwork, describeInterface, runOne } from '../helpers/network';
import { expectEc2Error, TestServer } from '../helpers/server';
import { useTestServer } from '../helpers/env';

let t: TestServer;
useTestServer({}, (env) => ({ t } = env));

it("RunInstances with Terraform's empty Placement.AvailabilityZone and GroupName launches into the default VPC", async () => {
  const instance = await runOne(t.ec2, { Placement: { AvailabilityZone: '', GroupName: '' } });
  const defaultVpc = (await t.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))).Vpcs![0];
  expect(instance).toMatchObject({ State: { Name: 'pending' }, VpcId: defaultVpc.VpcId, Placement: { AvailabilityZone: 'us-east-1a' } });
});

it('an empty required member is a MissingParameter, as an empty GroupDescription is on AWS', async () => {
  const { vpcId } = await createNetwork(t.ec2, '10.40.0.0/16');
  await expectEc2Error(t.ec2.send(new CreateSecurityGroupCommand({ GroupName: 'web', Description: '', VpcId: vpcId })), {
    code: 'MissingParameter',
    message: 'The request must contain the parameter groupDescription',
  });
  await expectEc2Error(t.ec2.send(new CreateSecurityGroupCommand({ GroupName: '', Description: 'web', VpcId: vpcId })), {
    code: 'MissingParameter',
    message: 'The request must contain the parameter groupName',
  });
});

it('an empty id is absent too: CreateSecurityGroup with VpcId "" goes to the default VPC', async () => {
  const { GroupId } = await t.ec2.send(new CreateSecurityGroupCommand({ GroupName: 'empty-vpc-id', Description: 'x', VpcId: '' }));
  expect(GroupId).toMatch(/^sg-[0-9a-f]{17}$/);
});

it('DeleteTags keeps the difference between Value "" (only an empty value) and no Value (any value)', async () => {
  const { vpcId } = await createNetwork(t.ec2, '10.41.0.0/16');
  await t.ec2.send(new CreateTagsCommand({ Resources: [vpcId], Tags: [{ Key: 'a', Value: 'set' }, { Key: 'b', Value: '' }] }));
  await t.ec2.send(new DeleteTagsCommand({ Resources: [vpcId], Tags: [{ Key: 'a', Value: '' }, { Key: 'b', Value: '' }] }));
  const tags = await t.ec2.send(new DescribeTagsCommand({ Filters: [{ Name: 'resource-id', Values: [vpcId] }] }));
  expect(tags.Tags!.map((x) => [x.Key, x.Value])).toEqual([['a', 'set']]);
});

it('ModifyNetworkInterfaceAttribute Description.Value "" clears the description', async () => {
  const net = await createNetwork(t.ec2, '10.42.0.0/16');
  const eni = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetA1, Description: 'before' }))).NetworkInterface!;
  await t.ec2.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: eni.NetworkInterfaceId, Description: { Value: '' } }));
  expect((await describeInterface(t.ec2, eni.NetworkInterfaceId!)).Description).toBe('');
});

it('a Filter value "" is a value: it matches empty tag values only', async () => {
  const { vpcId } = await createNetwork(t.ec2, '10.43.0.0/16');
  await t.ec2.send(new CreateTagsCommand({ Resources: [vpcId], Tags: [{ Key: 'empty', Value: '' }] }));
  const byEmpty = await t.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'tag:empty', Values: [''] }] }));
  expect(byEmpty.Vpcs!.map((v) => v.VpcId)).toEqual([vpcId]);
});
