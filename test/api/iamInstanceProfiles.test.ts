/**
 * IAM instance profiles through the SDK v3: at launch and by association (associating -> associated through the
 * back end), Replace only while running (a new association id), Disassociate, AWS's errors, the instance view,
 * terminate dropping the association, and IMDS `iam/info` and `iam/security-credentials/<name>`.
 */
import {
  AssociateIamInstanceProfileCommand,
  DescribeIamInstanceProfileAssociationsCommand,
  DisassociateIamInstanceProfileCommand,
  ReplaceIamInstanceProfileAssociationCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { launch, launchRunning } from '../helpers/api';
import { useTestServer } from '../helpers/env';
import { describeInstance, TestNetwork } from '../helpers/network';
import { expectEc2Error, TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;
useTestServer({ network: 'once' }, (env) => ({ t, net } = env));

const ACCOUNT = '123456789012';
const associations = async (instanceId: string) =>
  (await t.ec2.send(new DescribeIamInstanceProfileAssociationsCommand({ Filters: [{ Name: 'instance-id', Values: [instanceId] }] })))
    .IamInstanceProfileAssociations!;
const imds = async (instanceId: string, path: string) => {
  const res = await fetch(`${t.url}/_ec2lite/imds/${instanceId}/latest/meta-data/${path}`);
  return { status: res.status, text: await res.text() };
};

it('RunInstances with a profile name: the instance shows it, the association lists it, IMDS serves it', async () => {
  const instance = await launchRunning(t, net, { IamInstanceProfile: { Name: 'web-role' } });
  const arn = `arn:aws:iam::${ACCOUNT}:instance-profile/web-role`;
  const described = await describeInstance(t.ec2, instance.InstanceId!);
  expect(described.IamInstanceProfile).toEqual({ Arn: arn, Id: expect.stringMatching(/^AIPA[A-Z2-7]{17}$/) });
  const [assoc] = await associations(instance.InstanceId!);
  expect(assoc).toMatchObject({ InstanceId: instance.InstanceId, State: 'associated', IamInstanceProfile: described.IamInstanceProfile });
  expect(assoc.AssociationId).toMatch(/^iip-assoc-[0-9a-f]{17}$/);

  expect((await imds(instance.InstanceId!, 'iam/')).text).toBe('info\nsecurity-credentials/');
  const info = JSON.parse((await imds(instance.InstanceId!, 'iam/info')).text);
  expect(info).toMatchObject({ Code: 'Success', InstanceProfileArn: arn, InstanceProfileId: described.IamInstanceProfile!.Id });
  expect((await imds(instance.InstanceId!, 'iam/security-credentials/')).text).toBe('web-role');
  const creds = JSON.parse((await imds(instance.InstanceId!, 'iam/security-credentials/web-role')).text);
  expect(creds).toMatchObject({ Code: 'Success', Type: 'AWS-HMAC', AccessKeyId: expect.stringMatching(/^ASIA[A-Z2-7]{16}$/) });
  expect(creds.SecretAccessKey).toHaveLength(40);
  expect(Date.parse(creds.Expiration)).toBeGreaterThan(Date.parse(creds.LastUpdated));
});

it('associates, replaces (a new id, only while running) and disassociates', async () => {
  const instance = await launchRunning(t, net);
  const id = instance.InstanceId!;
  expect((await describeInstance(t.ec2, id)).IamInstanceProfile).toBeUndefined();
  expect((await imds(id, 'iam/info')).status).toBe(404);

  const arn = `arn:aws:iam::${ACCOUNT}:instance-profile/team/app`;
  const { IamInstanceProfileAssociation: first } = await t.ec2.send(new AssociateIamInstanceProfileCommand({ InstanceId: id, IamInstanceProfile: { Arn: arn } }));
  expect(first).toMatchObject({ InstanceId: id, State: 'associating', IamInstanceProfile: { Arn: arn } });
  expect((await associations(id)).map((a) => a.State)).toEqual(['associated']);
  await expectEc2Error(t.ec2.send(new AssociateIamInstanceProfileCommand({ InstanceId: id, IamInstanceProfile: { Name: 'other' } })), {
    code: 'IncorrectState',
    message: `There is an existing association for instance ${id}`,
  });
  expect((await imds(id, 'iam/security-credentials/')).text).toBe('app');

  const { IamInstanceProfileAssociation: second } = await t.ec2.send(
    new ReplaceIamInstanceProfileAssociationCommand({ AssociationId: first!.AssociationId, IamInstanceProfile: { Name: 'other' } }),
  );
  expect(second).toMatchObject({ State: 'associating', IamInstanceProfile: { Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/other` } });
  expect(second!.AssociationId).not.toBe(first!.AssociationId);
  expect((await associations(id)).map((a) => a.AssociationId)).toEqual([second!.AssociationId]);

  const { IamInstanceProfileAssociation: gone } = await t.ec2.send(new DisassociateIamInstanceProfileCommand({ AssociationId: second!.AssociationId }));
  expect(gone).toMatchObject({ AssociationId: second!.AssociationId, State: 'disassociating' });
  expect(await associations(id)).toEqual([]);
  expect((await describeInstance(t.ec2, id)).IamInstanceProfile).toBeUndefined();
  await expectEc2Error(t.ec2.send(new DisassociateIamInstanceProfileCommand({ AssociationId: second!.AssociationId })), {
    code: 'InvalidAssociationID.NotFound',
    message: `The association ID '${second!.AssociationId}' does not exist`,
  });
});

it('Replace on a stopped instance is refused; associating to a stopped instance works', async () => {
  const instance = await launchRunning(t, net, { IamInstanceProfile: { Name: 'p1' } });
  const id = instance.InstanceId!;
  const [assoc] = await associations(id);
  await t.ec2.send(new StopInstancesCommand({ InstanceIds: [id] }));
  t.advance(0);
  await expectEc2Error(t.ec2.send(new ReplaceIamInstanceProfileAssociationCommand({ AssociationId: assoc.AssociationId, IamInstanceProfile: { Name: 'p2' } })), {
    code: 'IncorrectState',
    message: `The association ${assoc.AssociationId} is not the active association`,
  });
  await t.ec2.send(new DisassociateIamInstanceProfileCommand({ AssociationId: assoc.AssociationId }));
  const out = await t.ec2.send(new AssociateIamInstanceProfileCommand({ InstanceId: id, IamInstanceProfile: { Name: 'p2' } }));
  expect(out.IamInstanceProfileAssociation!.InstanceId).toBe(id);
});

it('refuses a malformed ARN, an unknown instance, and a launch with a malformed profile', async () => {
  const instance = await launchRunning(t, net);
  await expectEc2Error(t.ec2.send(new AssociateIamInstanceProfileCommand({ InstanceId: instance.InstanceId, IamInstanceProfile: { Arn: 'arn:aws:iam::1:role/x' } })), {
    code: 'InvalidParameterValue',
  });
  await expectEc2Error(t.ec2.send(new AssociateIamInstanceProfileCommand({ InstanceId: 'i-0123456789abcdef0', IamInstanceProfile: { Name: 'x' } })), {
    code: 'InvalidInstanceID.NotFound',
    message: "The instance ID 'i-0123456789abcdef0' does not exist",
  });
  await expectEc2Error(launch(t, net, { IamInstanceProfile: { Arn: 'not-an-arn' } }), { code: 'InvalidParameterValue' });
});

it('terminating an instance drops its association', async () => {
  const instance = await launchRunning(t, net, { IamInstanceProfile: { Name: 'short-lived' } });
  await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [instance.InstanceId!] }));
  t.advance(0);
  expect(await associations(instance.InstanceId!)).toEqual([]);
  expect((await describeInstance(t.ec2, instance.InstanceId!)).IamInstanceProfile).toBeUndefined();
});
