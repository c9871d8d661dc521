/**
 * What the built server loads before it listens (docs/decisions.md "Running it"): Express and the admin routers only
 * on the first admin request, so an EC2-only client never pays for them at start-up. Runs the built dist/ in a
 * child process, where require.cache shows what was loaded (jest keeps a registry of its own).
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';

const DIST = path.resolve(__dirname, '..', '..', 'dist');

const script = `
const { Runtime } = require(${JSON.stringify(path.join(DIST, 'core', 'runtime'))});
const { listen } = require(${JSON.stringify(path.join(DIST, 'server', 'server'))});
const loaded = (pkg) => Object.keys(require.cache).some((k) => k.includes('/node_modules/' + pkg + '/'));
(async () => {
  const server = await listen(new Runtime({ db: ':memory:', logLevel: 'silent' }), 0, '127.0.0.1');
  const ec2 = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=DescribeRegions&Version=2016-11-15' });
  const afterEc2 = { status: ec2.status, express: loaded('express'), bodyParser: loaded('body-parser') };
  const admin = await fetch(server.url + '/_ec2lite/backend');
  const afterAdmin = { status: admin.status, body: await admin.json(), express: loaded('express') };
  await server.close();
  process.stdout.write(JSON.stringify({ afterEc2, afterAdmin }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

test('Express loads on the first admin request, not at start-up nor for EC2 calls', async () => {
  const out = await new Promise<string>((resolve, reject) =>
    execFile(process.execPath, ['-e', script], (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout))),
  );
  const { afterEc2, afterAdmin } = JSON.parse(out);
  expect(afterEc2).toEqual({ status: 200, express: false, bodyParser: false });
  expect(afterAdmin.status).toBe(200);
  expect(afterAdmin.body).toEqual(expect.objectContaining({ paused: false }));
  expect(afterAdmin.express).toBe(true);
}, 30_000);
