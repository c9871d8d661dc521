"""boto3 drives the PrivateLink story across two accounts: prints what botocore parsed from the wire."""
import json
import sys

import boto3

OWNER, CONSUMER = "123456789012", "210987654321"


def client(account):
    return boto3.client("ec2", endpoint_url=sys.argv[1], region_name="us-east-1",
                        aws_access_key_id=account, aws_secret_access_key="test")


owner, consumer = client(OWNER), client(CONSUMER)
nlb = f"arn:aws:elasticloadbalancing:us-east-1:{OWNER}:loadbalancer/net/boto/0123456789abcdef"
svc = owner.create_vpc_endpoint_service_configuration(
    NetworkLoadBalancerArns=[nlb], AcceptanceRequired=True, PrivateDnsName="boto.example.com",
    TagSpecifications=[{"ResourceType": "vpc-endpoint-service", "Tags": [{"Key": "Name", "Value": "boto"}]}],
)["ServiceConfiguration"]
added = owner.modify_vpc_endpoint_service_permissions(
    ServiceId=svc["ServiceId"], AddAllowedPrincipals=[f"arn:aws:iam::{CONSUMER}:root"])
permissions = owner.describe_vpc_endpoint_service_permissions(ServiceId=svc["ServiceId"])["AllowedPrincipals"]
seen = consumer.describe_vpc_endpoint_services(ServiceNames=[svc["ServiceName"]])["ServiceDetails"]

vpc = consumer.create_vpc(CidrBlock="10.80.0.0/16")["Vpc"]
subnet = consumer.create_subnet(VpcId=vpc["VpcId"], CidrBlock="10.80.1.0/24", AvailabilityZone="us-east-1a")["Subnet"]
endpoint = consumer.create_vpc_endpoint(VpcEndpointType="Interface", VpcId=vpc["VpcId"], ServiceName=svc["ServiceName"],
                                        SubnetIds=[subnet["SubnetId"]])["VpcEndpoint"]
pages = owner.get_paginator("describe_vpc_endpoint_connections").paginate(
    Filters=[{"Name": "service-id", "Values": [svc["ServiceId"]]}], PaginationConfig={"PageSize": 5})
connections = [c for page in pages for c in page["VpcEndpointConnections"]]
refused = owner.delete_vpc_endpoint_service_configurations(ServiceIds=[svc["ServiceId"]])["Unsuccessful"]
accepted = owner.accept_vpc_endpoint_connections(ServiceId=svc["ServiceId"], VpcEndpointIds=[endpoint["VpcEndpointId"]])
after_accept = consumer.describe_vpc_endpoints(VpcEndpointIds=[endpoint["VpcEndpointId"]])["VpcEndpoints"][0]
rejected = owner.reject_vpc_endpoint_connections(ServiceId=svc["ServiceId"], VpcEndpointIds=[endpoint["VpcEndpointId"]])
after_reject = consumer.describe_vpc_endpoints(VpcEndpointIds=[endpoint["VpcEndpointId"]])["VpcEndpoints"][0]
configs = owner.describe_vpc_endpoint_service_configurations(ServiceIds=[svc["ServiceId"]])["ServiceConfigurations"]
deleted = owner.delete_vpc_endpoint_service_configurations(ServiceIds=[svc["ServiceId"]])["Unsuccessful"]
try:
    owner.describe_vpc_endpoint_service_configurations(ServiceIds=[svc["ServiceId"]])
    gone = None
except owner.exceptions.ClientError as e:
    gone = {"code": e.response["Error"]["Code"], "message": e.response["Error"]["Message"]}
consumer.delete_vpc_endpoints(VpcEndpointIds=[endpoint["VpcEndpointId"]])
print(json.dumps({
    "svc": svc, "added": added, "permissions": permissions, "seen": seen, "endpoint": endpoint,
    "connections": connections, "refused": refused, "accepted": accepted["Unsuccessful"], "afterAccept": after_accept,
    "rejected": rejected["Unsuccessful"], "afterReject": after_reject, "configs": configs, "deleted": deleted, "gone": gone,
}, default=str))
