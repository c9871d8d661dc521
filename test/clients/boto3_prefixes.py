#!/usr/bin/env python3
"""A boto3 session on prefix delegation and subnet CIDR reservations, run by test/clients/boto3Prefixes.test.ts.

usage: python3 boto3_prefixes.py ENDPOINT_URL

Prints one JSON object of what botocore parsed; the jest test asserts on it (the script asserts nothing).
"""
import json
import sys

import boto3

ec2 = boto3.client('ec2', endpoint_url=sys.argv[1], region_name='us-east-1')
seen = {}
vpc = ec2.create_vpc(CidrBlock='10.80.0.0/16', AmazonProvidedIpv6CidrBlock=True)['Vpc']
block = vpc['Ipv6CidrBlockAssociationSet'][0]['Ipv6CidrBlock']
subnet = ec2.create_subnet(VpcId=vpc['VpcId'], CidrBlock='10.80.1.0/24', Ipv6CidrBlock=block.replace('/56', '/64'))['Subnet']
reservation = ec2.create_subnet_cidr_reservation(SubnetId=subnet['SubnetId'], Cidr='10.80.1.64/27', ReservationType='prefix')
seen['reservation'] = reservation['SubnetCidrReservation']
eni = ec2.create_network_interface(SubnetId=subnet['SubnetId'], Ipv4PrefixCount=1, Ipv6PrefixCount=1)['NetworkInterface']
seen['created'] = {k: eni.get(k) for k in ('Ipv4Prefixes', 'Ipv6Prefixes')}
seen['assigned'] = {k: v for k, v in ec2.assign_private_ip_addresses(NetworkInterfaceId=eni['NetworkInterfaceId'], Ipv4PrefixCount=1).items() if k != 'ResponseMetadata'}
seen['assigned6'] = {k: v for k, v in ec2.assign_ipv6_addresses(NetworkInterfaceId=eni['NetworkInterfaceId'], Ipv6PrefixCount=1).items() if k != 'ResponseMetadata'}
described = ec2.describe_network_interfaces(Filters=[{'Name': 'ipv4-prefixes.ipv4-prefix', 'Values': ['10.80.1.64/28']}])['NetworkInterfaces']
seen['described'] = [{k: d.get(k) for k in ('NetworkInterfaceId', 'Ipv4Prefixes', 'Ipv6Prefixes')} for d in described]
seen['unassigned6'] = {k: v for k, v in ec2.unassign_ipv6_addresses(NetworkInterfaceId=eni['NetworkInterfaceId'], Ipv6Prefixes=[seen['assigned6']['AssignedIpv6Prefixes'][0]]).items() if k != 'ResponseMetadata'}
listed = ec2.get_subnet_cidr_reservations(SubnetId=subnet['SubnetId'])
seen['listed'] = {k: listed[k] for k in ('SubnetIpv4CidrReservations', 'SubnetIpv6CidrReservations')}
seen['eni'] = eni['NetworkInterfaceId']
seen['block'] = block
print(json.dumps(seen))
