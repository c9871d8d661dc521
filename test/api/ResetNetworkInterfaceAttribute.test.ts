/**
 * ResetNetworkInterfaceAttribute through the SDK v3: only sourceDestCheck can be reset (to true); errors; DryRun.
 */
import { ModifyNetworkInterfaceAttributeCommand, ResetNetworkInterfaceAttributeCommand } from '@aws-sdk/client-ec2';
import { createEni, DRY_RUN, MISSING, snapshot } from '../helpers/api';
import { describeInterface, TestNetwork } from '../helpers/network';

import { expectEc2Error, TestServer } from '../helpers/server';
import { useTestServer } from '../helpers/env';

let t: TestServer;
let net: TestNetwork;

useTestServer({ network: 'once' }, (env) => ({ t, net } = env));

const reset = (NetworkInterfaceId: string, SourceDestCheck?: string, DryRun?: boolean) =>
  t.ec2.send(new ResetNetworkInterfaceAttributeCommand({ NetworkInterfaceId, SourceDestCheck, DryRun }));

async function uncheckedEni(): Promise<string> {
  const id = (await createEni(t.ec2, net.subnetA1)).NetworkInterfaceId!;
  await t.ec2.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: id, SourceDestCheck: { Value: false } }));
  expect((await describeInterface(t.ec2, id)).SourceDestCheck).toBe(false);
  return id;
}

describe('validation', () => {
  it('malformed and unknown interface', async () => {
    await expectEc2Error(reset('eni-0', 'sourceDestCheck'), { code: 'InvalidNetworkInterfaceId.Malformed', message: 'Invalid id: "eni-0" (expecting "eni-...")' });
    await expectEc2Error(reset(MISSING.eni, 'sourceDestCheck'), {
      code: 'InvalidNetworkInterfaceID.NotFound',
      message: `The networkInterface ID '${MISSING.eni}' does not exist`,
    });
  });

  it('no attribute, or an attribute that cannot be reset', async () => {
    const id = await uncheckedEni();
    await expectEc2Error(reset(id), { code: 'MissingParameter', message: 'Missing attribute value' });
    await expectEc2Error(reset(id, 'description'), {
      code: 'InvalidParameterValue',
      message: 'Value (description) for parameter attribute is invalid. Unknown network interface attribute',
    });
    expect((await describeInterface(t.ec2, id)).SourceDestCheck).toBe(false);
  });
});

describe('behaviour', () => {
  it('sourceDestCheck goes back to true (and stays true when it already is)', async () => {
    const id = await uncheckedEni();
    await reset(id, 'sourceDestCheck');
    expect((await describeInterface(t.ec2, id)).SourceDestCheck).toBe(true);
    await reset(id, 'sourceDestCheck');
    expect((await describeInterface(t.ec2, id)).SourceDestCheck).toBe(true);
  });

  it('DryRun: 412 and nothing changes', async () => {
    const id = await uncheckedEni();
    const before = await snapshot(t.ec2);
    await expectEc2Error(reset(id, 'sourceDestCheck', true), DRY_RUN);
    expect(await snapshot(t.ec2)).toEqual(before);
    expect((await describeInterface(t.ec2, id)).SourceDestCheck).toBe(false);
  });
});
