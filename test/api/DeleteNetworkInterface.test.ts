/**
 * DeleteNetworkInterface through the SDK v3: malformed / unknown ids, an attached interface (attaching, attached,
 * detaching, primary) is "currently in use", a deleted interface returns its addresses to the subnet, DryRun.
 */
import { AttachNetworkInterfaceCommand, DeleteNetworkInterfaceCommand, DescribeNetworkInterfacesCommand, DetachNetworkInterfaceCommand } from '@aws-sdk/client-ec2';
import { createEni, DRY_RUN, launchRunning, MISSING, snapshot } from '../helpers/api';
import { availableIps, createNetwork, describeInterface, TestNetwork } from '../helpers/network';
import { expectEc2Error, startTestServer, TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;

beforeAll(async () => {
  t = await startTestServer({ pendingMs: 1000, attachMs: 500, detachMs: 500 });
});
afterAll(() => t.close());
beforeEach(async () => {
  net = await createNetwork(t.ec2);
});

const del = (id: string, dryRun?: boolean) => t.ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: id, DryRun: dryRun }));
const currentlyInUse = (id: string) => ({ code: 'InvalidParameterValue', message: `Network interface '${id}' is currently in use.` });

describe('validation', () => {
  it('rejects a malformed id', async () => {
    await expectEc2Error(del('eni-1'), { code: 'InvalidNetworkInterfaceId.Malformed', message: 'Invalid id: "eni-1" (expecting "eni-...")' });
    await expectEc2Error(del('i-0123456789abcdef0'), {
      code: 'InvalidNetworkInterfaceId.Malformed',
      message: 'Invalid id: "i-0123456789abcdef0" (expecting "eni-...")',
    });
  });
});

describe('errors', () => {
  it('unknown interface (AWS answers NotFound, unlike Eucalyptus which succeeds)', async () => {
    await expectEc2Error(del(MISSING.eni), {
      code: 'InvalidNetworkInterfaceID.NotFound',
      message: `The networkInterface ID '${MISSING.eni}' does not exist`,
    });
  });

  it('an attached interface is in use while attaching, attached and detaching', async () => {
    const i = await launchRunning(t, net);
    const eni = (await createEni(t.ec2, net.subnetA1)).NetworkInterfaceId!;
    const { AttachmentId } = await t.ec2.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eni, InstanceId: i.InstanceId, DeviceIndex: 1 }));
    await expectEc2Error(del(eni), currentlyInUse(eni)); // attaching
    t.advance(500);
    await expectEc2Error(del(eni), currentlyInUse(eni)); // attached
    await t.ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId }));
    await expectEc2Error(del(eni), currentlyInUse(eni)); // detaching
    t.advance(500);
    await del(eni);
    // the primary of a live instance too
    const primary = i.NetworkInterfaces![0].NetworkInterfaceId!;
    await expectEc2Error(del(primary), currentlyInUse(primary));
    expect((await describeInterface(t.ec2, primary)).Status).toBe('in-use');
  });
});

describe('behaviour', () => {
  it('deletes the interface and returns all its addresses to the subnet', async () => {
    const keep = await createEni(t.ec2, net.subnetA1);
    const eni = await createEni(t.ec2, net.subnetA1, { SecondaryPrivateIpAddressCount: 3 });
    expect(await availableIps(t.ec2, net.subnetA1)).toBe(251 - 5);
    await del(eni.NetworkInterfaceId!);
    expect(await availableIps(t.ec2, net.subnetA1)).toBe(250);
    await expectEc2Error(t.ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [eni.NetworkInterfaceId!] })), {
      code: 'InvalidNetworkInterfaceID.NotFound',
      message: `The networkInterface ID '${eni.NetworkInterfaceId}' does not exist`,
    });
    const left = await t.ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'subnet-id', Values: [net.subnetA1] }] }));
    expect(left.NetworkInterfaces!.map((n) => n.NetworkInterfaceId)).toEqual([keep.NetworkInterfaceId]);
    // the freed addresses are handed out again, lowest first
    const next = await createEni(t.ec2, net.subnetA1);
    expect(next.PrivateIpAddress).toBe(eni.PrivateIpAddress);
    // a second delete is NotFound
    await expectEc2Error(del(eni.NetworkInterfaceId!), { code: 'InvalidNetworkInterfaceID.NotFound', message: `The networkInterface ID '${eni.NetworkInterfaceId}' does not exist` });
  });

  it('DryRun: 412 and the interface stays', async () => {
    const eni = await createEni(t.ec2, net.subnetA1);
    const before = await snapshot(t.ec2);
    await expectEc2Error(del(eni.NetworkInterfaceId!, true), DRY_RUN);
    expect(await snapshot(t.ec2)).toEqual(before);
  });

  it('DryRun reports the error the call would have', async () => {
    await expectEc2Error(del(MISSING.eni, true), { code: 'InvalidNetworkInterfaceID.NotFound', message: `The networkInterface ID '${MISSING.eni}' does not exist` });
  });
});
