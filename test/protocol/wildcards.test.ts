/**
 * Wildcard filter values (`*`, `?`, backslash escapes) run in SQL (GLOB) like exact ones, on tags and on every
 * filter with a column: the same answers as EC2's matching, including characters GLOB would read as syntax.
 */
import { CreateTagsCommand, CreateVpcCommand, DescribeVpcsCommand, type Filter } from '@aws-sdk/client-ec2';
import { compileFilters, type FilterSpec } from '../../src/filters/engine';
import { useTestServer } from '../helpers/env';
import type { TestServer } from '../helpers/server';

let t: TestServer;
useTestServer({}, (env) => ({ t } = env));

const NAMES = ['web-1', 'web-22', 'web-*', 'web-[a]', 'web?', 'db-1', 'Web-1', 'a\\b'];
const byName = new Map<string, string>();

beforeAll(async () => {
  for (const name of NAMES) {
    const { Vpc } = await t.ec2.send(new CreateVpcCommand({ CidrBlock: '10.1.0.0/16' }));
    await t.ec2.send(new CreateTagsCommand({ Resources: [Vpc!.VpcId!], Tags: [{ Key: 'Name', Value: name }, { Key: `k-${name}`, Value: 'v' }] }));
    byName.set(Vpc!.VpcId!, name);
  }
});

const names = async (...Filters: Filter[]) =>
  ((await t.ec2.send(new DescribeVpcsCommand({ Filters }))).Vpcs ?? [])
    .map((v) => byName.get(v.VpcId!))
    .filter((n) => n !== undefined)
    .sort();

it.each<[string, string[], string[]]>([
  ['a prefix', ['web-*'], ['web-*', 'web-1', 'web-22', 'web-[a]']],
  ['? is one character', ['web-?'], ['web-*', 'web-1']],
  ['case-sensitive', ['Web*'], ['Web-1']],
  ['an escaped * is literal', ['web-\\*'], ['web-*']],
  ['an escaped ? is literal', ['web\\?'], ['web?']],
  ['[ is literal (GLOB would read a class)', ['web-[a]'], ['web-[a]']],
  ['[ under a wildcard', ['*[*'], ['web-[a]']],
  ['an escaped backslash', ['a\\\\b'], ['a\\b']],
  ['several values OR together, exact and wildcard mixed', ['db-1', '*22'], ['db-1', 'web-22']],
])('tag:Name %s', async (_label, values, expected) => {
  expect(await names({ Name: 'tag:Name', Values: values })).toEqual(expected);
});

it('tag-key and tag-value take wildcards too', async () => {
  expect(await names({ Name: 'tag-key', Values: ['k-db*'] })).toEqual(['db-1']);
  expect(await names({ Name: 'tag-value', Values: ['db-?'] })).toEqual(['db-1']);
  expect(await names({ Name: 'tag-value', Values: ['*-2?'] })).toEqual(['web-22']);
});

it('a filter with a column (cidr) takes wildcards in SQL as well', async () => {
  expect((await names({ Name: 'cidr', Values: ['10.1.*'] })).length).toBe(NAMES.length);
  expect(await names({ Name: 'cidr', Values: ['10.2.*'] })).toEqual([]);
});

it('wildcards on tags and columns are pushed down: nothing is left to match in JS', () => {
  const spec: FilterSpec<{ id: string }> = { idSql: 'x.id', tags: () => [], fields: { name: { get: (x) => x.id, sql: 'x.name' } } };
  const scope = { account: '123456789012', region: 'us-east-1' };
  const compiled = compileFilters(spec, [{ Name: 'tag:Name', Values: ['web-*'] }, { Name: 'tag-value', Values: ['a?'] }, { Name: 'name', Values: ['*z', 'y'] }], scope);
  expect(compiled.needsScan).toBe(false);
  expect(compiled.clauses.map((c) => c.sql)).toEqual([
    'x.id IN (SELECT tg.resource_id FROM tags AS tg WHERE tg.account = ? AND tg.region = ? AND tg.key = ? AND tg.value GLOB ?)',
    'x.id IN (SELECT tg.resource_id FROM tags AS tg WHERE tg.account = ? AND tg.region = ? AND tg.value GLOB ?)',
    'EXISTS (SELECT 1 FROM json_each(?) AS p WHERE x.name GLOB p.value)',
  ]);
});
