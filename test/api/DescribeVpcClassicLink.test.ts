import { DescribeVpcClassicLinkCommand, DescribeVpcClassicLinkDnsSupportCommand, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { expectEc2Error, startTestServer, TestServer } from '../helpers/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

// EC2-Classic is retired; amazon.aws's ec2_vpc_net and ec2_vpc_net_info read these and expect exactly this answer.
const UNSUPPORTED = { code: 'UnsupportedOperation', message: 'The functionality you requested is not available in this region.', status: 400 };

describe('DescribeVpcClassicLink and DescribeVpcClassicLinkDnsSupport', () => {
  it('answer UnsupportedOperation, as a region without EC2-Classic does', async () => {
    const { Vpcs } = await t.ec2.send(new DescribeVpcsCommand({}));
    const vpcId = Vpcs![0].VpcId!;
    await expectEc2Error(t.ec2.send(new DescribeVpcClassicLinkCommand({ VpcIds: [vpcId] })), UNSUPPORTED);
    await expectEc2Error(t.ec2.send(new DescribeVpcClassicLinkCommand({})), UNSUPPORTED);
    await expectEc2Error(t.ec2.send(new DescribeVpcClassicLinkDnsSupportCommand({ VpcIds: [vpcId] })), UNSUPPORTED);
    await expectEc2Error(t.ec2.send(new DescribeVpcClassicLinkDnsSupportCommand({})), UNSUPPORTED);
  });
});
