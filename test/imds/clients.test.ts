/**
 * Real IMDS clients against ec2lite: @aws-sdk/ec2-metadata-service on the per-instance path of the main port, and
 * botocore's IMDS fetcher (AWS_EC2_METADATA_SERVICE_ENDPOINT) on the --imds-port listener. Both read the interfaces
 * of an instance with 3 ENIs, then again after a hot attach and after a detach; what they read must match what
 * DescribeInstances says.
 */
import {
  AllocateAddressCommand,
  AssociateAddressCommand,
  AttachInternetGatewayCommand,
  AttachNetworkInterfaceCommand,
  CreateInternetGatewayCommand,
  DetachNetworkInterfaceCommand,
  Instance,
} from '@aws-sdk/client-ec2';
import { MetadataService } from '@aws-sdk/ec2-metadata-service';
import { ExtraListeners, startExtraListeners } from '../../src/server/extraListeners';
import { createEni } from '../helpers/api';
import { createNetwork, describeInstance, runOne, TestNetwork } from '../helpers/network';
import { startTestServer, TestServer } from '../helpers/server';
import { expectedInterfaces, readWithBotocore, readWithJsClient } from './helpers';

let t: TestServer;
let net: TestNetwork;
let web: Instance;

beforeEach(async () => {
  t = await startTestServer();
  net = await createNetwork(t.ec2);
  const launched = await runOne(t.ec2, {
    InstanceType: 'm5.xlarge', // up to 4 interfaces
    NetworkInterfaces: [
      { DeviceIndex: 0, SubnetId: net.subnetA1 },
      { DeviceIndex: 1, SubnetId: net.subnetA2, SecondaryPrivateIpAddressCount: 2 },
      { DeviceIndex: 2, SubnetId: net.subnetA1 },
    ],
  });
  t.advance();
  web = await describeInstance(t.ec2, launched.InstanceId!);
  // An Elastic IP on eth1's primary address (the VPC needs an internet gateway): public keys for that interface only.
  const igw = (await t.ec2.send(new CreateInternetGatewayCommand({}))).InternetGateway!.InternetGatewayId!;
  await t.ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: net.vpcId }));
  const eth1 = web.NetworkInterfaces!.find((n) => n.Attachment!.DeviceIndex === 1)!;
  const { AllocationId } = await t.ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
  await t.ec2.send(new AssociateAddressCommand({ AllocationId, NetworkInterfaceId: eth1.NetworkInterfaceId! }));
});
afterEach(() => t.close());

/** Attaches a fourth interface (hot: the instance runs); returns its id and attachment id. */
async function hotAttach(): Promise<{ eniId: string; attachmentId: string }> {
  const eni = await createEni(t.ec2, net.subnetA2);
  const { AttachmentId } = await t.ec2.send(
    new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eni.NetworkInterfaceId!, InstanceId: web.InstanceId!, DeviceIndex: 3 }),
  );
  return { eniId: eni.NetworkInterfaceId!, attachmentId: AttachmentId! };
}

async function detach(attachmentId: string): Promise<void> {
  await t.ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId: attachmentId }));
}

it('@aws-sdk/ec2-metadata-service reads every interface on the per-instance path, following attach and detach', async () => {
  const ms = new MetadataService({ endpoint: `${t.url}/_ec2lite/imds/${web.InstanceId}`, retries: 0 });
  expect(await ms.request('/latest/meta-data/instance-id', {})).toBe(web.InstanceId);
  expect(await ms.request('/latest/meta-data/mac', {})).toBe(web.NetworkInterfaces!.find((n) => n.Attachment!.DeviceIndex === 0)!.MacAddress);

  const three = await readWithJsClient(ms);
  expect(Object.keys(three)).toHaveLength(3);
  expect(three).toEqual(await expectedInterfaces(t.ec2, web.InstanceId!));
  const eth1 = web.NetworkInterfaces!.find((n) => n.Attachment!.DeviceIndex === 1)!;
  expect(three[eth1.MacAddress!]['local-ipv4s'].toString().split('\n')).toHaveLength(3);
  expect(three[eth1.MacAddress!]['ipv4-associations']).toBeDefined();

  const { eniId, attachmentId } = await hotAttach();
  const four = await readWithJsClient(ms);
  expect(Object.keys(four)).toHaveLength(4);
  expect(four).toEqual(await expectedInterfaces(t.ec2, web.InstanceId!));
  expect(Object.values(four).map((k) => k['interface-id'])).toContain(eniId);

  await detach(attachmentId);
  const back = await readWithJsClient(ms);
  expect(Object.keys(back)).toHaveLength(3);
  expect(back).toEqual(three);
});

describe('--imds-port with botocore', () => {
  let extra: ExtraListeners;
  beforeEach(async () => {
    extra = await startExtraListeners(t.server, { ...t.runtime.config, imdsPort: 0 });
  });
  afterEach(() => extra.close());

  it('reads the interfaces of the only running instance through AWS_EC2_METADATA_SERVICE_ENDPOINT, with a token', async () => {
    const first = await readWithBotocore(extra.imdsUrl!);
    expect(first).toMatchObject({ token: true, region: 'us-east-1', instanceId: web.InstanceId });
    expect(Object.keys(first.macs)).toHaveLength(3);
    expect(first.macs).toEqual(await expectedInterfaces(t.ec2, web.InstanceId!));
    expect(first.mac).toBe(web.NetworkInterfaces!.find((n) => n.Attachment!.DeviceIndex === 0)!.MacAddress);

    const { attachmentId } = await hotAttach();
    const second = await readWithBotocore(extra.imdsUrl!);
    expect(Object.keys(second.macs)).toHaveLength(4);
    expect(second.macs).toEqual(await expectedInterfaces(t.ec2, web.InstanceId!));

    await detach(attachmentId);
    const third = await readWithBotocore(extra.imdsUrl!);
    expect(third.macs).toEqual(first.macs);
  });

  it('the JS client works unchanged against the listener root too', async () => {
    const ms = new MetadataService({ endpoint: extra.imdsUrl!, retries: 0 });
    expect(await readWithJsClient(ms)).toEqual(await expectedInterfaces(t.ec2, web.InstanceId!));
  });
});
