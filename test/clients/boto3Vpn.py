"""boto3 reads ec2lite's VPN gateways, customer gateways, VPN connections, propagated routes and a traffic mirror
filter: prints what botocore parsed from the wire."""
import json
import sys

import boto3

ec2 = boto3.client("ec2", endpoint_url=sys.argv[1], region_name="us-east-1",
                   aws_access_key_id="test", aws_secret_access_key="test")
vpc = ec2.create_vpc(CidrBlock="10.70.0.0/16")["Vpc"]
vgw = ec2.create_vpn_gateway(Type="ipsec.1", AmazonSideAsn=64999)["VpnGateway"]
ec2.attach_vpn_gateway(VpnGatewayId=vgw["VpnGatewayId"], VpcId=vpc["VpcId"])
rtb = ec2.create_route_table(VpcId=vpc["VpcId"])["RouteTable"]
ec2.enable_vgw_route_propagation(RouteTableId=rtb["RouteTableId"], GatewayId=vgw["VpnGatewayId"])
cgw = ec2.create_customer_gateway(Type="ipsec.1", BgpAsn=65123, PublicIp="198.51.100.50")["CustomerGateway"]
vpn = ec2.create_vpn_connection(Type="ipsec.1", CustomerGatewayId=cgw["CustomerGatewayId"],
                                VpnGatewayId=vgw["VpnGatewayId"], Options={"StaticRoutesOnly": True})["VpnConnection"]
ec2.get_waiter("vpn_connection_available").wait(VpnConnectionIds=[vpn["VpnConnectionId"]],
                                                 WaiterConfig={"Delay": 1, "MaxAttempts": 5})
ec2.create_vpn_connection_route(VpnConnectionId=vpn["VpnConnectionId"], DestinationCidrBlock="192.168.50.0/24")
tmf = ec2.create_traffic_mirror_filter(Description="web")["TrafficMirrorFilter"]
ec2.create_traffic_mirror_filter_rule(TrafficMirrorFilterId=tmf["TrafficMirrorFilterId"], TrafficDirection="ingress",
                                      RuleNumber=10, RuleAction="accept", Protocol=6,
                                      DestinationPortRange={"FromPort": 80, "ToPort": 80},
                                      DestinationCidrBlock="0.0.0.0/0", SourceCidrBlock="0.0.0.0/0")
described = ec2.describe_vpn_connections(VpnConnectionIds=[vpn["VpnConnectionId"]])["VpnConnections"][0]
print(json.dumps({
    "vpcId": vpc["VpcId"],
    "vgwId": vgw["VpnGatewayId"],
    "cgwId": cgw["CustomerGatewayId"],
    "vgw": ec2.describe_vpn_gateways(VpnGatewayIds=[vgw["VpnGatewayId"]])["VpnGateways"][0],
    "cgw": ec2.describe_customer_gateways(CustomerGatewayIds=[cgw["CustomerGatewayId"]])["CustomerGateways"][0],
    "vpn": {k: described[k] for k in ("State", "Routes", "Options", "VgwTelemetry", "CustomerGatewayConfiguration")},
    "table": ec2.describe_route_tables(RouteTableIds=[rtb["RouteTableId"]])["RouteTables"][0],
    "filter": ec2.describe_traffic_mirror_filters(TrafficMirrorFilterIds=[tmf["TrafficMirrorFilterId"]])["TrafficMirrorFilters"][0],
}, default=str))
