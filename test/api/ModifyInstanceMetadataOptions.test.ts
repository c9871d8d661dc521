/**
 * ModifyInstanceMetadataOptions through the SDK v3: the answer (state pending, the new values), partial updates
 * keep the other values, DescribeInstances shows them, the hop-limit range, unknown instance, DryRun.
 */
import { ModifyInstanceMetadataOptionsCommand, ModifyInstanceMetadataOptionsCommandInput } from '@aws-sdk/client-ec2';
import { DRY_RUN, launchRunning, MISSING, snapshot } from '../helpers/api';
import { describeInstance, TestNetwork } from '../helpers/network';

import { expectEc2Error, TestServer } from '../helpers/server';
import { useTestServer } from '../helpers/env';

let t: TestServer;
let net: TestNetwork;

useTestServer({ network: 'once' }, (env) => ({ t, net } = env));

const modify = (input: ModifyInstanceMetadataOptionsCommandInput) => t.ec2.send(new ModifyInstanceMetadataOptionsCommand(input));

describe('validation', () => {
  it('hop limit outside 1..64', async () => {
    const i = await launchRunning(t, net);
    for (const hop of [0, 65]) {
      await expectEc2Error(modify({ InstanceId: i.InstanceId, HttpPutResponseHopLimit: hop }), {
        code: 'InvalidParameterValue',
        message: `Value (${hop}) for parameter httpPutResponseHopLimit is invalid.`,
      });
    }
    expect((await describeInstance(t.ec2, i.InstanceId!)).MetadataOptions!.HttpPutResponseHopLimit).toBe(1);
  });

  it('an HttpTokens value outside the enum', async () => {
    const i = await launchRunning(t, net);
    await expectEc2Error(modify({ InstanceId: i.InstanceId, HttpTokens: 'always' as never }), { code: 'InvalidParameterValue', message: /always/ });
  });

  it('unknown instance', async () => {
    await expectEc2Error(modify({ InstanceId: MISSING.instance, HttpTokens: 'required' }), {
      code: 'InvalidInstanceID.NotFound',
      message: `The instance ID '${MISSING.instance}' does not exist`,
    });
  });
});

describe('behaviour', () => {
  it('defaults, then a change: the answer says pending with the new values; Describe shows them applied', async () => {
    const i = await launchRunning(t, net);
    expect((await describeInstance(t.ec2, i.InstanceId!)).MetadataOptions).toEqual({
      State: 'applied',
      HttpTokens: 'optional',
      HttpPutResponseHopLimit: 1,
      HttpEndpoint: 'enabled',
      HttpProtocolIpv6: 'disabled',
      InstanceMetadataTags: 'disabled',
    });
    const out = await modify({ InstanceId: i.InstanceId, HttpTokens: 'required', HttpPutResponseHopLimit: 2 });
    expect(out.InstanceId).toBe(i.InstanceId);
    expect(out.InstanceMetadataOptions).toEqual({
      State: 'pending',
      HttpTokens: 'required',
      HttpPutResponseHopLimit: 2,
      HttpEndpoint: 'enabled',
      HttpProtocolIpv6: 'disabled',
      InstanceMetadataTags: 'disabled',
    });
    // a partial change keeps the rest
    await modify({ InstanceId: i.InstanceId, InstanceMetadataTags: 'enabled' });
    expect((await describeInstance(t.ec2, i.InstanceId!)).MetadataOptions).toMatchObject({
      State: 'applied',
      HttpTokens: 'required',
      HttpPutResponseHopLimit: 2,
      InstanceMetadataTags: 'enabled',
    });
  });

  it('DryRun: 412 and nothing changes', async () => {
    const i = await launchRunning(t, net);
    const before = await snapshot(t.ec2);
    await expectEc2Error(modify({ InstanceId: i.InstanceId, HttpEndpoint: 'disabled', DryRun: true }), DRY_RUN);
    expect(await snapshot(t.ec2)).toEqual(before);
  });
});
