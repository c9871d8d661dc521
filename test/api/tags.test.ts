import { CreateTagsCommand, CreateVpcCommand, DeleteTagsCommand, DescribeTagsCommand, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { expectEc2Error, TestServer } from '../helpers/server';
import { useTestServer } from '../helpers/env';

let t: TestServer;
useTestServer({}, (env) => ({ t } = env));

const vpc = async () => (await t.ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc!.VpcId!;

describe('tags', () => {
  it('creates, overwrites, describes and deletes tags', async () => {
    const id = await vpc();
    await t.ec2.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: 'Name', Value: 'one' }, { Key: 'env', Value: 'dev' }] }));
    await t.ec2.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: 'Name', Value: 'two' }] }));
    const out = await t.ec2.send(new DescribeTagsCommand({ Filters: [{ Name: 'resource-id', Values: [id] }] }));
    expect(out.Tags!.map((x) => [x.Key, x.Value, x.ResourceType, x.ResourceId])).toEqual([
      ['Name', 'two', 'vpc', id],
      ['env', 'dev', 'vpc', id],
    ]);
    const v = (await t.ec2.send(new DescribeVpcsCommand({ VpcIds: [id] }))).Vpcs![0];
    expect(v.Tags).toEqual([{ Key: 'Name', Value: 'two' }, { Key: 'env', Value: 'dev' }]);
    // a value that does not match keeps the tag; no value deletes whatever the value
    await t.ec2.send(new DeleteTagsCommand({ Resources: [id], Tags: [{ Key: 'env', Value: 'prod' }] }));
    await t.ec2.send(new DeleteTagsCommand({ Resources: [id], Tags: [{ Key: 'Name' }] }));
    const after = await t.ec2.send(new DescribeTagsCommand({ Filters: [{ Name: 'resource-id', Values: [id] }] }));
    expect(after.Tags!.map((x) => x.Key)).toEqual(['env']);
  });

  it('filters by key, value and resource-type, and paginates', async () => {
    const ids = [await vpc(), await vpc(), await vpc(), await vpc(), await vpc(), await vpc()];
    await t.ec2.send(new CreateTagsCommand({ Resources: ids, Tags: [{ Key: 'batch', Value: 'b1' }] }));
    const byKey = await t.ec2.send(new DescribeTagsCommand({ Filters: [{ Name: 'key', Values: ['batch'] }, { Name: 'resource-type', Values: ['vpc'] }] }));
    expect(byKey.Tags!.map((x) => x.ResourceId)).toEqual(ids);
    const first = await t.ec2.send(new DescribeTagsCommand({ MaxResults: 5, Filters: [{ Name: 'value', Values: ['b?'] }] }));
    expect(first.Tags).toHaveLength(5);
    const second = await t.ec2.send(new DescribeTagsCommand({ MaxResults: 5, NextToken: first.NextToken, Filters: [{ Name: 'value', Values: ['b?'] }] }));
    expect(second.Tags).toHaveLength(1);
    expect(second.NextToken).toBeUndefined();
  });

  it('rejects unknown resources, invalid ids and aws: keys, writing nothing', async () => {
    const id = await vpc();
    await expectEc2Error(t.ec2.send(new CreateTagsCommand({ Resources: [id, 'vpc-00000000000000000'], Tags: [{ Key: 'k', Value: 'v' }] })), {
      code: 'InvalidVpcID.NotFound',
      message: "The vpc ID 'vpc-00000000000000000' does not exist",
    });
    expect((await t.ec2.send(new DescribeTagsCommand({ Filters: [{ Name: 'resource-id', Values: [id] }] }))).Tags).toEqual([]);
    // an unknown prefix, or a known one with a body no id has
    for (const bad of ['bogus-1', 'ami-blah', 'vpc-123']) {
      await expectEc2Error(t.ec2.send(new CreateTagsCommand({ Resources: [bad], Tags: [{ Key: 'k', Value: 'v' }] })), {
        code: 'InvalidID',
        message: `The ID '${bad}' is not valid`,
      });
    }
    await expectEc2Error(t.ec2.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: 'aws:x', Value: 'v' }] })), {
      code: 'InvalidParameterValue',
      message: "Value ( aws:x ) for parameter key is invalid. Tag keys starting with 'aws:' are reserved for internal use",
    });
  });

  it('enforces 50 tags per resource', async () => {
    const id = await vpc();
    const tags = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    await t.ec2.send(new CreateTagsCommand({ Resources: [id], Tags: tags }));
    await t.ec2.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: 'k0', Value: 'overwrite is fine' }] }));
    await expectEc2Error(t.ec2.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: 'one-more', Value: 'v' }] })), {
      code: 'TagLimitExceeded',
    });
  });
});
