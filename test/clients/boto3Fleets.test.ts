/**
 * boto3 reads the fleet and Spot wire shapes (docs/behavior.md "Fleets and spot"): CreateFleet's fleetInstanceSet
 * and errorSet, DescribeFleets' launchTemplateConfigs with their overrides and targetCapacitySpecification,
 * DescribeFleetInstances' activeInstanceSet, RequestSpotInstances / DescribeSpotInstanceRequests with a multi-NIC
 * launch specification, and the instance's instanceLifecycle / spotInstanceRequestId.
 */
import { startTestServer, TestServer } from '../helpers/server';
import { awsEnv, describeWithTool, run } from './tools';

const SCRIPT = `
import json, sys, boto3
ec2 = boto3.session.Session(aws_access_key_id='AKIDEXAMPLE', aws_secret_access_key='secret', region_name='us-east-1').client('ec2', endpoint_url=sys.argv[1])
vpc = ec2.create_vpc(CidrBlock='10.61.0.0/16')['Vpc']['VpcId']
a = ec2.create_subnet(VpcId=vpc, CidrBlock='10.61.1.0/24', AvailabilityZone='us-east-1a')['Subnet']['SubnetId']
b = ec2.create_subnet(VpcId=vpc, CidrBlock='10.61.2.0/24', AvailabilityZone='us-east-1a')['Subnet']['SubnetId']
nics = [{'DeviceIndex': 0, 'SubnetId': a}, {'DeviceIndex': 1, 'SubnetId': b}]
lt = ec2.create_launch_template(LaunchTemplateName='boto-fleet', LaunchTemplateData={'ImageId': 'ami-760aaa0f', 'InstanceType': 'm5.large', 'NetworkInterfaces': nics})['LaunchTemplate']['LaunchTemplateId']
configs = [{'LaunchTemplateSpecification': {'LaunchTemplateId': lt, 'Version': '$Latest'},
            'Overrides': [{'InstanceType': 'm5.xlarge', 'WeightedCapacity': 2.0, 'Priority': 1.0}, {'InstanceType': 'm5.large', 'Priority': 2.0}]}]
instant = ec2.create_fleet(Type='instant', LaunchTemplateConfigs=configs,
                           TargetCapacitySpecification={'TotalTargetCapacity': 4, 'DefaultTargetCapacityType': 'spot'})
maintain = ec2.create_fleet(Type='maintain', LaunchTemplateConfigs=configs,
                            TargetCapacitySpecification={'TotalTargetCapacity': 2, 'DefaultTargetCapacityType': 'on-demand'},
                            TagSpecifications=[{'ResourceType': 'fleet', 'Tags': [{'Key': 'k', 'Value': 'v'}]}])
fleets = ec2.describe_fleets(FleetIds=[maintain['FleetId']])['Fleets']
active = ec2.describe_fleet_instances(FleetId=maintain['FleetId'])['ActiveInstances']
spot = ec2.request_spot_instances(InstanceCount=1, LaunchSpecification={'ImageId': 'ami-760aaa0f', 'InstanceType': 'm5.large', 'NetworkInterfaces': nics})
sir = spot['SpotInstanceRequests'][0]['SpotInstanceRequestId']
described = ec2.describe_spot_instance_requests(SpotInstanceRequestIds=[sir])['SpotInstanceRequests'][0]
inst = ec2.describe_instances(InstanceIds=[described['InstanceId']])['Reservations'][0]['Instances'][0]
prices = ec2.describe_spot_price_history(InstanceTypes=['m5.large'], ProductDescriptions=['Linux/UNIX'], MaxResults=2)
deleted = ec2.delete_fleets(FleetIds=[instant['FleetId'], maintain['FleetId']], TerminateInstances=True)
def clean(o):
    return json.loads(json.dumps(o, default=str))
print(json.dumps(clean({'lt': lt, 'instant': {k: v for k, v in instant.items() if k != 'ResponseMetadata'}, 'fleet': fleets[0], 'active': active,
    'spot': described, 'lifecycle': inst.get('InstanceLifecycle'), 'sirOnInstance': inst.get('SpotInstanceRequestId'),
    'nics': len(inst['NetworkInterfaces']), 'prices': prices['SpotPriceHistory'], 'deleted': deleted['SuccessfulFleetDeletions']})))
`;

describeWithTool('boto3', 'boto3: fleets and spot', () => {
  let t: TestServer;
  let seen: Record<string, any>;

  beforeAll(async () => {
    t = await startTestServer();
    const r = await run('python3', ['-B', '-c', SCRIPT, t.url], { env: awsEnv() });
    if (r.code !== 0) throw new Error(`python exited ${r.code}:\n${r.stderr}`);
    seen = JSON.parse(r.stdout);
  });
  afterAll(() => t.close());

  it('parses an instant fleet answer: instances per override and lifecycle', () => {
    expect(seen.instant.FleetId).toMatch(/^fleet-/);
    expect(seen.instant.Errors ?? []).toEqual([]);
    expect(seen.instant.Instances).toEqual([
      {
        LaunchTemplateAndOverrides: {
          LaunchTemplateSpecification: { LaunchTemplateId: seen.lt, Version: '$Latest' },
          Overrides: { InstanceType: 'm5.xlarge', WeightedCapacity: 2, Priority: 1 },
        },
        Lifecycle: 'spot',
        InstanceIds: [expect.stringMatching(/^i-/), expect.stringMatching(/^i-/)],
        InstanceType: 'm5.xlarge',
      },
    ]);
  });

  it('parses DescribeFleets and DescribeFleetInstances', () => {
    expect(seen.fleet).toMatchObject({
      FleetId: expect.stringMatching(/^fleet-/),
      FleetState: 'active',
      Type: 'maintain',
      ActivityStatus: 'fulfilled',
      FulfilledCapacity: 2,
      FulfilledOnDemandCapacity: 2,
      TargetCapacitySpecification: { TotalTargetCapacity: 2, OnDemandTargetCapacity: 0, SpotTargetCapacity: 0, DefaultTargetCapacityType: 'on-demand' },
      LaunchTemplateConfigs: [
        {
          LaunchTemplateSpecification: { LaunchTemplateId: seen.lt, Version: '$Latest' },
          Overrides: [
            { InstanceType: 'm5.xlarge', WeightedCapacity: 2, Priority: 1 },
            { InstanceType: 'm5.large', Priority: 2 },
          ],
        },
      ],
      Tags: [{ Key: 'k', Value: 'v' }],
    });
    expect(seen.active).toEqual([{ InstanceId: expect.stringMatching(/^i-/), InstanceType: 'm5.xlarge', InstanceHealth: 'healthy' }]);
  });

  it('parses Spot requests and the spot instance they launched with both interfaces', () => {
    expect(seen.spot).toMatchObject({
      State: 'active',
      Type: 'one-time',
      Status: { Code: 'fulfilled', Message: 'Your spot request is fulfilled.' },
      LaunchSpecification: { ImageId: 'ami-760aaa0f', InstanceType: 'm5.large', NetworkInterfaces: [{ DeviceIndex: 0 }, { DeviceIndex: 1 }] },
    });
    expect([seen.lifecycle, seen.sirOnInstance, seen.nics]).toEqual(['spot', seen.spot.SpotInstanceRequestId, 2]);
    expect(seen.prices).toHaveLength(2);
    expect(seen.prices[0]).toMatchObject({ InstanceType: 'm5.large', ProductDescription: 'Linux/UNIX', SpotPrice: expect.stringMatching(/^0\.\d{6}$/) });
    expect(seen.deleted.map((d: any) => d.CurrentFleetState)).toEqual(['deleted_terminating', 'deleted_terminating']);
  });
});
