// The README's "Testing your retries" example, as users run it (there the import is from 'ec2lite').
import { DescribeInstancesCommand, EC2Client, RunInstancesCommand, waitUntilInstanceRunning } from '@aws-sdk/client-ec2';
import { startEc2lite, type Ec2liteServer } from '../../src/index';

let ec2lite: Ec2liteServer;
let ec2: EC2Client;
beforeAll(async () => {
  ec2lite = await startEc2lite({ clock: 'manual' });
  ec2 = new EC2Client(ec2lite.clientConfig()); // the SDK's default retry strategy: up to 3 attempts
});
afterEach(() => ec2lite.reset()); // a reset clears the fault plan too
afterAll(async () => {
  ec2.destroy();
  await ec2lite.stop();
});

test('gets through throttling and a 5xx', async () => {
  ec2lite.faults.set({
    rules: [
      { action: 'DescribeInstances', error: 'RequestLimitExceeded', count: 1 },
      { action: 'DescribeInstances', error: 'InternalError', count: 1 },
    ],
  });
  const out = await ec2.send(new DescribeInstancesCommand({}));
  expect(out.$metadata.attempts).toBe(3);
  expect(ec2lite.faults.get().accounts['123456789012']).toMatchObject({
    counters: { calls: { DescribeInstances: 3 }, injected: { DescribeInstances: { RequestLimitExceeded: 1, InternalError: 1 } } },
  });
});

test('waits through eventual consistency after RunInstances', async () => {
  ec2lite.faults.set({ consistency: { delayMs: 2000 } });
  const { Instances } = await ec2.send(new RunInstancesCommand({ ImageId: 'ami-760aaa0f', MinCount: 1, MaxCount: 1 }));
  const id = Instances![0].InstanceId!;
  await expect(ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }))).rejects.toMatchObject({
    name: 'InvalidInstanceID.NotFound',
    message: `The instance ID '${id}' does not exist`,
  });
  ec2lite.advance(2000); // on AWS: time passes
  const { state } = await waitUntilInstanceRunning({ client: ec2, maxWaitTime: 30 }, { InstanceIds: [id] });
  expect(state).toBe('SUCCESS');
});
