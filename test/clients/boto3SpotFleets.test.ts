/**
 * boto3 reads the Spot Fleet wire shapes (docs/behavior.md "Spot Fleet requests"): RequestSpotFleet with a
 * multi-NIC launch specification over a subnet list, DescribeSpotFleetRequests' spotFleetRequestConfig echo
 * (launchSpecifications with their networkInterfaceSet, tagSpecificationSet), DescribeSpotFleetInstances'
 * activeInstanceSet, the history and CancelSpotFleetRequests' successful / unsuccessful sets; GetConsoleScreenshot.
 */
import { startTestServer, TestServer } from '../helpers/server';
import { awsEnv, describeWithTool, run } from './tools';

const SCRIPT = `
import base64, datetime, json, sys, boto3
ec2 = boto3.session.Session(aws_access_key_id='AKIDEXAMPLE', aws_secret_access_key='secret', region_name='us-east-1').client('ec2', endpoint_url=sys.argv[1])
vpc = ec2.create_vpc(CidrBlock='10.62.0.0/16')['Vpc']['VpcId']
a = ec2.create_subnet(VpcId=vpc, CidrBlock='10.62.1.0/24', AvailabilityZone='us-east-1a')['Subnet']['SubnetId']
b = ec2.create_subnet(VpcId=vpc, CidrBlock='10.62.2.0/24', AvailabilityZone='us-east-1a')['Subnet']['SubnetId']
sg = ec2.create_security_group(GroupName='sfr', Description='spot fleet', VpcId=vpc)['GroupId']
config = {
    'IamFleetRole': 'arn:aws:iam::123456789012:role/aws-ec2-spot-fleet-tagging-role',
    'TargetCapacity': 2,
    'Type': 'maintain',
    'AllocationStrategy': 'diversified',
    'LaunchSpecifications': [{
        'ImageId': 'ami-760aaa0f', 'InstanceType': 'm5.large', 'SubnetId': a + ', ' + b,
        'SecurityGroups': [{'GroupId': sg}],
        'NetworkInterfaces': [{'DeviceIndex': 0}, {'DeviceIndex': 1}, {'DeviceIndex': 2}],
        'BlockDeviceMappings': [{'DeviceName': '/dev/xvdb', 'Ebs': {'VolumeSize': 10, 'DeleteOnTermination': True}}],
        'TagSpecifications': [{'ResourceType': 'instance', 'Tags': [{'Key': 'role', 'Value': 'worker'}]}],
    }],
    'TagSpecifications': [{'ResourceType': 'spot-fleet-request', 'Tags': [{'Key': 'team', 'Value': 'render'}]}],
}
sfr = ec2.request_spot_fleet(SpotFleetRequestConfig=config)['SpotFleetRequestId']
fleet = ec2.describe_spot_fleet_requests(SpotFleetRequestIds=[sfr])['SpotFleetRequestConfigs'][0]
active = ec2.describe_spot_fleet_instances(SpotFleetRequestId=sfr)['ActiveInstances']
insts = ec2.describe_instances(InstanceIds=[i['InstanceId'] for i in active])['Reservations']
insts = [i for r in insts for i in r['Instances']]
hist = ec2.describe_spot_fleet_request_history(SpotFleetRequestId=sfr, StartTime=datetime.datetime(2000, 1, 1))['HistoryRecords']
shot = ec2.get_console_screenshot(InstanceId=active[0]['InstanceId'])
cancel = ec2.cancel_spot_fleet_requests(SpotFleetRequestIds=[sfr, 'sfr-00000000-0000-4000-8000-000000000000'], TerminateInstances=True)
def clean(o):
    return json.loads(json.dumps(o, default=str))
print(json.dumps(clean({'sfr': sfr, 'a': a, 'b': b, 'sg': sg, 'fleet': fleet, 'active': active,
    'subnets': sorted(i['SubnetId'] for i in insts), 'nics': [len(i['NetworkInterfaces']) for i in insts],
    'lifecycles': [i.get('InstanceLifecycle') for i in insts], 'history': [h['EventType'] + '/' + h['EventInformation'].get('EventSubType', '') for h in hist],
    'jpeg': base64.b64decode(shot['ImageData'])[:3].hex(), 'cancel': {k: v for k, v in cancel.items() if k != 'ResponseMetadata'}})))
`;

describeWithTool('boto3', 'boto3: Spot Fleet requests', () => {
  let t: TestServer;
  let seen: Record<string, any>;

  beforeAll(async () => {
    t = await startTestServer();
    const r = await run('python3', ['-B', '-c', SCRIPT, t.url], { env: awsEnv() });
    if (r.code !== 0) throw new Error(`python exited ${r.code}:\n${r.stderr}`);
    seen = JSON.parse(r.stdout);
  });
  afterAll(() => t.close());

  it('parses DescribeSpotFleetRequests: state, capacities and the configuration echoed', () => {
    expect(seen.sfr).toMatch(/^sfr-[0-9a-f-]{36}$/);
    expect(seen.fleet).toMatchObject({
      SpotFleetRequestId: seen.sfr,
      SpotFleetRequestState: 'active',
      ActivityStatus: 'fulfilled',
      Tags: [{ Key: 'team', Value: 'render' }],
      SpotFleetRequestConfig: {
        IamFleetRole: 'arn:aws:iam::123456789012:role/aws-ec2-spot-fleet-tagging-role',
        TargetCapacity: 2,
        FulfilledCapacity: 2,
        OnDemandTargetCapacity: 0,
        Type: 'maintain',
        AllocationStrategy: 'diversified',
        LaunchSpecifications: [
          {
            ImageId: 'ami-760aaa0f',
            InstanceType: 'm5.large',
            SubnetId: `${seen.a}, ${seen.b}`,
            SecurityGroups: [{ GroupId: seen.sg }],
            NetworkInterfaces: [{ DeviceIndex: 0 }, { DeviceIndex: 1 }, { DeviceIndex: 2 }],
            BlockDeviceMappings: [{ DeviceName: '/dev/xvdb', Ebs: { VolumeSize: 10, DeleteOnTermination: true } }],
            TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'role', Value: 'worker' }] }],
          },
        ],
        TagSpecifications: [{ ResourceType: 'spot-fleet-request', Tags: [{ Key: 'team', Value: 'render' }] }],
      },
    });
  });

  it('parses the instances (one per subnet, three interfaces each), the history and the screenshot', () => {
    expect(seen.active).toHaveLength(2);
    for (const i of seen.active) expect(i).toMatchObject({ InstanceType: 'm5.large', InstanceHealth: 'healthy', SpotInstanceRequestId: expect.stringMatching(/^sir-/) });
    expect(seen.subnets).toEqual([seen.a, seen.b].sort());
    expect(seen.nics).toEqual([3, 3]);
    expect(seen.lifecycles).toEqual(['spot', 'spot']);
    expect(seen.history).toEqual(['fleetRequestChange/submitted', 'fleetRequestChange/active', 'instanceChange/launched', 'instanceChange/launched']);
    expect(seen.jpeg).toBe('ffd8ff');
  });

  it('parses CancelSpotFleetRequests: successful and unsuccessful sets', () => {
    expect(seen.cancel).toEqual({
      SuccessfulFleetRequests: [{ SpotFleetRequestId: seen.sfr, PreviousSpotFleetRequestState: 'active', CurrentSpotFleetRequestState: 'cancelled_terminating' }],
      UnsuccessfulFleetRequests: [
        {
          SpotFleetRequestId: 'sfr-00000000-0000-4000-8000-000000000000',
          Error: { Code: 'fleetRequestIdDoesNotExist', Message: "The spot fleet request ID 'sfr-00000000-0000-4000-8000-000000000000' does not exist" },
        },
      ],
    });
  });
});
