"""boto3 peers two accounts' VPCs through ec2lite: prints what botocore parsed from the wire."""
import json
import sys

import boto3
from botocore.exceptions import ClientError


def client(account):
    return boto3.client("ec2", endpoint_url=sys.argv[1], region_name="us-east-1",
                        aws_access_key_id=account, aws_secret_access_key="test")


a, b = client("123456789012"), client("210987654321")
va = a.create_vpc(CidrBlock="10.91.0.0/16")["Vpc"]["VpcId"]
vb = b.create_vpc(CidrBlock="10.92.0.0/16")["Vpc"]["VpcId"]
created = a.create_vpc_peering_connection(VpcId=va, PeerVpcId=vb, PeerOwnerId="210987654321",
                                          TagSpecifications=[{"ResourceType": "vpc-peering-connection",
                                                              "Tags": [{"Key": "Name", "Value": "a-to-b"}]}])
pcx = created["VpcPeeringConnection"]["VpcPeeringConnectionId"]
b.get_waiter("vpc_peering_connection_exists").wait(VpcPeeringConnectionIds=[pcx])
pending = b.describe_vpc_peering_connections(VpcPeeringConnectionIds=[pcx])["VpcPeeringConnections"][0]
try:
    a.accept_vpc_peering_connection(VpcPeeringConnectionId=pcx)
    refused = None
except ClientError as e:
    refused = {"code": e.response["Error"]["Code"], "message": e.response["Error"]["Message"],
               "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}
accepted = b.accept_vpc_peering_connection(VpcPeeringConnectionId=pcx)["VpcPeeringConnection"]
options = a.modify_vpc_peering_connection_options(
    VpcPeeringConnectionId=pcx, RequesterPeeringConnectionOptions={"AllowDnsResolutionFromRemoteVpc": True})
rtb = a.create_route_table(VpcId=va)["RouteTable"]["RouteTableId"]
a.create_route(RouteTableId=rtb, DestinationCidrBlock="10.92.0.0/16", VpcPeeringConnectionId=pcx)
route = [r for r in a.describe_route_tables(RouteTableIds=[rtb])["RouteTables"][0]["Routes"]
         if r.get("DestinationCidrBlock") == "10.92.0.0/16"][0]
b.delete_vpc_peering_connection(VpcPeeringConnectionId=pcx)
a.get_waiter("vpc_peering_connection_deleted").wait(VpcPeeringConnectionIds=[pcx])
print(json.dumps({
    "pcx": pcx,
    "created": created["VpcPeeringConnection"],
    "pending": pending,
    "refused": refused,
    "accepted": accepted,
    "options": {k: v for k, v in options.items() if k != "ResponseMetadata"},
    "route": route,
    "after": a.describe_route_tables(RouteTableIds=[rtb])["RouteTables"][0]["Routes"],
}, default=str))
