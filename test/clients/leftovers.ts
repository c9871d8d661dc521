/** What a client suite may leave behind after its teardown: everything outside the default VPC, by kind. */
import {
  DescribeAddressesCommand,
  DescribeDhcpOptionsCommand,
  DescribeInstancesCommand,
  DescribeInternetGatewaysCommand,
  DescribeNetworkAclsCommand,
  DescribeNetworkInterfacesCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';

export async function leftovers(ec2: EC2Client): Promise<Record<string, string[]>> {
  const { Vpcs } = await ec2.send(new DescribeVpcsCommand({}));
  const defaultVpc = Vpcs!.find((v) => v.IsDefault)?.VpcId;
  const outside = (vpcId: string | undefined) => vpcId !== defaultVpc;
  const defaultDhcp = Vpcs!.find((v) => v.IsDefault)?.DhcpOptionsId;
  const [enis, reservations, addresses, groups, tables, gateways, subnets, acls, dhcp] = await Promise.all([
    ec2.send(new DescribeNetworkInterfacesCommand({})),
    ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'instance-state-name', Values: ['pending', 'running', 'stopping', 'stopped', 'shutting-down'] }] })),
    ec2.send(new DescribeAddressesCommand({})),
    ec2.send(new DescribeSecurityGroupsCommand({})),
    ec2.send(new DescribeRouteTablesCommand({})),
    ec2.send(new DescribeInternetGatewaysCommand({})),
    ec2.send(new DescribeSubnetsCommand({})),
    ec2.send(new DescribeNetworkAclsCommand({})),
    ec2.send(new DescribeDhcpOptionsCommand({})),
  ]);
  return {
    vpcs: Vpcs!.filter((v) => !v.IsDefault).map((v) => v.VpcId!),
    subnets: subnets.Subnets!.filter((s) => outside(s.VpcId)).map((s) => s.SubnetId!),
    networkInterfaces: enis.NetworkInterfaces!.map((n) => n.NetworkInterfaceId!),
    instances: reservations.Reservations!.flatMap((r) => r.Instances!.map((i) => i.InstanceId!)),
    addresses: addresses.Addresses!.map((a) => a.AllocationId!),
    securityGroups: groups.SecurityGroups!.filter((g) => outside(g.VpcId)).map((g) => g.GroupId!),
    routeTables: tables.RouteTables!.filter((r) => outside(r.VpcId)).map((r) => r.RouteTableId!),
    internetGateways: gateways.InternetGateways!.filter((g) => g.Attachments?.[0]?.VpcId !== defaultVpc).map((g) => g.InternetGatewayId!),
    networkAcls: acls.NetworkAcls!.filter((a) => outside(a.VpcId)).map((a) => a.NetworkAclId!),
    dhcpOptions: dhcp.DhcpOptions!.filter((d) => d.DhcpOptionsId !== defaultDhcp).map((d) => d.DhcpOptionsId!),
  };
}

export const NOTHING_LEFT = {
  vpcs: [],
  subnets: [],
  networkInterfaces: [],
  instances: [],
  addresses: [],
  securityGroups: [],
  routeTables: [],
  internetGateways: [],
  networkAcls: [],
  dhcpOptions: [],
};
