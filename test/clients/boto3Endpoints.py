"""boto3 reads ec2lite's managed prefix lists and VPC endpoints: prints what botocore parsed from the wire."""
import json
import sys

import boto3

ec2 = boto3.client("ec2", endpoint_url=sys.argv[1], region_name="us-east-1",
                   aws_access_key_id="test", aws_secret_access_key="test")
vpc = ec2.create_vpc(CidrBlock="10.70.0.0/16")["Vpc"]
ec2.modify_vpc_attribute(VpcId=vpc["VpcId"], EnableDnsHostnames={"Value": True})
subnet = ec2.create_subnet(VpcId=vpc["VpcId"], CidrBlock="10.70.1.0/24", AvailabilityZone="us-east-1a")["Subnet"]
rtb = ec2.create_route_table(VpcId=vpc["VpcId"])["RouteTable"]
pl = ec2.create_managed_prefix_list(PrefixListName="corp", AddressFamily="IPv4", MaxEntries=2,
                                    Entries=[{"Cidr": "192.0.2.0/24", "Description": "office"}])["PrefixList"]
ec2.modify_managed_prefix_list(PrefixListId=pl["PrefixListId"], CurrentVersion=1,
                               AddEntries=[{"Cidr": "198.51.100.0/24"}])
entries = ec2.get_managed_prefix_list_entries(PrefixListId=pl["PrefixListId"])["Entries"]
lists = ec2.describe_managed_prefix_lists(PrefixListIds=[pl["PrefixListId"]])["PrefixLists"]
s3 = ec2.describe_managed_prefix_lists(
    Filters=[{"Name": "prefix-list-name", "Values": ["com.amazonaws.us-east-1.s3"]}])["PrefixLists"][0]
gw = ec2.create_vpc_endpoint(VpcId=vpc["VpcId"], ServiceName="com.amazonaws.us-east-1.s3",
                             RouteTableIds=[rtb["RouteTableId"]])["VpcEndpoint"]
itf = ec2.create_vpc_endpoint(VpcEndpointType="Interface", VpcId=vpc["VpcId"], ServiceName="com.amazonaws.us-east-1.kms",
                              SubnetIds=[subnet["SubnetId"]])["VpcEndpoint"]
routes = ec2.describe_route_tables(RouteTableIds=[rtb["RouteTableId"]])["RouteTables"][0]["Routes"]
endpoints = ec2.describe_vpc_endpoints(Filters=[{"Name": "vpc-id", "Values": [vpc["VpcId"]]}])["VpcEndpoints"]
services = ec2.describe_vpc_endpoint_services(ServiceNames=["com.amazonaws.us-east-1.kms"])
deleted = ec2.delete_vpc_endpoints(VpcEndpointIds=[gw["VpcEndpointId"], itf["VpcEndpointId"]])
print(json.dumps({
    "pl": lists[0], "entries": entries, "s3": s3, "routes": routes, "gwId": gw["VpcEndpointId"],
    "endpoints": endpoints, "services": services["ServiceDetails"], "names": services["ServiceNames"],
    "unsuccessful": deleted["Unsuccessful"], "subnetId": subnet["SubnetId"], "rtbId": rtb["RouteTableId"],
}, default=str))
