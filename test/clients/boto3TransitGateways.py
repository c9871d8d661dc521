"""boto3 drives ec2lite's transit gateways: prints what botocore parsed from the wire (nested options, lists, booleans),
and a peering between two accounts and two Regions (the access key id names the account)."""
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
west = boto3.client("ec2", endpoint_url=sys.argv[1], region_name="us-west-2",
                    aws_access_key_id="210987654321", aws_secret_access_key="test")
peer_tgw = west.create_transit_gateway(Description="west")["TransitGateway"]
west.describe_transit_gateways()  # the back end makes it available
peering = ec2.create_transit_gateway_peering_attachment(
    TransitGatewayId=tgw["TransitGatewayId"], PeerTransitGatewayId=peer_tgw["TransitGatewayId"],
    PeerAccountId="210987654321", PeerRegion="us-west-2",
    Options={"DynamicRouting": "disable"})["TransitGatewayPeeringAttachment"]
peering_id = peering["TransitGatewayAttachmentId"]
accepted = west.accept_transit_gateway_peering_attachment(TransitGatewayAttachmentId=peering_id)[
    "TransitGatewayPeeringAttachment"]
ec2.create_transit_gateway_route(TransitGatewayRouteTableId=table, DestinationCidrBlock="10.90.0.0/16",
                                 TransitGatewayAttachmentId=peering_id)
peering_routes = ec2.search_transit_gateway_routes(
    TransitGatewayRouteTableId=table, Filters=[{"Name": "attachment.resource-type", "Values": ["peering"]}])["Routes"]
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
    "peerTgwId": peer_tgw["TransitGatewayId"],
    "peeringCreated": peering,
    "peeringAccepted": accepted,
    "peeringWest": west.describe_transit_gateway_peering_attachments(
        Filters=[{"Name": "transit-gateway-id", "Values": [peer_tgw["TransitGatewayId"]]}])["TransitGatewayPeeringAttachments"],
    "peeringRoutes": peering_routes,
}, default=str))
