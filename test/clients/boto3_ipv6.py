#!/usr/bin/env python3
"""A boto3 session on a dual-stack VPC, run by test/clients/boto3Ipv6.test.ts.

usage: python3 boto3_ipv6.py ENDPOINT_URL

Prints one JSON object of what botocore parsed; the jest test asserts on it (the script asserts nothing).
"""
import json
import sys

import boto3

ec2 = boto3.client('ec2', endpoint_url=sys.argv[1], region_name='us-east-1')
seen = {}
vpc = ec2.create_vpc(CidrBlock='10.70.0.0/16', AmazonProvidedIpv6CidrBlock=True)['Vpc']
vpc_id = vpc['VpcId']
seen['created'] = vpc['Ipv6CidrBlockAssociationSet']
ec2.get_waiter('vpc_available').wait(VpcIds=[vpc_id])
described = ec2.describe_vpcs(VpcIds=[vpc_id])['Vpcs'][0]
seen['vpc'] = {k: described[k] for k in ('CidrBlock', 'CidrBlockAssociationSet', 'Ipv6CidrBlockAssociationSet')}
seen['secondary'] = ec2.associate_vpc_cidr_block(VpcId=vpc_id, CidrBlock='10.71.0.0/16')['CidrBlockAssociation']
block = described['Ipv6CidrBlockAssociationSet'][0]['Ipv6CidrBlock']
subnet_block = block.replace('/56', '/64')
subnet = ec2.create_subnet(VpcId=vpc_id, CidrBlock='10.70.1.0/24', Ipv6CidrBlock=subnet_block)['Subnet']
seen['subnet'] = {k: subnet[k] for k in ('Ipv6CidrBlockAssociationSet', 'AssignIpv6AddressOnCreation', 'Ipv6Native', 'PrivateDnsNameOptionsOnLaunch')}
eigw = ec2.create_egress_only_internet_gateway(VpcId=vpc_id)['EgressOnlyInternetGateway']
seen['eigw'] = eigw
rtb = ec2.describe_route_tables(Filters=[{'Name': 'vpc-id', 'Values': [vpc_id]}])['RouteTables'][0]
ec2.create_route(RouteTableId=rtb['RouteTableId'], DestinationIpv6CidrBlock='::/0', EgressOnlyInternetGatewayId=eigw['EgressOnlyInternetGatewayId'])
seen['routes'] = ec2.describe_route_tables(RouteTableIds=[rtb['RouteTableId']])['RouteTables'][0]['Routes']
seen['block'] = block
print(json.dumps(seen))
