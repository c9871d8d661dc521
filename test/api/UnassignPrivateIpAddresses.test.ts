/**
 * UnassignPrivateIpAddresses through the SDK v3: secondaries go back to the subnet; the primary cannot be
 * unassigned; an address the interface does not have is an error; nothing half-done.
 */
import { UnassignPrivateIpAddressesCommand } from '@aws-sdk/client-ec2';
import { createEni, launchRunning, MISSING, snapshot } from '../helpers/api';
import { availableIps, describeInstance, describeInterface, TestNetwork } from '../helpers/network';

import { expectEc2Error, rawQuery, TestServer } from '../helpers/server';
import { useTestServer } from '../helpers/env';

let t: TestServer;
let net: TestNetwork;

useTestServer({ network: 'each' }, (env) => ({ t, net } = env));

const unassign = (NetworkInterfaceId: string, PrivateIpAddresses: string[]) =>
  t.ec2.send(new UnassignPrivateIpAddressesCommand({ NetworkInterfaceId, PrivateIpAddresses }));
const ipsOf = async (id: string) => (await describeInterface(t.ec2, id)).PrivateIpAddresses!.map((p) => p.PrivateIpAddress);

describe('validation', () => {
  it('malformed and unknown interface', async () => {
    await expectEc2Error(unassign('eni-g', ['10.0.1.5']), { code: 'InvalidNetworkInterfaceId.Malformed', message: 'Invalid id: "eni-g" (expecting "eni-...")' });
    await expectEc2Error(unassign(MISSING.eni, ['10.0.1.5']), {
      code: 'InvalidNetworkInterfaceID.NotFound',
      message: `The networkInterface ID '${MISSING.eni}' does not exist`,
    });
  });
});

describe('errors', () => {
  it('the primary address cannot be unassigned', async () => {
    const eni = await createEni(t.ec2, net.subnetA1, { SecondaryPrivateIpAddressCount: 1 });
    await expectEc2Error(unassign(eni.NetworkInterfaceId!, ['10.0.1.4']), {
      code: 'InvalidParameterValue',
      message: 'The private IP address 10.0.1.4 is the primary address of the network interface and cannot be unassigned.',
    });
    // together with a secondary: nothing is unassigned
    await expectEc2Error(unassign(eni.NetworkInterfaceId!, ['10.0.1.5', '10.0.1.4']), {
      code: 'InvalidParameterValue',
      message: 'The private IP address 10.0.1.4 is the primary address of the network interface and cannot be unassigned.',
    });
    expect(await ipsOf(eni.NetworkInterfaceId!)).toEqual(['10.0.1.4', '10.0.1.5']);
  });

  it('an address the interface does not have (free, or another interface\'s)', async () => {
    const a = await createEni(t.ec2, net.subnetA1, { SecondaryPrivateIpAddressCount: 1 }); // .4 .5
    const b = await createEni(t.ec2, net.subnetA1, { SecondaryPrivateIpAddressCount: 1 }); // .6 .7
    await expectEc2Error(unassign(a.NetworkInterfaceId!, ['10.0.1.99']), {
      code: 'InvalidParameterValue',
      message: `Some of the specified addresses are not assigned to interface ${a.NetworkInterfaceId}`,
    });
    await expectEc2Error(unassign(a.NetworkInterfaceId!, ['10.0.1.5', '10.0.1.7']), {
      code: 'InvalidParameterValue',
      message: `Some of the specified addresses are not assigned to interface ${a.NetworkInterfaceId}`,
    });
    expect(await ipsOf(a.NetworkInterfaceId!)).toEqual(['10.0.1.4', '10.0.1.5']);
    expect(await ipsOf(b.NetworkInterfaceId!)).toEqual(['10.0.1.6', '10.0.1.7']);
  });
});

describe('behaviour', () => {
  it('secondary addresses go back to the subnet and are handed out again', async () => {
    const eni = await createEni(t.ec2, net.subnetA1, { SecondaryPrivateIpAddressCount: 3 }); // .4 .5 .6 .7
    expect(await availableIps(t.ec2, net.subnetA1)).toBe(247);
    await unassign(eni.NetworkInterfaceId!, ['10.0.1.5', '10.0.1.7']);
    expect(await ipsOf(eni.NetworkInterfaceId!)).toEqual(['10.0.1.4', '10.0.1.6']);
    expect(await availableIps(t.ec2, net.subnetA1)).toBe(249);
    const next = await createEni(t.ec2, net.subnetA1);
    expect(next.PrivateIpAddress).toBe('10.0.1.5');
  });

  it('works on an attached interface; the instance view follows', async () => {
    const i = await launchRunning(t, net, { NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: net.subnetA1, SecondaryPrivateIpAddressCount: 2 }] });
    const primary = i.NetworkInterfaces![0];
    const secondary = primary.PrivateIpAddresses!.find((p) => !p.Primary)!.PrivateIpAddress!;
    await unassign(primary.NetworkInterfaceId!, [secondary]);
    const seen = await describeInstance(t.ec2, i.InstanceId!);
    expect(seen.NetworkInterfaces![0].PrivateIpAddresses!.map((p) => p.PrivateIpAddress)).not.toContain(secondary);
    expect(seen.NetworkInterfaces![0].PrivateIpAddresses).toHaveLength(2);
  });

  it('has no DryRun in AWS\'s model: a raw DryRun parameter is unknown and nothing changes', async () => {
    const eni = await createEni(t.ec2, net.subnetA1, { SecondaryPrivateIpAddressCount: 1 });
    const before = await snapshot(t.ec2);
    const r = await rawQuery(t.url, {
      Action: 'UnassignPrivateIpAddresses',
      Version: '2016-11-15',
      NetworkInterfaceId: eni.NetworkInterfaceId!,
      'PrivateIpAddress.1': '10.0.1.5',
      DryRun: 'true',
    });
    expect([r.status, r.code, r.message]).toEqual([400, 'UnknownParameter', 'The parameter DryRun is not recognized']);
    expect(await snapshot(t.ec2)).toEqual(before);
  });
});
