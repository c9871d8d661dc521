"""Reads an instance's network interfaces through botocore's own IMDS client, as an SDK on an instance would.

The endpoint comes from AWS_EC2_METADATA_SERVICE_ENDPOINT through botocore's session config (the way boto3
resolves it). Prints JSON: the token outcome, the region botocore derives, the primary MAC and, per MAC, every
key the interface directory lists with its value.
"""
import json
import sys

import botocore.session
from botocore.utils import IMDSFetcher, InstanceMetadataRegionFetcher

session = botocore.session.get_session()
config = {
    'ec2_metadata_service_endpoint': session.get_config_variable('ec2_metadata_service_endpoint'),
    'ec2_metadata_service_endpoint_mode': session.get_config_variable('ec2_metadata_service_endpoint_mode'),
}
fetcher = IMDSFetcher(timeout=5, num_attempts=1, config=config)
token = fetcher._fetch_metadata_token()


def get(path):
    response = fetcher._get_request('latest/meta-data/' + path, lambda r: False, token)
    if response.status_code != 200:
        return None
    return response.text


macs = {}
for entry in (get('network/interfaces/macs/') or '').splitlines():
    mac = entry.rstrip('/')
    keys = {}
    for key in (get(f'network/interfaces/macs/{mac}/') or '').splitlines():
        if key.endswith('/'):
            sub = key.rstrip('/')
            keys[sub] = {k: get(f'network/interfaces/macs/{mac}/{sub}/{k}') for k in (get(f'network/interfaces/macs/{mac}/{sub}/') or '').splitlines()}
        else:
            keys[key] = get(f'network/interfaces/macs/{mac}/{key}')
    macs[mac] = keys

region = InstanceMetadataRegionFetcher(timeout=5, num_attempts=1, config=config).retrieve_region()
json.dump(
    {
        'endpoint': fetcher.get_base_url(),
        'token': token is not None,
        'region': region,
        'instanceId': get('instance-id'),
        'mac': get('mac'),
        'macs': macs,
    },
    sys.stdout,
)
