/**
 * Wildcard filter values (`*`, `?`, backslash escapes) run in SQL (GLOB) like exact ones, on tags and on every
 * filter with a column: the same answers as EC2's matching, including characters GLOB would read as syntax.
 */
import { CreateTagsCommand, CreateVpcCommand, DeleteTagsCommand, DescribeVpcsCommand, type Filter } from '@aws-sdk/client-ec2';
import { compileFilters, type FilterSpec } from '../../src/filters/engine';
import { useTestServer } from '../helpers/env';
import type { TestServer } from '../helpers/server';

let t: TestServer;
useTestServer({}, (env) => ({ t } = env));

const NAMES = ['web-1', 'web-22', 'web-*', 'web-[a]', 'web?', 'db-1', 'Web-1', 'a\\b', 'x😀y'];
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
  ['an escaped backslash, then a wildcard', ['a\\\\*'], ['a\\b']],
  ['an escaped backslash, then an escaped *', ['web-\\\\\\*'], []],
  ['several values OR together, exact and wildcard mixed', ['db-1', '*22'], ['db-1', 'web-22']],
  // a leading * and no other wildcard: answered from the reversed values (schema 027), the same answers
  ['a suffix', ['*-22'], ['web-22']],
  ['a suffix is case-sensitive', ['*eb-1'], ['Web-1', 'web-1']],
  ['a suffix after several *', ['***-1'], ['Web-1', 'db-1', 'web-1']],
  ['a suffix with an escaped *', ['*-\\*'], ['web-*']],
  ['a suffix with [ and ]', ['*[a]'], ['web-[a]']],
  ['a suffix with an escaped backslash', ['*\\\\b'], ['a\\b']],
  ['a suffix across a character outside the BMP', ['*😀y'], ['x😀y']],
  ['a suffix that is the whole value', ['*db-1'], ['db-1']],
  ['a suffix that matches nothing', ['*-3'], []],
])('tag:Name %s', async (_label, values, expected) => {
  expect(await names({ Name: 'tag:Name', Values: values })).toEqual(expected);
});

it('tag-key and tag-value take wildcards too', async () => {
  expect(await names({ Name: 'tag-key', Values: ['k-db*'] })).toEqual(['db-1']);
  expect(await names({ Name: 'tag-value', Values: ['db-?'] })).toEqual(['db-1']);
  expect(await names({ Name: 'tag-value', Values: ['*-2?'] })).toEqual(['web-22']);
});

it('a suffix filter follows a tag whose value changed, and forgets a deleted one', async () => {
  const { Vpc } = await t.ec2.send(new CreateVpcCommand({ CidrBlock: '10.1.0.0/16' }));
  const id = Vpc!.VpcId!;
  const suffixed = async (pattern: string) =>
    ((await t.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'tag:Role', Values: [pattern] }] }))).Vpcs ?? []).map((v) => v.VpcId);
  await t.ec2.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: 'Role', Value: 'front-old' }] }));
  expect(await suffixed('*-old')).toEqual([id]);
  await t.ec2.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: 'Role', Value: 'front-new' }] }));
  expect(await suffixed('*-old')).toEqual([]);
  expect(await suffixed('*-new')).toEqual([id]);
  await t.ec2.send(new DeleteTagsCommand({ Resources: [id], Tags: [{ Key: 'Role' }] }));
  expect(await suffixed('*-new')).toEqual([]);
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
  // a suffix (leading * only) adds a range over the reversed values; the GLOB on value stays and decides
  const suffix = compileFilters(spec, [{ Name: 'tag:Name', Values: ['*-w\\*b'] }], scope).clauses[0];
  expect(suffix.sql).toBe(
    'x.id IN (SELECT tg.resource_id FROM tags AS tg WHERE tg.account = ? AND tg.region = ? AND tg.key = ? AND tg.value_reversed GLOB ? AND tg.value GLOB ?)',
  );
  expect(suffix.params).toEqual([scope.account, scope.region, 'Name', 'b[*]w-*', '*-w[*]b']);
});
