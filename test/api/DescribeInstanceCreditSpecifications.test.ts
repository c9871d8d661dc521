/**
 * DescribeInstanceCreditSpecifications through the SDK v3: named instances report their credit option (T2
 * standard, T3 unlimited, a non-burstable type standard), without ids only unlimited ones are listed; errors and
 * DryRun as AWS answers them.
 */
import { DescribeInstanceCreditSpecificationsCommand, DescribeInstanceCreditSpecificationsCommandInput } from '@aws-sdk/client-ec2';
import { DRY_RUN } from '../helpers/api';
import { useTestServer } from '../helpers/env';
import { runOne, TestNetwork } from '../helpers/network';
import { expectEc2Error, TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;
useTestServer({ network: 'once' }, (env) => ({ t, net } = env));

const credits = async (input: DescribeInstanceCreditSpecificationsCommandInput) =>
  (await t.ec2.send(new DescribeInstanceCreditSpecificationsCommand(input))).InstanceCreditSpecifications;

let t2: string;
let t3: string;
let m5: string;
beforeAll(async () => {
  const launch = async (InstanceType: string) => (await runOne(t.ec2, { SubnetId: net.subnetA1, InstanceType: InstanceType as never })).InstanceId!;
  t2 = await launch('t2.micro');
  t3 = await launch('t3.micro');
  m5 = await launch('m5.large');
});

it('named instances: T2 standard, T3 unlimited, a type that is not burstable standard', async () => {
  expect(await credits({ InstanceIds: [t2, t3, m5] })).toEqual([
    { InstanceId: t2, CpuCredits: 'standard' },
    { InstanceId: t3, CpuCredits: 'unlimited' },
    { InstanceId: m5, CpuCredits: 'standard' },
  ]);
});

it('without ids: the instances whose credit option is unlimited', async () => {
  expect(await credits({})).toEqual([{ InstanceId: t3, CpuCredits: 'unlimited' }]);
  expect(await credits({ Filters: [{ Name: 'instance-id', Values: [t3, t2] }] })).toEqual([{ InstanceId: t3, CpuCredits: 'unlimited' }]);
  expect(await credits({ Filters: [{ Name: 'instance-id', Values: [t2] }] })).toEqual([]);
});

it('pages with MaxResults and NextToken', async () => {
  const more = [];
  for (let i = 0; i < 5; i++) more.push((await runOne(t.ec2, { SubnetId: net.subnetA1, InstanceType: 't3.nano' })).InstanceId!);
  const first = await t.ec2.send(new DescribeInstanceCreditSpecificationsCommand({ MaxResults: 5 }));
  expect(first.InstanceCreditSpecifications).toHaveLength(5);
  const second = await t.ec2.send(new DescribeInstanceCreditSpecificationsCommand({ MaxResults: 5, NextToken: first.NextToken }));
  expect([...first.InstanceCreditSpecifications!, ...second.InstanceCreditSpecifications!].map((c) => c.InstanceId)).toEqual([t3, ...more]);
  expect(second.NextToken).toBeUndefined();
});

it('errors: an unknown instance, MaxResults with ids, MaxResults out of range, an unknown filter', async () => {
  await expectEc2Error(credits({ InstanceIds: ['i-0123456789abcdef0'] }), {
    code: 'InvalidInstanceID.NotFound',
    message: "The instance ID 'i-0123456789abcdef0' does not exist",
  });
  await expectEc2Error(credits({ InstanceIds: [t3], MaxResults: 5 }), {
    code: 'InvalidParameterCombination',
    message: 'The parameter instancesSet cannot be used with the parameter maxResults',
  });
  await expectEc2Error(credits({ MaxResults: 4 }), { code: 'InvalidParameterValue', message: /maxResults/ });
  await expectEc2Error(credits({ Filters: [{ Name: 'instance-type', Values: ['t3.micro'] }] }), {
    code: 'InvalidParameterValue',
    message: "The filter 'instance-type' is invalid",
  });
});

it('DryRun: 412', async () => {
  await expectEc2Error(credits({ DryRun: true }), DRY_RUN);
});
