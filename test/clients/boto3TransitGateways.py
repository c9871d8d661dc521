"""boto3 drives ec2lite's transit gateways: prints what botocore parsed from the wire (nested options, lists, booleans)."""
import json
import sys

import boto3

ec2 = boto3.client("ec2", endpoint_url=sys.argv[1], region_name="us-east-1",
                   aws_access_key_id="test", aws_secret_access_key="test")
vpc = ec2.create_vpc(CidrBlock="10.70.0.0/16")["Vpc"]
subnet = ec2.create_subnet(VpcId=vpc["VpcId"], CidrBlock="10.70.1.0/24", AvailabilityZone="us-east-1a")["Subnet"]
tgw = ec2.create_transit_gateway(Description="hub", Options={"AmazonSideAsn": 64600})["TransitGateway"]
att = ec2.create_transit_gateway_vpc_attachment(TransitGatewayId=tgw["TransitGatewayId"], VpcId=vpc["VpcId"],
                                                SubnetIds=[subnet["SubnetId"]])["TransitGatewayVpcAttachment"]
table = tgw["Options"]["AssociationDefaultRouteTableId"]
ec2.create_transit_gateway_route(TransitGatewayRouteTableId=table, DestinationCidrBlock="0.0.0.0/0", Blackhole=True)
routes = ec2.search_transit_gateway_routes(TransitGatewayRouteTableId=table,
                                           Filters=[{"Name": "state", "Values": ["active", "blackhole"]}])
rtb = ec2.create_route_table(VpcId=vpc["VpcId"])["RouteTable"]["RouteTableId"]
ec2.create_route(RouteTableId=rtb, DestinationCidrBlock="10.80.0.0/16", TransitGatewayId=tgw["TransitGatewayId"])
print(json.dumps({
    "tgwId": tgw["TransitGatewayId"],
    "attId": att["TransitGatewayAttachmentId"],
    "subnetId": subnet["SubnetId"],
    "vpcId": vpc["VpcId"],
    "table": table,
    "gateway": ec2.describe_transit_gateways(TransitGatewayIds=[tgw["TransitGatewayId"]])["TransitGateways"][0],
    "attachments": ec2.describe_transit_gateway_vpc_attachments(
        TransitGatewayAttachmentIds=[att["TransitGatewayAttachmentId"]])["TransitGatewayVpcAttachments"],
    "routes": routes["Routes"],
    "more": routes["AdditionalRoutesAvailable"],
    "vpcRoute": [r for r in ec2.describe_route_tables(RouteTableIds=[rtb])["RouteTables"][0]["Routes"]
                 if r.get("DestinationCidrBlock") == "10.80.0.0/16"],
    "eni": ec2.describe_network_interfaces(Filters=[{"Name": "interface-type", "Values": ["transit_gateway"]}])[
        "NetworkInterfaces"][0]["InterfaceType"],
}, default=str))
