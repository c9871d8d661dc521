/**
 * ModifyInstanceTypeAttribute (ec2lite's Eucalyptus-style extension; the SDK has no command for it, so raw Query
 * HTTP): validation (unknown type, NetworkInterfaces outside 1..64), the answer (instanceType and
 * previousInstanceType), a new ENI limit applying at once to DescribeInstanceTypes, RunInstances and
 * AttachNetworkInterface, Reset, DryRun.
 */
import { AttachNetworkInterfaceCommand, DescribeInstanceTypesCommand, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { createEni, launchRunning } from '../helpers/api';
import { AMI, createNetwork, TestNetwork } from '../helpers/network';
import { expectEc2Error, rawQuery, startTestServer, TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;

beforeEach(async () => {
  t = await startTestServer();
  net = await createNetwork(t.ec2);
});
afterEach(() => t.close());

const modify = (params: Record<string, string>) => rawQuery(t.url, { Action: 'ModifyInstanceTypeAttribute', Version: '2016-11-15', ...params });

/** The <name>…</name> / <networkInterfaces>…</networkInterfaces> of one element of the answer. */
function details(body: string, element: 'instanceType' | 'previousInstanceType'): Record<string, string> {
  const m = new RegExp(`<${element}>(.*?)</${element}>`, 's').exec(body);
  if (!m) throw new Error(`no <${element}> in ${body}`);
  return Object.fromEntries([...m[1].matchAll(/<(\w+)>([^<]*)<\/\1>/g)].map((x) => [x[1], x[2]]));
}

const limitOf = async (type: string) =>
  (await t.ec2.send(new DescribeInstanceTypesCommand({ InstanceTypes: [type as never] }))).InstanceTypes![0].NetworkInfo!.MaximumNetworkInterfaces;

describe('validation', () => {
  it('an unknown instance type', async () => {
    const r = await modify({ Name: 't9.mega', NetworkInterfaces: '4' });
    expect([r.status, r.code, r.message]).toEqual([400, 'InvalidParameterValue', 'Failed to lookup the requested instance type: t9.mega']);
  });

  it.each(['0', '65', '-1'])('NetworkInterfaces=%s is outside 1..64', async (n) => {
    const r = await modify({ Name: 't3.micro', NetworkInterfaces: n });
    expect([r.status, r.code, r.message]).toEqual([400, 'InvalidParameterValue', `${n} for parameter NetworkInterfaces is invalid`]);
    expect(await limitOf('t3.micro')).toBe(2);
  });

  it('Name is required; a non-integer is malformed', async () => {
    const missing = await modify({ NetworkInterfaces: '4' });
    expect([missing.status, missing.code]).toEqual([400, 'MissingParameter']);
    expect(missing.message).toBe('The request must contain the parameter name');
    const bad = await modify({ Name: 't3.micro', NetworkInterfaces: 'four' });
    expect([bad.status, bad.code, bad.message]).toEqual([400, 'InvalidParameterValue', 'Value (four) for parameter networkInterfaces is invalid. It must be an integer.']);
  });
});

describe('behaviour', () => {
  it('answers with the new and the previous values; DescribeInstanceTypes shows the new limit', async () => {
    const r = await modify({ Name: 't3.micro', NetworkInterfaces: '4' });
    expect(r.status).toBe(200);
    expect(r.body).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\s*<ModifyInstanceTypeAttributeResponse xmlns="http:\/\/ec2\.amazonaws\.com\/doc\/2016-11-15\/">/);
    expect(details(r.body, 'instanceType')).toMatchObject({ name: 't3.micro', networkInterfaces: '4', cpu: '2', memory: '1024' });
    expect(details(r.body, 'previousInstanceType')).toMatchObject({ name: 't3.micro', networkInterfaces: '2' });
    expect(await limitOf('t3.micro')).toBe(4);
    // other types are untouched
    expect(await limitOf('t3.nano')).toBe(2);
  });

  it('a higher limit applies at once to RunInstances and AttachNetworkInterface', async () => {
    const three = () => [0, 1, 2].map((d) => ({ DeviceIndex: d, SubnetId: net.subnetA1 }));
    const launch3 = () => t.ec2.send(new RunInstancesCommand({ ImageId: AMI, MinCount: 1, MaxCount: 1, InstanceType: 't3.micro', NetworkInterfaces: three() }));
    await expectEc2Error(launch3(), { code: 'AttachmentLimitExceeded', message: 'Interface count 3 exceeds the limit for t3.micro' });
    await modify({ Name: 't3.micro', NetworkInterfaces: '3' });
    const launched = (await launch3()).Instances![0];
    expect(launched.NetworkInterfaces).toHaveLength(3);

    const i = await launchRunning(t, net, { InstanceType: 't3.micro', NetworkInterfaces: [0, 1].map((d) => ({ DeviceIndex: d, SubnetId: net.subnetA1 })) });
    const [e3, e4] = await Promise.all([createEni(t.ec2, net.subnetA1), createEni(t.ec2, net.subnetA1)]);
    await t.ec2.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: e3.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 2 }));
    await expectEc2Error(t.ec2.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: e4.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 3 })), {
      code: 'AttachmentLimitExceeded',
      message: 'Interface count 4 exceeds the limit for t3.micro',
    });
  });

  it('a lower limit applies at once too (existing instances keep what they have)', async () => {
    const i = await launchRunning(t, net, { InstanceType: 'm5.large', NetworkInterfaces: [0, 1].map((d) => ({ DeviceIndex: d, SubnetId: net.subnetA1 })) });
    await modify({ Name: 'm5.large', NetworkInterfaces: '1' });
    const eni = await createEni(t.ec2, net.subnetA1);
    await expectEc2Error(t.ec2.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eni.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 2 })), {
      code: 'AttachmentLimitExceeded',
      message: 'Interface count 3 exceeds the limit for m5.large',
    });
    await expectEc2Error(
      t.ec2.send(new RunInstancesCommand({ ImageId: AMI, MinCount: 1, MaxCount: 1, InstanceType: 'm5.large', NetworkInterfaces: [0, 1].map((d) => ({ DeviceIndex: d, SubnetId: net.subnetA1 })) })),
      { code: 'AttachmentLimitExceeded', message: 'Interface count 2 exceeds the limit for m5.large' },
    );
    expect(await limitOf('m5.large')).toBe(1);
  });

  it('Reset=true restores the fixture values', async () => {
    await modify({ Name: 'c5.large', NetworkInterfaces: '8' });
    expect(await limitOf('c5.large')).toBe(8);
    const r = await modify({ Name: 'c5.large', Reset: 'true' });
    expect(r.status).toBe(200);
    expect(details(r.body, 'previousInstanceType').networkInterfaces).toBe('8');
    expect(details(r.body, 'instanceType').networkInterfaces).toBe('3');
    expect(await limitOf('c5.large')).toBe(3);
  });

  it('unset fields keep their value: a second change of another field keeps the ENI limit', async () => {
    await modify({ Name: 't3.small', NetworkInterfaces: '5' });
    const r = await modify({ Name: 't3.small', Cpu: '4' });
    expect(details(r.body, 'instanceType')).toMatchObject({ cpu: '4', networkInterfaces: '5' });
    expect(await limitOf('t3.small')).toBe(5);
  });

  it('DryRun: 412 and the limit stays', async () => {
    const r = await modify({ Name: 't3.micro', NetworkInterfaces: '6', DryRun: 'true' });
    expect([r.status, r.code, r.message]).toEqual([412, 'DryRunOperation', 'Request would have succeeded, but DryRun flag is set.']);
    expect(await limitOf('t3.micro')).toBe(2);
  });
});
