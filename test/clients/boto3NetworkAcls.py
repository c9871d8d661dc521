"""boto3 reads ec2lite's network ACLs, DHCP options and EIP attributes: prints what botocore parsed from the wire."""
import json
import sys

import boto3

ec2 = boto3.client("ec2", endpoint_url=sys.argv[1], region_name="us-east-1",
                   aws_access_key_id="test", aws_secret_access_key="test")
vpc = ec2.create_vpc(CidrBlock="10.60.0.0/16")["Vpc"]
subnet = ec2.create_subnet(VpcId=vpc["VpcId"], CidrBlock="10.60.1.0/24")["Subnet"]
acl = ec2.create_network_acl(VpcId=vpc["VpcId"])["NetworkAcl"]
ec2.create_network_acl_entry(NetworkAclId=acl["NetworkAclId"], RuleNumber=100, Protocol="tcp", RuleAction="allow",
                             Egress=False, CidrBlock="0.0.0.0/0", PortRange={"From": 443, "To": 443})
ec2.create_network_acl_entry(NetworkAclId=acl["NetworkAclId"], RuleNumber=110, Protocol="1", RuleAction="deny",
                             Egress=False, CidrBlock="10.0.0.0/8", IcmpTypeCode={"Type": 8, "Code": -1})
default = ec2.describe_network_acls(Filters=[{"Name": "vpc-id", "Values": [vpc["VpcId"]]},
                                             {"Name": "default", "Values": ["true"]}])["NetworkAcls"][0]
assoc = default["Associations"][0]["NetworkAclAssociationId"]
new_assoc = ec2.replace_network_acl_association(AssociationId=assoc, NetworkAclId=acl["NetworkAclId"])["NewAssociationId"]
pages = ec2.get_paginator("describe_network_acls").paginate(
    Filters=[{"Name": "vpc-id", "Values": [vpc["VpcId"]]}], PaginationConfig={"PageSize": 5})
acls = [a for page in pages for a in page["NetworkAcls"]]
dopt = ec2.create_dhcp_options(DhcpConfigurations=[{"Key": "domain-name-servers", "Values": ["10.60.0.2"]},
                                                    {"Key": "domain-name", "Values": ["corp.example"]}])["DhcpOptions"]
ec2.associate_dhcp_options(DhcpOptionsId=dopt["DhcpOptionsId"], VpcId=vpc["VpcId"])
eip = ec2.allocate_address(Domain="vpc")
ec2.modify_address_attribute(AllocationId=eip["AllocationId"], DomainName="mail.example.com")
attrs = ec2.describe_addresses_attribute(AllocationIds=[eip["AllocationId"]], Attribute="domain-name")["Addresses"]
print(json.dumps({
    "subnetId": subnet["SubnetId"],
    "aclId": acl["NetworkAclId"],
    "newAssoc": new_assoc,
    "acls": acls,
    "dhcp": ec2.describe_dhcp_options(DhcpOptionsIds=[dopt["DhcpOptionsId"]])["DhcpOptions"],
    "vpcDhcp": ec2.describe_vpcs(VpcIds=[vpc["VpcId"]])["Vpcs"][0]["DhcpOptionsId"],
    "attrs": attrs,
    "eip": eip["AllocationId"],
}))
