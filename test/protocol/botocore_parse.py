#!/usr/bin/env python3
"""Parses ec2lite's XML with botocore's own EC2 response parser (what boto3 and the aws-cli use).

stdin:  JSON list of {"name", "operation", "status", "body"} (body = the XML ec2lite produced)
stdout: JSON object name -> {"parsed": <result without ResponseMetadata>, "requestId": <from ResponseMetadata>}

Values are made JSON-safe the way the golden fixtures write them: datetimes as {"$timestamp": "<ISO>.mmmZ"},
bytes as base64 text. A body botocore cannot parse makes the whole script fail with botocore's message.
Used by test/protocol/xmlSerializer.golden.test.ts.
"""
import base64
import datetime
import json
import sys

import botocore.parsers
import botocore.session


def json_safe(value):
    if isinstance(value, dict):
        return {k: json_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_safe(v) for v in value]
    if isinstance(value, datetime.datetime):
        v = value.astimezone(datetime.timezone.utc)
        return {'$timestamp': v.strftime('%Y-%m-%dT%H:%M:%S') + '.%03dZ' % (v.microsecond // 1000)}
    if isinstance(value, bytes):
        return base64.b64encode(value).decode('ascii')
    return value


def main():
    cases = json.load(sys.stdin)
    model = botocore.session.get_session().get_service_model('ec2')
    out = {}
    for case in cases:
        parser = botocore.parsers.create_parser('ec2')
        op = model.operation_model(case['operation'])
        parsed = parser.parse(
            {'body': case['body'].encode('utf-8'), 'status_code': case['status'], 'headers': {}},
            op.output_shape,
        )
        meta = parsed.pop('ResponseMetadata', {})
        out[case['name']] = {'parsed': json_safe(parsed), 'requestId': meta.get('RequestId')}
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == '__main__':
    main()
