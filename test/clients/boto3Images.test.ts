/**
 * boto3 reads the image calls' wire shapes: CreateImage / RegisterImage / CopyImage ids, DescribeImages items with
 * their blockDeviceMapping and tagSet, DescribeImageAttribute's launchPermission and description, and
 * DeregisterImage's deleteSnapshotResultSet, parsed by botocore into the dictionaries the SDK documents.
 */
import { startTestServer, TestServer } from '../helpers/server';
import { awsEnv, describeWithTool, run } from './tools';

const SCRIPT = `
import json, sys, boto3
s = boto3.session.Session(aws_access_key_id='AKIDEXAMPLE', aws_secret_access_key='secret', region_name='us-east-1')
ec2 = s.client('ec2', endpoint_url=sys.argv[1])
west = s.client('ec2', endpoint_url=sys.argv[1], region_name='us-west-2')
vpc = ec2.create_vpc(CidrBlock='10.61.0.0/16')['Vpc']['VpcId']
sub = ec2.create_subnet(VpcId=vpc, CidrBlock='10.61.1.0/24', AvailabilityZone='us-east-1a')['Subnet']['SubnetId']
i = ec2.run_instances(ImageId='ami-760aaa0f', MinCount=1, MaxCount=1, SubnetId=sub,
    BlockDeviceMappings=[{'DeviceName': '/dev/sdf', 'Ebs': {'VolumeSize': 4, 'DeleteOnTermination': False}}])['Instances'][0]['InstanceId']
ec2.get_waiter('instance_running').wait(InstanceIds=[i], WaiterConfig={'Delay': 1, 'MaxAttempts': 30})
img = ec2.create_image(InstanceId=i, Name='boto-image', Description='d', NoReboot=True,
    TagSpecifications=[{'ResourceType': 'image', 'Tags': [{'Key': 'k', 'Value': 'v'}]}])['ImageId']
ec2.get_waiter('image_available').wait(ImageIds=[img], WaiterConfig={'Delay': 1, 'MaxAttempts': 30})
described = ec2.describe_images(Owners=['self'])['Images']
ec2.modify_image_attribute(ImageId=img, LaunchPermission={'Add': [{'UserId': '210987654321'}]})
perm = ec2.describe_image_attribute(ImageId=img, Attribute='launchPermission')
desc = ec2.describe_image_attribute(ImageId=img, Attribute='description')
snap = described[0]['BlockDeviceMappings'][0]['Ebs']['SnapshotId']
reg = ec2.register_image(Name='boto-registered', RootDeviceName='/dev/xvda', Architecture='x86_64', EnaSupport=True,
    VirtualizationType='hvm', BlockDeviceMappings=[{'DeviceName': '/dev/xvda', 'Ebs': {'SnapshotId': snap}}])['ImageId']
copy = west.copy_image(SourceImageId=img, SourceRegion='us-east-1', Name='boto-copy')['ImageId']
dereg = ec2.deregister_image(ImageId=reg, DeleteAssociatedSnapshots=False)
for x in described:
    x.pop('CreationDate')
print(json.dumps({'img': img, 'i': i, 'described': described, 'perm': perm['LaunchPermissions'], 'desc': desc['Description'],
    'reg': reg.startswith('ami-'), 'copy': copy.startswith('ami-'), 'dereg': dereg['Return']}))
`;

describeWithTool('boto3', 'boto3: images', () => {
  let t: TestServer;
  let seen: Record<string, any>;

  beforeAll(async () => {
    t = await startTestServer({ tickMs: 50 });
    const r = await run('python3', ['-B', '-c', SCRIPT, t.url], { env: awsEnv() });
    if (r.code !== 0) throw new Error(`python exited ${r.code}:\n${r.stderr}`);
    seen = JSON.parse(r.stdout);
  });
  afterAll(() => t.close());

  it('parses every image call', () => {
    expect(seen.described).toHaveLength(1);
    const [img] = seen.described;
    expect(img).toMatchObject({
      ImageId: seen.img,
      Name: 'boto-image',
      Description: 'd',
      State: 'available',
      OwnerId: '123456789012',
      Public: false,
      RootDeviceName: '/dev/xvda',
      RootDeviceType: 'ebs',
      SourceInstanceId: seen.i,
      Tags: [{ Key: 'k', Value: 'v' }],
    });
    expect(img.BlockDeviceMappings.map((m: any) => [m.DeviceName, m.Ebs.VolumeSize, m.Ebs.DeleteOnTermination, m.Ebs.Encrypted])).toEqual([
      ['/dev/xvda', 8, true, false],
      ['/dev/sdf', 4, false, false],
    ]);
    expect(seen.perm).toEqual([{ UserId: '210987654321' }]);
    expect(seen.desc).toEqual({ Value: 'd' });
    expect([seen.reg, seen.copy, seen.dereg]).toEqual([true, true, true]);
  });
});
