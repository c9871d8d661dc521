/**
 * Route-state work skips its search for routes through interfaces while none exists (RouteTableRepo): the answer
 * must still find every such route, whether written through the repository now or found in a --db file.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Database, Store } from '../../src/store';

const route = (eni: string | null, cidr: string) => ({
  route_table_id: 'rtb-1',
  destination_cidr: cidr,
  gateway_id: eni ? null : 'local',
  network_interface_id: eni,
  instance_id: null,
  instance_owner_id: null,
  nat_gateway_id: null,
  origin: 'CreateRoute',
  state: 'active',
});

test('routes through an interface are found once written, also after asking while there were none', () => {
  const db = new Database(':memory:');
  db.raw.pragma('foreign_keys = OFF'); // a bare route row, without its table and interface
  const store = new Store(db);
  store.routeTables.insertRoute(route(null, '10.0.0.0/16'));
  expect(store.routeTables.routesTo({ networkInterfaceIds: ['eni-1'] })).toEqual([]);
  store.routeTables.insertRoute(route('eni-1', '0.0.0.0/0'));
  expect(store.routeTables.routesTo({ networkInterfaceIds: ['eni-1'] }).map((r) => r.destination_cidr)).toEqual(['0.0.0.0/0']);
  db.close();
});

test('a route re-pointed at an interface is found too', () => {
  const db = new Database(':memory:');
  db.raw.pragma('foreign_keys = OFF');
  const store = new Store(db);
  store.routeTables.insertRoute(route(null, '10.0.0.0/16'));
  expect(store.routeTables.routesTo({ networkInterfaceIds: ['eni-2'] })).toEqual([]);
  const local = store.routeTables.routesTo({ gatewayIds: ['local'] })[0];
  store.routeTables.updateRoute(local.seq, { gateway_id: null, network_interface_id: 'eni-2' });
  expect(store.routeTables.routesTo({ networkInterfaceIds: ['eni-2'] }).map((r) => r.destination_cidr)).toEqual(['10.0.0.0/16']);
  db.close();
});

test('a --db file that holds a route through an interface is searched from the first request', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ec2lite-interface-routes-'));
  const file = path.join(dir, 'state.db');
  try {
    const first = new Database(file);
    first.raw.pragma('foreign_keys = OFF');
    new Store(first).routeTables.insertRoute(route('eni-9', '0.0.0.0/0'));
    first.close();
    const second = new Store(new Database(file));
    expect(second.routeTables.routesTo({ networkInterfaceIds: ['eni-9'] }).map((r) => r.destination_cidr)).toEqual(['0.0.0.0/0']);
    second.db.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
