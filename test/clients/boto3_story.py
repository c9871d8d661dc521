#!/usr/bin/env python3
"""A boto3 user's session against ec2lite, run by test/clients/boto3.test.ts.

usage: python3 boto3_story.py ENDPOINT_URL

Does what a boto3 script does (client calls, waiters, a paginator, the resource API, ClientError handling) and
prints one JSON object of what it observed; the jest test asserts on it. The script asserts nothing itself, so
a wrong answer shows up as a readable diff in jest; a crash (e.g. a response botocore cannot parse) fails the
test with the traceback.
"""
import json
import sys

import boto3
from botocore.exceptions import ClientError


def error_of(call):
    """Runs a call that should fail; returns what botocore exposes about the failure."""
    try:
        call()
    except ClientError as e:
        return {
            'code': e.response['Error']['Code'],
            'message': e.response['Error']['Message'],
            'status': e.response['ResponseMetadata']['HTTPStatusCode'],
            'requestId': e.response['ResponseMetadata'].get('RequestId'),
            'operation': e.operation_name,
        }
    return None


def main():
    endpoint = sys.argv[1]
    session = boto3.session.Session(aws_access_key_id='AKIDEXAMPLE', aws_secret_access_key='secret', region_name='us-east-1')
    ec2 = session.client('ec2', endpoint_url=endpoint)
    seen = {}

    vpc = ec2.create_vpc(
        CidrBlock='10.40.0.0/16',
        TagSpecifications=[{'ResourceType': 'vpc', 'Tags': [{'Key': 'Name', 'Value': 'boto vpc'}, {'Key': 'empty', 'Value': ''}]}],
    )['Vpc']
    vpc_id = vpc['VpcId']
    seen['vpc'] = {k: vpc.get(k) for k in ('VpcId', 'CidrBlock', 'State', 'IsDefault', 'Tags')}
    ec2.get_waiter('vpc_available').wait(VpcIds=[vpc_id], WaiterConfig={'Delay': 1, 'MaxAttempts': 3})

    subnet_ids = []
    for i in range(6):
        s = ec2.create_subnet(VpcId=vpc_id, CidrBlock=f'10.40.{i}.0/24', AvailabilityZone='us-east-1' + 'abc'[i % 3])['Subnet']
        subnet_ids.append(s['SubnetId'])
        if i == 0:
            seen['subnet'] = {k: s.get(k) for k in ('VpcId', 'CidrBlock', 'AvailabilityZone', 'AvailableIpAddressCount', 'MapPublicIpOnLaunch', 'DefaultForAz')}
    ec2.get_waiter('subnet_available').wait(SubnetIds=subnet_ids, WaiterConfig={'Delay': 1, 'MaxAttempts': 3})

    group_id = ec2.create_security_group(GroupName='web', Description='web servers', VpcId=vpc_id)['GroupId']
    auth = ec2.authorize_security_group_ingress(
        GroupId=group_id,
        IpPermissions=[
            {'IpProtocol': 'tcp', 'FromPort': 443, 'ToPort': 443, 'IpRanges': [{'CidrIp': '0.0.0.0/0', 'Description': 'https'}]},
            {'IpProtocol': 'tcp', 'FromPort': 5432, 'ToPort': 5432, 'UserIdGroupPairs': [{'GroupId': group_id}]},
        ],
    )
    seen['authorize'] = {
        'Return': auth['Return'],
        'rules': sorted(
            [(r['IpProtocol'], r['FromPort'], r['ToPort'], r.get('CidrIpv4'), r.get('ReferencedGroupInfo', {}).get('GroupId'), r['IsEgress'])
             for r in auth['SecurityGroupRules']],
            key=lambda r: r[1],
        ),
    }

    seen['byTag'] = [v['VpcId'] for v in ec2.describe_vpcs(Filters=[{'Name': 'tag:Name', 'Values': ['boto *']}])['Vpcs']]
    group = ec2.describe_security_groups(GroupIds=[group_id])['SecurityGroups'][0]
    seen['group'] = {
        'GroupName': group['GroupName'],
        'Description': group['Description'],
        'VpcId': group['VpcId'],
        'IpPermissions': sorted(group['IpPermissions'], key=lambda p: p['FromPort']),
        'IpPermissionsEgress': group['IpPermissionsEgress'],
    }

    # paginator: MaxResults=5 pages
    pages = ec2.get_paginator('describe_subnets').paginate(
        Filters=[{'Name': 'vpc-id', 'Values': [vpc_id]}], PaginationConfig={'PageSize': 5}
    )
    page_sizes, cidrs = [], []
    for page in pages:
        page_sizes.append(len(page['Subnets']))
        cidrs += [s['CidrBlock'] for s in page['Subnets']]
    seen['pages'] = {'sizes': page_sizes, 'cidrs': sorted(cidrs)}

    # the resource API reads the same shapes
    res_vpc = session.resource('ec2', endpoint_url=endpoint).Vpc(vpc_id)
    seen['resource'] = {'cidr': res_vpc.cidr_block, 'tags': sorted(t['Key'] for t in res_vpc.tags), 'subnets': len(list(res_vpc.subnets.all()))}

    # failures as botocore exposes them
    seen['duplicate'] = error_of(lambda: ec2.create_security_group(GroupName='web', Description='again', VpcId=vpc_id))
    seen['dryRun'] = error_of(lambda: ec2.create_vpc(CidrBlock='10.50.0.0/16', DryRun=True))
    seen['malformed'] = error_of(lambda: ec2.describe_vpcs(VpcIds=['vpc-xyz']))
    seen['dependency'] = error_of(lambda: ec2.delete_vpc(VpcId=vpc_id))
    seen['controlChar'] = error_of(lambda: ec2.create_tags(Resources=[vpc_id], Tags=[{'Key': 'k', 'Value': 'a\x01b'}]))
    seen['tagsAfterControlChar'] = sorted(t['Key'] for t in ec2.describe_tags(Filters=[{'Name': 'resource-id', 'Values': [vpc_id]}])['Tags'])
    seen['cidrsAfterDryRun'] = sorted(v['CidrBlock'] for v in ec2.describe_vpcs()['Vpcs'])

    # delete everything
    seen['deleteGroup'] = ec2.delete_security_group(GroupId=group_id).get('Return')
    for sid in subnet_ids:
        ec2.delete_subnet(SubnetId=sid)
    ec2.delete_vpc(VpcId=vpc_id)
    seen['gone'] = error_of(lambda: ec2.describe_vpcs(VpcIds=[vpc_id]))
    seen['vpcId'] = vpc_id
    seen['groupId'] = group_id
    json.dump(seen, sys.stdout)


if __name__ == '__main__':
    main()
