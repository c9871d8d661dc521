import { DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import { expectEc2Error, rawQuery, TestServer } from '../helpers/server';
import { useTestServer } from '../helpers/env';

let t: TestServer;
useTestServer({}, (env) => ({ t } = env));

describe('DescribeRegions', () => {
  it('lists AWS regions with endpoints and opt-in status', async () => {
    const out = await t.ec2.send(new DescribeRegionsCommand({}));
    const names = out.Regions!.map((r) => r.RegionName);
    expect(names).toEqual(expect.arrayContaining(['us-east-1', 'eu-west-1', 'ap-southeast-2']));
    expect(out.Regions!.find((r) => r.RegionName === 'eu-west-1')).toEqual({
      RegionName: 'eu-west-1',
      Endpoint: 'ec2.eu-west-1.amazonaws.com',
      OptInStatus: 'opt-in-not-required',
    });
  });

  it('filters by region-name with wildcards', async () => {
    const out = await t.ec2.send(new DescribeRegionsCommand({ Filters: [{ Name: 'region-name', Values: ['eu-west-?'] }] }));
    expect(out.Regions!.map((r) => r.RegionName)).toEqual(['eu-west-1', 'eu-west-2', 'eu-west-3']);
  });

  it('rejects an unknown filter name', async () => {
    await expectEc2Error(t.ec2.send(new DescribeRegionsCommand({ Filters: [{ Name: 'bogus', Values: ['x'] }] })), {
      code: 'InvalidParameterValue',
      message: "The filter 'bogus' is invalid",
    });
  });

  it('answers DryRun with 412 DryRunOperation', async () => {
    await expectEc2Error(t.ec2.send(new DescribeRegionsCommand({ DryRun: true })), {
      code: 'DryRunOperation',
      message: 'Request would have succeeded, but DryRun flag is set.',
      status: 412,
    });
  });

  it('rejects unknown parameters over raw HTTP', async () => {
    const res = await rawQuery(t.url, { Action: 'DescribeRegions', Version: '2016-11-15', Bogus: '1' });
    expect(res).toMatchObject({ status: 400, code: 'UnknownParameter', message: 'The parameter Bogus is not recognized' });
  });
});
