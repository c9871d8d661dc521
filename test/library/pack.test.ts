/**
 * `npm pack` produces a package that installs and runs in an empty folder, as a user would get it from npm:
 *   1. stage the work tree (tracked and untracked-but-not-ignored files, as git sees them) in a temp dir and run
 *      `npm pack` there, so the `prepare` build and the `files` list are exercised without touching this repo's dist/;
 *   2. an empty project with `"allowScripts": { "better-sqlite3": true }` installs the tarball with
 *      --strict-allow-scripts, i.e. as npm behaves once it blocks unreviewed dependency install scripts (npm 11.19
 *      still runs them, with a warning); better-sqlite3's install script finds the binary this checkout compiled as a
 *      local prebuild instead of compiling SQLite again (a minute). `"file:<tarball>": false`
 *      only denies the tarball's own `prepare`, which npm counts for non-registry sources (dist/ is in the tarball);
 *   3. without the optional peers: require('ec2lite') and import('ec2lite') work, a server starts and answers one
 *      call, nothing loads @aws-sdk/*, and mockEc2lite explains what to install;
 *   4. with the peers installed: the README's examples (jest over HTTP, jest in-process, jest globalSetup, node:test)
 *      type-check against the packed .d.ts through the `exports` map (module node16, skipLibCheck off) and pass.
 * Fast where it can be: the npm cache is reused (--prefer-offline), node-gyp compiles with every core (JOBS=max).
 * KEEP_PACK_DIR=1 keeps the temp dir for inspection.
 */
import { spawn } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..');
const EXAMPLES = path.join(__dirname, 'readme-examples');
const MINUTES = 60_000;

/** The environment of a user's shell: none of the npm_* variables that `npm test` hands to its children. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && k !== 'INIT_CWD' && !k.startsWith('JEST_')) env[k] = v;
  return { ...env, JOBS: 'max', NODE_OPTIONS: '', ...extra };
}

/** Runs a command; resolves to its output (stdout and stderr interleaved), or to stdout alone with `stdoutOnly`. */
async function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = cleanEnv(), stdoutOnly = false): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let all = '';
    let stdout = '';
    child.stdout.on('data', (d) => {
      all += d;
      stdout += d;
    });
    child.stderr.on('data', (d) => (all += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(stdoutOnly ? stdout : all);
      else reject(new Error(`${cmd} ${args.join(' ')} (in ${cwd}) exited ${code}:\n${all.slice(-6000)}`));
    });
  });
}

const versionOf = (pkg: string) => (require(path.join(REPO, 'node_modules', pkg, 'package.json')) as { version: string }).version;

let tmp: string;
let consumer: string;
let tarball: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'ec2lite-pack-'));

  // 1. Stage and pack.
  const stage = path.join(tmp, 'stage');
  const files = (await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], REPO)).split('\0').filter(Boolean);
  for (const file of files) {
    const from = path.join(REPO, file);
    if (!existsSync(from)) continue; // deleted in the work tree, not yet in the index
    await fs.mkdir(path.dirname(path.join(stage, file)), { recursive: true });
    await fs.copyFile(from, path.join(stage, file));
  }
  await fs.chmod(path.join(stage, 'bin', 'ec2lite'), 0o755);
  await fs.symlink(path.join(REPO, 'node_modules'), path.join(stage, 'node_modules'), 'dir'); // tsc for `prepare`
  // `npm pack` runs the package's `prepare` (the TypeScript build), whose output may precede the JSON.
  const packOut = await run('npm', ['pack', '--json', '--pack-destination', tmp], stage, cleanEnv(), true);
  const packed = JSON.parse(packOut.slice(packOut.search(/^\[/m))) as Array<{
    filename: string;
    files: Array<{ path: string }>;
  }>;
  tarball = path.join(tmp, packed[0].filename);
  const paths = packed[0].files.map((f) => f.path);
  expect(paths).toEqual(expect.arrayContaining(['package.json', 'bin/ec2lite', 'dist/index.js', 'dist/index.d.ts', 'dist/inProcess.js', 'dist/cli.js']));
  expect(paths.some((p) => p.startsWith('schema/') && p.endsWith('.sql'))).toBe(true);
  expect(paths).toContain('fixtures/instance-types.json');
  expect(paths.filter((p) => p.startsWith('src/') || p.startsWith('test/'))).toEqual([]);
  // The benchmark and the generators are developer scripts (bench/, tools/, compiled to dist-dev/), never shipped.
  expect(paths.filter((p) => /^(bench|tools|dist-dev|dist\/bench|dist\/tools)\//.test(p))).toEqual([]);

  // 2. An empty project installs the tarball, as a user on npm 11 does. better-sqlite3's install script asks
  //    prebuild-install for a binary before it compiles, as it does for every user; here that binary is the one this
  //    checkout's own install compiled from source, packed and named as prebuild-install looks for it in a local
  //    directory, so SQLite is not compiled a second time (a minute of a core, beside the rest of the suite). Its name
  //    carries the version: if npm resolves another better-sqlite3 for the consumer, it is not found and npm compiles.
  const prebuilds = path.join(tmp, 'prebuilds');
  await fs.mkdir(prebuilds);
  const sqliteDir = path.join(REPO, 'node_modules', 'better-sqlite3');
  const prebuild = `better-sqlite3-v${versionOf('better-sqlite3')}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  await run('tar', ['-czf', path.join(prebuilds, prebuild), '-C', sqliteDir, 'build/Release/better_sqlite3.node'], REPO);
  consumer = path.join(tmp, 'consumer');
  await fs.mkdir(consumer);
  await fs.writeFile(
    path.join(consumer, 'package.json'),
    JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, allowScripts: { 'better-sqlite3': true, [`file:${tarball}`]: false } }, null, 2),
  );
  await run(
    'npm',
    ['install', tarball, '--strict-allow-scripts', '--prefer-offline', '--no-audit', '--no-fund'],
    consumer,
    cleanEnv({ npm_config_better_sqlite3_local_prebuilds: prebuilds }),
  );
  // The module loads in the consumer (the binary matches this Node), whichever way it came.
  expect(await run(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()"], consumer)).toBe('');
}, 15 * MINUTES);

afterAll(async () => {
  if (tmp && !process.env.KEEP_PACK_DIR) await fs.rm(tmp, { recursive: true, force: true });
});

it('runs without the optional peers: CommonJS and ESM entry points, one call, nothing from @aws-sdk loaded', async () => {
  await fs.writeFile(
    path.join(consumer, 'smoke.cjs'),
    `
const assert = require('node:assert/strict');
const lib = require('ec2lite');
(async () => {
  const esm = await import('ec2lite');
  assert.equal(typeof esm.startEc2lite, 'function');
  assert.equal(typeof esm.mockEc2lite, 'function');
  assert.equal(typeof esm.connectEc2lite, 'function');
  const server = await lib.startEc2lite({ region: 'eu-west-1' });
  try {
    const res = await fetch(server.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=DescribeAvailabilityZones&Version=2016-11-15',
    });
    const body = await res.text();
    assert.equal(res.status, 200, body);
    assert.match(body, /<zoneName>eu-west-1a<\\/zoneName>/);
    assert.equal(await lib.connectEc2lite(server.endpoint).advance(10), 0);
    assert.deepEqual(Object.keys(require.cache).filter((k) => k.includes('@aws-sdk') || k.includes('aws-sdk-client-mock')), []);
    assert.throws(() => lib.mockEc2lite(class EC2Client { send() {} }), /npm install --save-dev aws-sdk-client-mock @aws-sdk\\/client-ec2/);
  } finally {
    await server.stop();
  }
  console.log('smoke ok');
})().catch((e) => { console.error(e); process.exit(1); });
`,
  );
  expect(await run(process.execPath, ['smoke.cjs'], consumer)).toContain('smoke ok');
}, 2 * MINUTES);

describe('with @aws-sdk/client-ec2 and aws-sdk-client-mock installed: the README examples', () => {
  beforeAll(async () => {
    await run(
      'npm',
      [
        'install',
        '--save-dev',
        `@aws-sdk/client-ec2@${versionOf('@aws-sdk/client-ec2')}`,
        `aws-sdk-client-mock@${versionOf('aws-sdk-client-mock')}`,
        '--strict-allow-scripts',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
      ],
      consumer,
    );
    const copies: Array<[string, string]> = [
      ['ec2.jest.test.ts.example', 'ec2.test.ts'],
      ['ec2.inprocess.jest.test.ts.example', 'ec2.inprocess.test.ts'],
      ['global.jest.test.ts.example', 'global/vpc.test.ts'],
      ['jest.global-setup.js.example', 'global/jest.global-setup.js'],
      ['jest.global-teardown.js.example', 'global/jest.global-teardown.js'],
      ['ec2.node-test.test.mjs.example', 'ec2.test.mjs'],
    ];
    await fs.mkdir(path.join(consumer, 'global'), { recursive: true });
    for (const [from, to] of copies) await fs.copyFile(path.join(EXAMPLES, from), path.join(consumer, to));
  }, 5 * MINUTES);

  it('type-check against the packed types through the exports map (module node16, skipLibCheck off)', async () => {
    await fs.writeFile(
      path.join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'node16',
          moduleResolution: 'node16',
          target: 'ES2022',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          typeRoots: [path.join(REPO, 'node_modules', '@types')],
          types: ['node', 'jest'],
        },
        include: ['*.ts', 'global/*.ts'],
      }),
    );
    await run(process.execPath, [path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], consumer);
  }, 3 * MINUTES);

  it('node:test example passes', async () => {
    const out = await run(process.execPath, ['--test', 'ec2.test.mjs'], consumer);
    expect(out).toMatch(/# pass 3\b/);
    expect(out).toMatch(/# fail 0\b/);
  }, 2 * MINUTES);

  const jestConfig = (extra: Record<string, unknown>) => `module.exports = ${JSON.stringify({
    testEnvironment: 'node',
    transform: { '^.+\\.ts$': [path.join(REPO, 'node_modules', 'ts-jest'), { diagnostics: false, tsconfig: { module: 'commonjs', target: 'ES2022', esModuleInterop: true } }] },
    ...extra,
  })};`;
  const jest = (config: string) => run(process.execPath, [path.join(REPO, 'node_modules', 'jest', 'bin', 'jest.js'), '--config', config, '--ci', '--colors=false'], consumer);

  it('jest examples pass (over HTTP, and in-process)', async () => {
    await fs.writeFile(path.join(consumer, 'jest.config.js'), jestConfig({ rootDir: consumer, testMatch: ['<rootDir>/ec2*.test.ts'] }));
    const out = await jest('jest.config.js');
    expect(out).toMatch(/Tests:\s+3 passed, 3 total/);
  }, 3 * MINUTES);

  it('jest globalSetup example passes', async () => {
    await fs.writeFile(
      path.join(consumer, 'global', 'jest.config.js'),
      jestConfig({
        rootDir: path.join(consumer, 'global'),
        testMatch: ['<rootDir>/*.test.ts'],
        globalSetup: '<rootDir>/jest.global-setup.js',
        globalTeardown: '<rootDir>/jest.global-teardown.js',
      }),
    );
    const out = await jest('global/jest.config.js');
    expect(out).toMatch(/Tests:\s+1 passed, 1 total/);
  }, 3 * MINUTES);
});
