/**
 * DescribeNetworkInterfaceAttribute through the SDK v3: exactly the attribute asked for (description, groupSet,
 * sourceDestCheck, attachment, associatePublicIpAddress), errors, DryRun.
 */
import {
  DescribeNetworkInterfaceAttributeCommand,
  DescribeNetworkInterfaceAttributeCommandInput,
  ModifyNetworkInterfaceAttributeCommand,
} from '@aws-sdk/client-ec2';
import { createEni, DRY_RUN, launchRunning, MISSING } from '../helpers/api';
import { TestNetwork } from '../helpers/network';

import { expectEc2Error, rawQuery, TestServer } from '../helpers/server';
import { useTestServer } from '../helpers/env';

let t: TestServer;
let net: TestNetwork;

useTestServer({ network: 'once' }, (env) => ({ t, net } = env));

const attr = async (input: DescribeNetworkInterfaceAttributeCommandInput) => {
  const { $metadata, ...rest } = await t.ec2.send(new DescribeNetworkInterfaceAttributeCommand(input));
  void $metadata;
  return rest;
};

describe('validation', () => {
  it('malformed and unknown interface', async () => {
    await expectEc2Error(attr({ NetworkInterfaceId: 'eni-', Attribute: 'description' }), {
      code: 'InvalidNetworkInterfaceId.Malformed',
      message: 'Invalid id: "eni-" (expecting "eni-...")',
    });
    await expectEc2Error(attr({ NetworkInterfaceId: MISSING.eni, Attribute: 'description' }), {
      code: 'InvalidNetworkInterfaceID.NotFound',
      message: `The networkInterface ID '${MISSING.eni}' does not exist`,
    });
  });

  it('an attribute outside the enum, and none at all', async () => {
    const eni = await createEni(t.ec2, net.subnetA1);
    await expectEc2Error(attr({ NetworkInterfaceId: eni.NetworkInterfaceId, Attribute: 'macAddress' as never }), {
      code: 'InvalidParameterValue',
      message: /macAddress/,
    });
    await expectEc2Error(attr({ NetworkInterfaceId: eni.NetworkInterfaceId }), { code: 'MissingParameter', message: 'Missing attribute value' });
  });
});

describe('behaviour', () => {
  it('description, sourceDestCheck and groupSet, each alone', async () => {
    const eni = await createEni(t.ec2, net.subnetA1, { Description: 'hello' });
    const id = eni.NetworkInterfaceId!;
    expect(await attr({ NetworkInterfaceId: id, Attribute: 'description' })).toEqual({ NetworkInterfaceId: id, Description: { Value: 'hello' } });
    expect(await attr({ NetworkInterfaceId: id, Attribute: 'sourceDestCheck' })).toEqual({ NetworkInterfaceId: id, SourceDestCheck: { Value: true } });
    await t.ec2.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: id, SourceDestCheck: { Value: false } }));
    expect(await attr({ NetworkInterfaceId: id, Attribute: 'sourceDestCheck' })).toEqual({ NetworkInterfaceId: id, SourceDestCheck: { Value: false } });
    expect(await attr({ NetworkInterfaceId: id, Attribute: 'groupSet' })).toEqual({ NetworkInterfaceId: id, Groups: eni.Groups });
  });

  it('attachment: absent while available, the attachment while attached; associatePublicIpAddress', async () => {
    const eni = await createEni(t.ec2, net.subnetA1);
    expect(await attr({ NetworkInterfaceId: eni.NetworkInterfaceId, Attribute: 'attachment' })).toEqual({ NetworkInterfaceId: eni.NetworkInterfaceId });
    expect(await attr({ NetworkInterfaceId: eni.NetworkInterfaceId, Attribute: 'associatePublicIpAddress' })).toEqual({
      NetworkInterfaceId: eni.NetworkInterfaceId,
      AssociatePublicIpAddress: false,
    });
    const i = await launchRunning(t, net, { NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: net.subnetA1, AssociatePublicIpAddress: true }] });
    const primary = i.NetworkInterfaces![0];
    const out = await attr({ NetworkInterfaceId: primary.NetworkInterfaceId, Attribute: 'attachment' });
    expect(out.Attachment).toMatchObject({
      AttachmentId: primary.Attachment!.AttachmentId,
      InstanceId: i.InstanceId,
      InstanceOwnerId: '123456789012',
      DeviceIndex: 0,
      DeleteOnTermination: true,
      Status: 'attached',
    });
    expect(out.Description).toBeUndefined();
    expect(await attr({ NetworkInterfaceId: primary.NetworkInterfaceId, Attribute: 'associatePublicIpAddress' })).toEqual({
      NetworkInterfaceId: primary.NetworkInterfaceId,
      AssociatePublicIpAddress: true,
    });
  });

  it('answers over raw HTTP with only the requested element', async () => {
    const eni = await createEni(t.ec2, net.subnetA1, { Description: 'raw' });
    const r = await rawQuery(t.url, { Action: 'DescribeNetworkInterfaceAttribute', Version: '2016-11-15', NetworkInterfaceId: eni.NetworkInterfaceId!, Attribute: 'description' });
    expect(r.status).toBe(200);
    expect(r.body).toContain('<description><value>raw</value></description>');
    expect(r.body).not.toContain('<groupSet');
    expect(r.body).not.toContain('<sourceDestCheck');
  });

  it('DryRun: 412', async () => {
    const eni = await createEni(t.ec2, net.subnetA1);
    await expectEc2Error(attr({ NetworkInterfaceId: eni.NetworkInterfaceId, Attribute: 'description', DryRun: true }), DRY_RUN);
    await expectEc2Error(attr({ NetworkInterfaceId: MISSING.eni, Attribute: 'description', DryRun: true }), {
      code: 'InvalidNetworkInterfaceID.NotFound',
      message: `The networkInterface ID '${MISSING.eni}' does not exist`,
    });
  });
});
