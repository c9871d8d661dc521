"""boto3 with a retry mode ("standard" or "adaptive") against an ec2lite whose fault plan the caller has set.

Usage: boto3_retries.py ENDPOINT MODE. Calls DescribeVpcs, DescribeRegions, DescribeAvailabilityZones and
DescribeKeyPairs once each, as a user's code would, and prints JSON: per call, whether it succeeded (or the error
code) and how many retries botocore made (ResponseMetadata.RetryAttempts). botocore's back-off delay is set to 0
and the adaptive rate limiter's clock is virtual (its sleeps move that clock instead of waiting), so the test does
not sleep for seconds; the retry decisions, the retry quota and the limiter's rate logic are untouched.
"""
import json
import sys
import threading

import boto3
import botocore.retries.bucket as bucket
import botocore.retries.standard as standard
from botocore.config import Config
from botocore.exceptions import ClientError

standard.ExponentialBackoff.delay_amount = lambda self, context: 0


class VirtualClock(bucket.Clock):
    offset = 0.0

    def sleep(self, amount):
        VirtualClock.offset += amount

    def current_time(self):
        return super().current_time() + VirtualClock.offset


class VirtualCondition(threading.Condition):
    def wait(self, timeout=None):
        VirtualClock.offset += timeout or 0
        return True


bucket.Clock = VirtualClock
_init = bucket.TokenBucket.__init__


def _virtual_init(self, *args, **kwargs):
    _init(self, *args, **kwargs)
    self._new_fill_rate_condition = VirtualCondition()


bucket.TokenBucket.__init__ = _virtual_init

endpoint, mode = sys.argv[1], sys.argv[2]
ec2 = boto3.client("ec2", endpoint_url=endpoint, region_name="us-east-1",
                   config=Config(retries={"mode": mode}))
out = {}
for name, call in [("DescribeVpcs", ec2.describe_vpcs), ("DescribeRegions", ec2.describe_regions),
                   ("DescribeAvailabilityZones", ec2.describe_availability_zones),
                   ("DescribeKeyPairs", ec2.describe_key_pairs)]:
    try:
        meta = call()["ResponseMetadata"]
        out[name] = {"ok": True, "retries": meta["RetryAttempts"]}
    except ClientError as e:
        out[name] = {"ok": False, "code": e.response["Error"]["Code"], "status": e.response["ResponseMetadata"]["HTTPStatusCode"],
                     "retries": e.response["ResponseMetadata"]["RetryAttempts"], "message": e.response["Error"]["Message"]}
print(json.dumps(out))
