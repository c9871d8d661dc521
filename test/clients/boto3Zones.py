"""boto3 reads ec2lite's zones (describe_availability_zones with AllAvailabilityZones and filters), opts in to a
Wavelength Zone group, and runs a carrier gateway with a route through it: prints what botocore parsed."""
import json
import sys

import boto3

ec2 = boto3.client("ec2", endpoint_url=sys.argv[1], region_name="us-east-1",
                   aws_access_key_id="test", aws_secret_access_key="test")
standard = ec2.describe_availability_zones()["AvailabilityZones"]
wavelength = ec2.describe_availability_zones(
    AllAvailabilityZones=True, Filters=[{"Name": "zone-type", "Values": ["wavelength-zone"]}])["AvailabilityZones"]
opted = ec2.modify_availability_zone_group(GroupName="us-east-1-wl1-bos-wlz-1", OptInStatus="opted-in")
vpc = ec2.create_vpc(CidrBlock="10.80.0.0/16")["Vpc"]
subnet = ec2.create_subnet(VpcId=vpc["VpcId"], CidrBlock="10.80.1.0/24", AvailabilityZone="us-east-1-wl1-bos-wlz-1")["Subnet"]
cagw = ec2.create_carrier_gateway(VpcId=vpc["VpcId"])["CarrierGateway"]
rtb = ec2.create_route_table(VpcId=vpc["VpcId"])["RouteTable"]
ec2.create_route(RouteTableId=rtb["RouteTableId"], DestinationCidrBlock="0.0.0.0/0", CarrierGatewayId=cagw["CarrierGatewayId"])
print(json.dumps({
    "standard": standard,
    "wavelength": wavelength,
    "optedReturn": opted["Return"],
    "afterOptIn": [z["ZoneName"] for z in ec2.describe_availability_zones()["AvailabilityZones"]],
    "subnet": {k: subnet[k] for k in ("AvailabilityZone", "AvailabilityZoneId")},
    "created": cagw,
    "described": ec2.describe_carrier_gateways(CarrierGatewayIds=[cagw["CarrierGatewayId"]])["CarrierGateways"][0],
    "routes": ec2.describe_route_tables(RouteTableIds=[rtb["RouteTableId"]])["RouteTables"][0]["Routes"],
    "deleted": ec2.delete_carrier_gateway(CarrierGatewayId=cagw["CarrierGatewayId"])["CarrierGateway"],
}, default=str))
