/**
 * boto3 reads DescribeLaunchTemplateVersions' wire shape: the stored RequestLaunchTemplateData comes back under
 * the response's own names (securityGroupIdSet, networkInterfaceSet with groupSet, tagSpecificationSet), which
 * botocore must parse into the same dictionary it was given.
 */
import { startTestServer, TestServer } from '../helpers/server';
import { awsEnv, describeWithTool, run } from './tools';

const SCRIPT = `
import json, sys, boto3
ec2 = boto3.session.Session(aws_access_key_id='AKIDEXAMPLE', aws_secret_access_key='secret', region_name='us-east-1').client('ec2', endpoint_url=sys.argv[1])
vpc = ec2.create_vpc(CidrBlock='10.60.0.0/16')['Vpc']['VpcId']
a = ec2.create_subnet(VpcId=vpc, CidrBlock='10.60.1.0/24', AvailabilityZone='us-east-1a')['Subnet']['SubnetId']
b = ec2.create_subnet(VpcId=vpc, CidrBlock='10.60.2.0/24', AvailabilityZone='us-east-1a')['Subnet']['SubnetId']
sg = ec2.create_security_group(GroupName='lt', Description='lt', VpcId=vpc)['GroupId']
data = {
    'ImageId': 'ami-760aaa0f',
    'InstanceType': 'm5.large',
    'NetworkInterfaces': [
        {'DeviceIndex': 0, 'SubnetId': a, 'Groups': [sg], 'DeleteOnTermination': True},
        {'DeviceIndex': 1, 'SubnetId': b, 'Groups': [sg], 'DeleteOnTermination': False, 'NetworkCardIndex': 0},
    ],
    'TagSpecifications': [{'ResourceType': 'instance', 'Tags': [{'Key': 'role', 'Value': 'web'}]}],
    'MetadataOptions': {'HttpTokens': 'required', 'HttpPutResponseHopLimit': 2},
    'BlockDeviceMappings': [{'DeviceName': '/dev/xvda', 'Ebs': {'VolumeSize': 20, 'VolumeType': 'gp3', 'DeleteOnTermination': True}}],
}
lt = ec2.create_launch_template(LaunchTemplateName='boto-lt', VersionDescription='v1', LaunchTemplateData=data)['LaunchTemplate']
ec2.create_launch_template_version(LaunchTemplateId=lt['LaunchTemplateId'], LaunchTemplateData={'ImageId': 'ami-760aaa0f', 'SecurityGroupIds': [sg]})
out = ec2.describe_launch_template_versions(LaunchTemplateName='boto-lt', Versions=['$Default', '$Latest'])
versions = [{k: v for k, v in x.items() if k != 'CreateTime'} for x in out['LaunchTemplateVersions']]
print(json.dumps({'given': data, 'sg': sg, 'id': lt['LaunchTemplateId'], 'versions': versions, 'keys': sorted(out.keys())}))
`;

describeWithTool('boto3', 'boto3: DescribeLaunchTemplateVersions', () => {
  let t: TestServer;
  let seen: Record<string, any>;

  beforeAll(async () => {
    t = await startTestServer();
    const r = await run('python3', ['-B', '-c', SCRIPT, t.url], { env: awsEnv() });
    if (r.code !== 0) throw new Error(`python exited ${r.code}:\n${r.stderr}`);
    seen = JSON.parse(r.stdout);
  });
  afterAll(() => t.close());

  it('answers each version with the data exactly as it was given', () => {
    expect(seen.keys).toEqual(['LaunchTemplateVersions', 'ResponseMetadata']);
    expect(seen.versions).toEqual([
      {
        LaunchTemplateId: seen.id,
        LaunchTemplateName: 'boto-lt',
        VersionNumber: 1,
        VersionDescription: 'v1',
        CreatedBy: 'arn:aws:iam::123456789012:root',
        DefaultVersion: true,
        LaunchTemplateData: seen.given,
      },
      {
        LaunchTemplateId: seen.id,
        LaunchTemplateName: 'boto-lt',
        VersionNumber: 2,
        CreatedBy: 'arn:aws:iam::123456789012:root',
        DefaultVersion: false,
        LaunchTemplateData: { ImageId: 'ami-760aaa0f', SecurityGroupIds: [seen.sg] },
      },
    ]);
  });
});
