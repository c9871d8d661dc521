/**
 * The topology view's JSON (/_ec2lite/ui/state), without a browser: read-only (an unused scope stays unused: no
 * default VPC appears), a version that only moves when something changed, and the same facts the Describe calls give.
 */
import { CreateVpcCommand, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { createNetwork, runOne } from '../helpers/network';
import { TestServer } from '../helpers/server';

import type { UiTopology } from '../../src/ui/topology';
import { useTestServer } from '../helpers/env';

let t: TestServer;
useTestServer({}, (env) => ({ t } = env));

const state = async (query = ''): Promise<UiTopology> => (await fetch(`${t.url}/_ec2lite/ui/state${query}`)).json() as Promise<UiTopology>;

it('an account and region nobody used shows empty and stays unused (viewing creates no default VPC)', async () => {
  const first = await state('?account=210987654321&region=eu-west-1');
  expect(first).toMatchObject({ account: '210987654321', region: 'eu-west-1', vpcs: [], scopes: [] });
  expect((await state()).scopes).toEqual([]);
  expect(t.runtime.store.scopes.all()).toEqual([]);
});

it('the version stays while nothing changes and moves with a write; the topology matches DescribeVpcs', async () => {
  await t.ec2.send(new CreateVpcCommand({ CidrBlock: '10.9.0.0/16' }));
  const a = await state();
  t.advance(60_000); // time alone changes nothing
  const b = await state();
  expect(b.version).toBe(a.version);
  const net = await createNetwork(t.ec2, '10.8.0.0/16');
  const instance = await runOne(t.ec2, { SubnetId: net.subnetA1 });
  const c = await state();
  expect(c.version).not.toBe(a.version);
  const described = (await t.ec2.send(new DescribeVpcsCommand({}))).Vpcs!.map((v) => v.VpcId).sort();
  expect(c.vpcs.map((v) => v.id).sort()).toEqual(described);
  expect(c.scopes).toEqual([{ account: '123456789012', region: 'us-east-1' }]);
  const subnet = c.vpcs.find((v) => v.id === net.vpcId)!.subnets.find((s) => s.id === net.subnetA1)!;
  expect(subnet.instances.map((i) => [i.id, i.state, i.eniLimit, i.interfaces.map((n) => n.deviceIndex)])).toEqual([
    [instance.InstanceId, 'running', 3, [0]],
  ]);
});

it('the page and its assets are served; unknown assets are 404', async () => {
  const page = await fetch(`${t.url}/_ec2lite/ui/`);
  expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
  expect(await page.text()).toContain('<script src="app.js"></script>');
  const js = await fetch(`${t.url}/_ec2lite/ui/app.js`);
  expect([js.status, js.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
  expect((await fetch(`${t.url}/_ec2lite/ui/..%2F..%2Fpackage.json`)).status).toBe(404);
  expect((await fetch(`${t.url}/_ec2lite/ui/index.ts`)).status).toBe(404);
  const redirect = await fetch(`${t.url}/_ec2lite/ui`, { redirect: 'manual' });
  expect([redirect.status, redirect.headers.get('location')]).toEqual([301, '/_ec2lite/ui/']);
});
