#!/usr/bin/env python3
"""Generates the request golden files fixtures/wire/requests/*.json with botocore's own EC2 serializer.

Run from the repository root:  python3 -B test/protocol/gen_requests.py
Commit the output; test/protocol/queryParser.golden.test.ts parses each `query` with our parser and expects `expected`.

Each case goes through exactly what boto3 does before a request leaves the machine:
  1. the client's `before-parameter-build` handlers (RunInstances base64-encodes UserData there),
  2. botocore's EC2 serializer (`botocore.serialize.create_serializer('ec2')`) against the operation's input shape,
  3. botocore's request preparation, which form-encodes the body dict with `urlencode` (space -> `+`, `/` -> `%2F`).

`expected` is the input as the server must see it after parsing, keyed by model member names. It is derived from
the same parameters botocore serialized (not from our parser), using the model's rules:
  - empty lists vanish (the EC2 serializer sends no key for them),
  - timestamps become {"$timestamp": "<ISO-8601 with milliseconds>Z"} (the test revives them as Date),
  - blobs stay the base64 text that went on the wire (the parser does not decode them).
"""
import base64
import copy
import datetime
import json
import os
import sys

import botocore
import botocore.serialize
import botocore.session
from botocore.awsrequest import AWSRequest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT_DIR = os.path.join(ROOT, 'fixtures', 'wire', 'requests')

UTC = datetime.timezone.utc

# name -> (operation, what the case covers, parameters as a boto3 caller passes them)
CASES = {
    'describe_regions_empty': (
        'DescribeRegions',
        'no parameters at all: only Action and Version go on the wire',
        {},
    ),
    'describe_vpcs_filters': (
        'DescribeVpcs',
        'lists of structures with nested lists (Filter.N.Name / Filter.N.Value.M), a flattened id list, an integer',
        {
            'Filters': [
                {'Name': 'tag:Name', 'Values': ['web*', 'db?']},
                {'Name': 'cidr-block-association.cidr-block', 'Values': ['10.0.0.0/16']},
                {'Name': 'is-default', 'Values': ['false']},
            ],
            'VpcIds': ['vpc-0123456789abcdef0', 'vpc-1a2b3c4d'],
            'MaxResults': 5,
            'NextToken': 'tok/en+with=chars',
            'DryRun': False,
        },
    ),
    'describe_vpcs_empty_lists': (
        'DescribeVpcs',
        'empty lists are omitted by the EC2 serializer, so the server sees no key (no key = empty list)',
        {'VpcIds': [], 'Filters': []},
    ),
    'create_vpc_tags': (
        'CreateVpc',
        'TagSpecification.N.Tag.M.Key / Value, an enum, booleans, characters that need form encoding',
        {
            'CidrBlock': '10.0.0.0/16',
            'InstanceTenancy': 'default',
            'AmazonProvidedIpv6CidrBlock': True,
            'DryRun': False,
            'TagSpecifications': [
                {
                    'ResourceType': 'vpc',
                    'Tags': [
                        {'Key': 'Name', 'Value': 'a b'},
                        {'Key': 'team/owner', 'Value': 'x&y=z+1 %20 \u00e9\u6771\u4eac'},
                        {'Key': 'empty', 'Value': ''},
                    ],
                }
            ],
        },
    ),
    'create_subnet': (
        'CreateSubnet',
        'plain strings, an id, a required member',
        {
            'VpcId': 'vpc-0123456789abcdef0',
            'CidrBlock': '10.0.1.0/24',
            'AvailabilityZone': 'us-east-1a',
            'TagSpecifications': [{'ResourceType': 'subnet', 'Tags': [{'Key': 'tier', 'Value': 'private'}]}],
        },
    ),
    'modify_vpc_attribute': (
        'ModifyVpcAttribute',
        'a boolean inside a structure (EnableDnsSupport.Value=false)',
        {'VpcId': 'vpc-0123456789abcdef0', 'EnableDnsSupport': {'Value': False}},
    ),
    'modify_subnet_attribute': (
        'ModifySubnetAttribute',
        'MapPublicIpOnLaunch.Value=true',
        {'SubnetId': 'subnet-0123456789abcdef0', 'MapPublicIpOnLaunch': {'Value': True}},
    ),
    'create_security_group': (
        'CreateSecurityGroup',
        'a member whose wire name differs from its model name (Description -> GroupDescription)',
        {
            'GroupName': 'web',
            'Description': 'web servers',
            'VpcId': 'vpc-0123456789abcdef0',
            'TagSpecifications': [{'ResourceType': 'security-group', 'Tags': [{'Key': 'k', 'Value': 'v'}]}],
        },
    ),
    'authorize_ingress': (
        'AuthorizeSecurityGroupIngress',
        'IpPermissions.N with IpRanges.M.CidrIp, Ipv6Ranges, PrefixListIds and UserIdGroupPairs (wire name Groups)',
        {
            'GroupId': 'sg-0123456789abcdef0',
            'IpPermissions': [
                {
                    'IpProtocol': 'tcp',
                    'FromPort': 22,
                    'ToPort': 22,
                    'IpRanges': [
                        {'CidrIp': '0.0.0.0/0', 'Description': 'ssh from anywhere'},
                        {'CidrIp': '10.0.0.0/8'},
                    ],
                    'Ipv6Ranges': [{'CidrIpv6': '::/0'}],
                },
                {
                    'IpProtocol': '-1',
                    'UserIdGroupPairs': [{'GroupId': 'sg-0fedcba9876543210', 'UserId': '123456789012'}],
                    'PrefixListIds': [{'PrefixListId': 'pl-12345678'}],
                },
                {'IpProtocol': 'icmp', 'FromPort': -1, 'ToPort': -1, 'IpRanges': [{'CidrIp': '192.168.0.0/16'}]},
            ],
            'TagSpecifications': [{'ResourceType': 'security-group-rule', 'Tags': [{'Key': 'rule', 'Value': 'ssh'}]}],
        },
    ),
    'revoke_egress_rule_ids': (
        'RevokeSecurityGroupEgress',
        'a flattened list of rule ids',
        {'GroupId': 'sg-0123456789abcdef0', 'SecurityGroupRuleIds': ['sgr-0123456789abcdef0', 'sgr-1a2b3c4d']},
    ),
    'create_tags': (
        'CreateTags',
        'ResourceId.N and Tag.N.Key / Tag.N.Value, a tag without a value',
        {
            'Resources': ['vpc-0123456789abcdef0', 'subnet-0123456789abcdef0'],
            'Tags': [{'Key': 'Name', 'Value': 'prod net'}, {'Key': 'flag'}],
        },
    ),
    'delete_tags': (
        'DeleteTags',
        'tags with and without a value (absent Value means: whatever the value)',
        {'Resources': ['sg-0123456789abcdef0'], 'Tags': [{'Key': 'Name'}, {'Key': 'env', 'Value': 'test'}]},
    ),
    'describe_availability_zones': (
        'DescribeAvailabilityZones',
        'a boolean at the top level and a flattened string list',
        {'AllAvailabilityZones': True, 'ZoneNames': ['us-east-1a', 'us-east-1b']},
    ),
    'describe_security_group_rules': (
        'DescribeSecurityGroupRules',
        'filters plus MaxResults and NextToken',
        {'Filters': [{'Name': 'group-id', 'Values': ['sg-0123456789abcdef0']}], 'MaxResults': 10, 'NextToken': 'abc'},
    ),
    'run_instances_two_nics': (
        'RunInstances',
        'structures in lists in structures: two NICs with security group lists and private IP lists, several '
        'TagSpecifications, block device mappings, UserData (base64-encoded by the client handler), a timestamp '
        'with microseconds (ValidUntil), integers, booleans, ClientToken',
        {
            'ImageId': 'ami-0123456789abcdef0',
            'InstanceType': 't3.micro',
            'MinCount': 1,
            'MaxCount': 1,
            'KeyName': 'my key',
            'UserData': '#!/bin/sh\necho "hello" > /tmp/x\n',
            'ClientToken': '6f1d2c4e-3b5a-4c8d-9e0f-1a2b3c4d5e6f',
            'NetworkInterfaces': [
                {
                    'DeviceIndex': 0,
                    'SubnetId': 'subnet-0123456789abcdef0',
                    'Groups': ['sg-0123456789abcdef0', 'sg-0fedcba9876543210'],
                    'DeleteOnTermination': True,
                    'PrivateIpAddresses': [
                        {'PrivateIpAddress': '10.0.1.10', 'Primary': True},
                        {'PrivateIpAddress': '10.0.1.11', 'Primary': False},
                    ],
                    'SecondaryPrivateIpAddressCount': 2,
                    'Description': 'primary',
                },
                {'DeviceIndex': 1, 'NetworkInterfaceId': 'eni-0123456789abcdef0', 'DeleteOnTermination': False},
            ],
            'BlockDeviceMappings': [
                {'DeviceName': '/dev/xvda', 'Ebs': {'VolumeSize': 30, 'VolumeType': 'gp3', 'DeleteOnTermination': True}}
            ],
            'Placement': {'AvailabilityZone': 'us-east-1a', 'Tenancy': 'default'},
            'MetadataOptions': {'HttpTokens': 'required', 'HttpPutResponseHopLimit': 2, 'HttpEndpoint': 'enabled'},
            'InstanceMarketOptions': {
                'MarketType': 'spot',
                'SpotOptions': {
                    'MaxPrice': '0.05',
                    'ValidUntil': datetime.datetime(2030, 1, 2, 3, 4, 5, 678901, tzinfo=UTC),
                },
            },
            'TagSpecifications': [
                {'ResourceType': 'instance', 'Tags': [{'Key': 'Name', 'Value': 'web 1'}]},
                {'ResourceType': 'network-interface', 'Tags': [{'Key': 'role', 'Value': 'nic'}, {'Key': 'x', 'Value': 'y'}]},
            ],
        },
    ),
    'run_instances_top_level': (
        'RunInstances',
        'the top-level style (SubnetId, SecurityGroupId.N, PrivateIpAddress) and a whole-second timestamp',
        {
            'ImageId': 'ami-1a2b3c4d',
            'MinCount': 2,
            'MaxCount': 3,
            'SubnetId': 'subnet-1a2b3c4d',
            'SecurityGroupIds': ['sg-1a2b3c4d'],
            'SecurityGroups': ['default'],
            'ClientToken': 'token-2',
            'InstanceMarketOptions': {
                'MarketType': 'spot',
                'SpotOptions': {'ValidUntil': datetime.datetime(2030, 6, 7, 8, 9, 10, tzinfo=UTC)},
            },
        },
    ),
    'create_network_interface': (
        'CreateNetworkInterface',
        'SecurityGroupId.N and PrivateIpAddresses.N.{PrivateIpAddress,Primary}',
        {
            'SubnetId': 'subnet-0123456789abcdef0',
            'Groups': ['sg-0123456789abcdef0', 'sg-0fedcba9876543210'],
            'PrivateIpAddresses': [
                {'PrivateIpAddress': '10.0.0.10', 'Primary': True},
                {'PrivateIpAddress': '10.0.0.11', 'Primary': False},
            ],
            'Description': 'd',
            'DryRun': False,
            'ClientToken': 'c0ffee00-0000-4000-8000-000000000000',
            'TagSpecifications': [{'ResourceType': 'network-interface', 'Tags': [{'Key': 'Name', 'Value': 'a b'}]}],
        },
    ),
    'modify_network_interface_attribute': (
        'ModifyNetworkInterfaceAttribute',
        'an empty string value (Description.Value=) and a nested structure with an id and a boolean',
        {
            'NetworkInterfaceId': 'eni-0123456789abcdef0',
            'Description': {'Value': ''},
            'Attachment': {'AttachmentId': 'eni-attach-0123456789abcdef0', 'DeleteOnTermination': False},
        },
    ),
    'assign_private_ip_addresses': (
        'AssignPrivateIpAddresses',
        'a list whose wire name drops the plural (PrivateIpAddresses -> PrivateIpAddress.N), integer, boolean',
        {
            'NetworkInterfaceId': 'eni-0123456789abcdef0',
            'PrivateIpAddresses': ['10.0.0.7', '10.0.0.8'],
            'SecondaryPrivateIpAddressCount': 1,
            'AllowReassignment': True,
        },
    ),
    'modify_instance_attribute_user_data': (
        'ModifyInstanceAttribute',
        'a blob (UserData.Value): botocore base64-encodes the bytes; GroupId.N',
        {
            'InstanceId': 'i-0123456789abcdef0',
            'UserData': {'Value': b'#cloud-config\npackages: [nginx]\n\x00\xff'},
        },
    ),
    'modify_instance_attribute_groups': (
        'ModifyInstanceAttribute',
        'a list whose wire name is GroupId.N for model member Groups; a structured boolean',
        {
            'InstanceId': 'i-1a2b3c4d',
            'Groups': ['sg-0123456789abcdef0', 'sg-1a2b3c4d'],
            'SourceDestCheck': {'Value': False},
        },
    ),
    'import_key_pair': (
        'ImportKeyPair',
        'a top-level blob (PublicKeyMaterial)',
        {'KeyName': 'k1', 'PublicKeyMaterial': b'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample user@host'},
    ),
}


def to_expected(value, shape):
    """The parsed input the server must produce for `value` of `shape` (see the module docstring)."""
    if shape.type_name == 'structure':
        out = {}
        for name, v in value.items():
            member = shape.members[name]
            parsed = to_expected(v, member)
            if parsed is not None:
                out[name] = parsed
        return out
    if shape.type_name == 'list':
        if not value:
            return None
        return [to_expected(v, shape.member) for v in value]
    if shape.type_name == 'timestamp':
        v = value.astimezone(UTC)
        return {'$timestamp': v.strftime('%Y-%m-%dT%H:%M:%S') + '.%03dZ' % (v.microsecond // 1000)}
    if shape.type_name == 'blob':
        raw = value.encode('utf-8') if isinstance(value, str) else value
        return base64.b64encode(raw).decode('ascii')
    return value


def main():
    session = botocore.session.get_session()
    client = session.create_client(
        'ec2', region_name='us-east-1', endpoint_url='http://x', aws_access_key_id='a', aws_secret_access_key='b'
    )
    model = client.meta.service_model
    serializer = botocore.serialize.create_serializer('ec2')
    os.makedirs(OUT_DIR, exist_ok=True)
    written = set()
    for name, (operation, covers, params) in CASES.items():
        op = model.operation_model(operation)
        given = params
        params = copy.deepcopy(given)
        # What the client does before serializing (e.g. base64 for RunInstances UserData).
        client.meta.events.emit(
            f'before-parameter-build.ec2.{operation}', params=params, model=op, context={}
        )
        for member, shape in op.input_shape.members.items():
            if shape.metadata.get('idempotencyToken') and member not in given:
                sys.exit(f'{name}: pass {member} explicitly, or the client fills in a random one')
        request = serializer.serialize_to_request(params, op)
        body = AWSRequest(method='POST', url='http://x/', data=request['body']).prepare().body
        if isinstance(body, bytes):
            body = body.decode('ascii')
        fixture = {
            'operation': operation,
            'covers': covers,
            'client': f'botocore {botocore.__version__} EC2 serializer',
            'query': body,
            'expected': to_expected(params, op.input_shape),
        }
        path = os.path.join(OUT_DIR, f'{name}.json')
        with open(path, 'w', encoding='utf-8') as f:
            json.dump(fixture, f, indent=2, ensure_ascii=False)
            f.write('\n')
        written.add(f'{name}.json')
    stale = sorted(set(os.listdir(OUT_DIR)) - written)
    for f in stale:
        os.remove(os.path.join(OUT_DIR, f))
    print(f'wrote {len(written)} fixtures to {os.path.relpath(OUT_DIR, ROOT)}' + (f', removed {stale}' if stale else ''))


if __name__ == '__main__':
    main()
