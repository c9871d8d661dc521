/**
 * What the built server loads before it listens (docs/decisions.md "Running it"): Express and the admin routers only
 * on the first admin request, so an EC2-only client never pays for them at start-up, and each action's module on
 * the action's first call. Runs the built dist/ in a child process, where require.cache shows what was loaded (jest
 * keeps a registry of its own).
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';

const DIST = path.resolve(__dirname, '..', '..', 'dist');

const script = `
const { Runtime } = require(${JSON.stringify(path.join(DIST, 'core', 'runtime'))});
const { listen } = require(${JSON.stringify(path.join(DIST, 'server', 'server'))});
const loaded = (pkg) => Object.keys(require.cache).some((k) => k.includes('/node_modules/' + pkg + '/'));
const actionModules = () => Object.keys(require.cache).filter((k) => k.includes('/dist/actions/')).map((k) => k.split('/').pop()).sort();
(async () => {
  const server = await listen(new Runtime({ db: ':memory:', logLevel: 'silent' }), 0, '127.0.0.1');
  const actionsAtStart = actionModules();
  const ec2 = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=DescribeRegions&Version=2016-11-15' });
  const afterEc2 = { status: ec2.status, express: loaded('express'), bodyParser: loaded('body-parser'), actions: actionModules() };
  const admin = await fetch(server.url + '/_ec2lite/backend');
  const afterAdmin = { status: admin.status, body: await admin.json(), express: loaded('express') };
  await server.close();
  process.stdout.write(JSON.stringify({ actionsAtStart, afterEc2, afterAdmin }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

test('Express loads on the first admin request, not at start-up nor for EC2 calls; an action on its first call', async () => {
  const out = await new Promise<string>((resolve, reject) =>
    execFile(process.execPath, ['-e', script], (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout))),
  );
  const { actionsAtStart, afterEc2, afterAdmin } = JSON.parse(out);
  // each action's module loads on its first call (src/actions/index.ts), not the 320 at start-up
  expect(actionsAtStart).toEqual(['index.js']);
  expect(afterEc2).toEqual({ status: 200, express: false, bodyParser: false, actions: ['DescribeRegions.js', 'define.js', 'index.js'] });
  expect(afterAdmin.status).toBe(200);
  expect(afterAdmin.body).toEqual(expect.objectContaining({ paused: false }));
  expect(afterAdmin.express).toBe(true);
}, 30_000);
