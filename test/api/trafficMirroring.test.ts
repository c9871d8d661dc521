/** Traffic mirroring: targets, filters and rules, sessions, and what they do to their interfaces. */
import {
  CreateNetworkInterfaceCommand,
  CreateTrafficMirrorFilterCommand,
  CreateTrafficMirrorFilterRuleCommand,
  CreateTrafficMirrorSessionCommand,
  CreateTrafficMirrorTargetCommand,
  DeleteNetworkInterfaceCommand,
  DeleteTrafficMirrorFilterCommand,
  DeleteTrafficMirrorFilterRuleCommand,
  DeleteTrafficMirrorSessionCommand,
  DeleteTrafficMirrorTargetCommand,
  DescribeTrafficMirrorFiltersCommand,
  DescribeTrafficMirrorSessionsCommand,
  DescribeTrafficMirrorTargetsCommand,
  EC2Client,
  ModifyTrafficMirrorFilterRuleCommand,
  ModifyTrafficMirrorSessionCommand,
} from '@aws-sdk/client-ec2';
import { useTestServer } from '../helpers/env';
import { TestNetwork } from '../helpers/network';
import { expectEc2Error, TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;
let ec2: EC2Client;
useTestServer({ network: 'each' }, (env) => ({ t, net } = env));
beforeEach(() => {
  ec2 = t.ec2;
});

const newEni = async () => (await ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetA1 }))).NetworkInterface!.NetworkInterfaceId!;
const newTarget = async (eni: string) =>
  (await ec2.send(new CreateTrafficMirrorTargetCommand({ NetworkInterfaceId: eni, Description: 'collector' }))).TrafficMirrorTarget!.TrafficMirrorTargetId!;
const newFilter = async () => (await ec2.send(new CreateTrafficMirrorFilterCommand({ Description: 'all' }))).TrafficMirrorFilter!.TrafficMirrorFilterId!;

describe('traffic mirror targets', () => {
  it('on an interface or a Network Load Balancer, with tags, filters and delete', async () => {
    const eni = await newEni();
    const { TrafficMirrorTarget: target } = await ec2.send(
      new CreateTrafficMirrorTargetCommand({
        NetworkInterfaceId: eni,
        Description: 'collector',
        TagSpecifications: [{ ResourceType: 'traffic-mirror-target', Tags: [{ Key: 'Name', Value: 'tgt' }] }],
      }),
    );
    expect(target).toMatchObject({ NetworkInterfaceId: eni, Type: 'network-interface', Description: 'collector', Tags: [{ Key: 'Name', Value: 'tgt' }] });
    expect(target!.TrafficMirrorTargetId).toMatch(/^tmt-[0-9a-f]{17}$/);
    const arn = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/collector/50dc6c495c0c9188';
    const nlb = (await ec2.send(new CreateTrafficMirrorTargetCommand({ NetworkLoadBalancerArn: arn }))).TrafficMirrorTarget!;
    expect(nlb).toMatchObject({ Type: 'network-load-balancer', NetworkLoadBalancerArn: arn });
    const found = await ec2.send(new DescribeTrafficMirrorTargetsCommand({ Filters: [{ Name: 'network-interface-id', Values: [eni] }] }));
    expect(found.TrafficMirrorTargets!.map((x) => x.TrafficMirrorTargetId)).toEqual([target!.TrafficMirrorTargetId]);

    await expectEc2Error(ec2.send(new CreateTrafficMirrorTargetCommand({ NetworkInterfaceId: eni })), { code: 'InvalidParameterValue' });
    await expectEc2Error(ec2.send(new CreateTrafficMirrorTargetCommand({})), { code: 'InvalidParameterCombination' });
    await expectEc2Error(ec2.send(new CreateTrafficMirrorTargetCommand({ NetworkLoadBalancerArn: 'nope' })), { code: 'InvalidParameterValue' });
    await expectEc2Error(ec2.send(new CreateTrafficMirrorTargetCommand({ NetworkInterfaceId: 'eni-0123456789abcdef0' })), { code: 'InvalidNetworkInterfaceID.NotFound' });

    await ec2.send(new DeleteTrafficMirrorTargetCommand({ TrafficMirrorTargetId: nlb.TrafficMirrorTargetId }));
    await expectEc2Error(ec2.send(new DescribeTrafficMirrorTargetsCommand({ TrafficMirrorTargetIds: [nlb.TrafficMirrorTargetId!] })), {
      code: 'InvalidTrafficMirrorTargetId.NotFound',
    });
  });

  it("an interface that is a target cannot be deleted; deleting the target frees it", async () => {
    const eni = await newEni();
    const target = await newTarget(eni);
    await expectEc2Error(ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: eni })), {
      code: 'InvalidParameterValue',
      message: `Network interface '${eni}' is currently in use.`,
    });
    await ec2.send(new DeleteTrafficMirrorTargetCommand({ TrafficMirrorTargetId: target }));
    await ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: eni }));
  });
});

describe('traffic mirror filters and rules', () => {
  it('rules by direction, unique numbers, ports only with TCP/UDP, modify with RemoveFields, delete', async () => {
    const filter = await newFilter();
    const { TrafficMirrorFilterRule: rule } = await ec2.send(
      new CreateTrafficMirrorFilterRuleCommand({
        TrafficMirrorFilterId: filter,
        TrafficDirection: 'ingress',
        RuleNumber: 100,
        RuleAction: 'accept',
        Protocol: 6,
        DestinationPortRange: { FromPort: 443, ToPort: 443 },
        DestinationCidrBlock: '10.0.0.0/8',
        SourceCidrBlock: '0.0.0.0/0',
        Description: 'https',
      }),
    );
    expect(rule).toMatchObject({
      TrafficMirrorFilterId: filter,
      TrafficDirection: 'ingress',
      RuleNumber: 100,
      RuleAction: 'accept',
      Protocol: 6,
      DestinationPortRange: { FromPort: 443, ToPort: 443 },
      DestinationCidrBlock: '10.0.0.0/8',
      SourceCidrBlock: '0.0.0.0/0',
    });
    expect(rule!.TrafficMirrorFilterRuleId).toMatch(/^tmfr-[0-9a-f]{17}$/);
    const base = { TrafficMirrorFilterId: filter, RuleAction: 'reject' as const, DestinationCidrBlock: '0.0.0.0/0', SourceCidrBlock: '0.0.0.0/0' };
    await ec2.send(new CreateTrafficMirrorFilterRuleCommand({ ...base, TrafficDirection: 'egress', RuleNumber: 100 }));
    await expectEc2Error(ec2.send(new CreateTrafficMirrorFilterRuleCommand({ ...base, TrafficDirection: 'ingress', RuleNumber: 100 })), { code: 'InvalidParameterValue' });
    await expectEc2Error(ec2.send(new CreateTrafficMirrorFilterRuleCommand({ ...base, TrafficDirection: 'ingress', RuleNumber: 0 })), { code: 'InvalidParameterValue' });
    await expectEc2Error(
      ec2.send(new CreateTrafficMirrorFilterRuleCommand({ ...base, TrafficDirection: 'ingress', RuleNumber: 5, Protocol: 1, SourcePortRange: { FromPort: 1, ToPort: 2 } })),
      { code: 'InvalidParameterCombination' },
    );
    await expectEc2Error(ec2.send(new CreateTrafficMirrorFilterRuleCommand({ ...base, TrafficMirrorFilterId: 'tmf-0123456789abcdef0', TrafficDirection: 'ingress', RuleNumber: 5 })), {
      code: 'InvalidTrafficMirrorFilterId.NotFound',
    });

    const described = (await ec2.send(new DescribeTrafficMirrorFiltersCommand({ TrafficMirrorFilterIds: [filter] }))).TrafficMirrorFilters![0];
    expect(described.IngressFilterRules!.map((r) => r.RuleNumber)).toEqual([100]);
    expect(described.EgressFilterRules!.map((r) => r.RuleAction)).toEqual(['reject']);
    expect(described.Description).toBe('all');

    const { TrafficMirrorFilterRule: modified } = await ec2.send(
      new ModifyTrafficMirrorFilterRuleCommand({ TrafficMirrorFilterRuleId: rule!.TrafficMirrorFilterRuleId, RuleAction: 'reject', RemoveFields: ['destination-port-range', 'description'] }),
    );
    expect(modified).toMatchObject({ RuleAction: 'reject', Protocol: 6, RuleNumber: 100 });
    expect(modified!.DestinationPortRange).toBeUndefined();
    expect(modified!.Description).toBeUndefined();

    await ec2.send(new DeleteTrafficMirrorFilterRuleCommand({ TrafficMirrorFilterRuleId: rule!.TrafficMirrorFilterRuleId }));
    await expectEc2Error(ec2.send(new DeleteTrafficMirrorFilterRuleCommand({ TrafficMirrorFilterRuleId: rule!.TrafficMirrorFilterRuleId })), {
      code: 'InvalidTrafficMirrorFilterRuleId.NotFound',
    });
    await ec2.send(new DeleteTrafficMirrorFilterCommand({ TrafficMirrorFilterId: filter }));
    await expectEc2Error(ec2.send(new DescribeTrafficMirrorFiltersCommand({ TrafficMirrorFilterIds: [filter] })), { code: 'InvalidTrafficMirrorFilterId.NotFound' });
  });
});

describe('traffic mirror sessions', () => {
  it('session numbers are unique per source interface; target and filter in use; modify; source deleted takes the session', async () => {
    const source = await newEni();
    const otherSource = await newEni();
    const target = await newTarget(await newEni());
    const filter = await newFilter();
    const { TrafficMirrorSession: s } = await ec2.send(
      new CreateTrafficMirrorSessionCommand({
        NetworkInterfaceId: source,
        TrafficMirrorTargetId: target,
        TrafficMirrorFilterId: filter,
        SessionNumber: 1,
        VirtualNetworkId: 4242,
        TagSpecifications: [{ ResourceType: 'traffic-mirror-session', Tags: [{ Key: 'k', Value: 'v' }] }],
      }),
    );
    expect(s).toMatchObject({ NetworkInterfaceId: source, TrafficMirrorTargetId: target, TrafficMirrorFilterId: filter, SessionNumber: 1, VirtualNetworkId: 4242, Tags: [{ Key: 'k', Value: 'v' }] });
    expect(s!.TrafficMirrorSessionId).toMatch(/^tms-[0-9a-f]{17}$/);
    const session = s!.TrafficMirrorSessionId!;

    const again = { NetworkInterfaceId: source, TrafficMirrorTargetId: target, TrafficMirrorFilterId: filter, SessionNumber: 1 };
    await expectEc2Error(ec2.send(new CreateTrafficMirrorSessionCommand(again)), { code: 'InvalidParameterValue' });
    // the same number on another source is fine, and AWS picks a VXLAN id when none is given
    const other = (await ec2.send(new CreateTrafficMirrorSessionCommand({ ...again, NetworkInterfaceId: otherSource }))).TrafficMirrorSession!;
    expect(other.VirtualNetworkId).toBeGreaterThan(0);
    await expectEc2Error(ec2.send(new CreateTrafficMirrorSessionCommand({ ...again, SessionNumber: 40000 })), { code: 'InvalidParameterValue' });
    await expectEc2Error(ec2.send(new CreateTrafficMirrorSessionCommand({ ...again, SessionNumber: 2, TrafficMirrorTargetId: 'tmt-0123456789abcdef0' })), {
      code: 'InvalidTrafficMirrorTargetId.NotFound',
    });

    await expectEc2Error(ec2.send(new DeleteTrafficMirrorTargetCommand({ TrafficMirrorTargetId: target })), { code: 'DependencyViolation' });
    await expectEc2Error(ec2.send(new DeleteTrafficMirrorFilterCommand({ TrafficMirrorFilterId: filter })), { code: 'DependencyViolation' });

    const { TrafficMirrorSession: modified } = await ec2.send(
      new ModifyTrafficMirrorSessionCommand({ TrafficMirrorSessionId: session, SessionNumber: 7, PacketLength: 100, Description: 'd' }),
    );
    expect(modified).toMatchObject({ SessionNumber: 7, PacketLength: 100, Description: 'd', VirtualNetworkId: 4242 });
    const by = async (Name: string, Values: string[]) =>
      (await ec2.send(new DescribeTrafficMirrorSessionsCommand({ Filters: [{ Name, Values }] }))).TrafficMirrorSessions!.map((x) => x.TrafficMirrorSessionId);
    expect(await by('session-number', ['7'])).toEqual([session]);
    expect(await by('network-interface-id', [source])).toEqual([session]);
    expect(await by('traffic-mirror-target-id', [target])).toEqual([session, other.TrafficMirrorSessionId]);

    // deleting the source interface takes its session with it
    await ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: source }));
    await expectEc2Error(ec2.send(new DescribeTrafficMirrorSessionsCommand({ TrafficMirrorSessionIds: [session] })), {
      code: 'InvalidTrafficMirrorSessionId.NotFound',
    });
    await ec2.send(new DeleteTrafficMirrorSessionCommand({ TrafficMirrorSessionId: other.TrafficMirrorSessionId }));
    await ec2.send(new DeleteTrafficMirrorFilterCommand({ TrafficMirrorFilterId: filter }));
    await ec2.send(new DeleteTrafficMirrorTargetCommand({ TrafficMirrorTargetId: target }));
  });
});
