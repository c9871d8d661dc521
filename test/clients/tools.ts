/**
 * Python tools for the cross-client tests: botocore (response parser), boto3 and the aws-cli. They are installed
 * on every machine including CI; where they are missing, the tests that need them are skipped with a message
 * saying why, unless EC2LITE_REQUIRE_PYTHON_TOOLS=1 (then the missing tool is a failure).
 *
 * The check runs once per test file at load time, before any server starts (a synchronous child process
 * would otherwise block the in-process server it talks to). Everything after that is asynchronous.
 */
import { execFile, execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import * as path from 'node:path';

export type PythonTool = 'botocore' | 'boto3' | 'awsCli';

export interface PythonTools {
  /** python3 with botocore importable. */
  botocore: boolean;
  boto3: boolean;
  /** The `aws` command on PATH. */
  awsCli: boolean;
  /** Why a tool is missing, for the skip message. */
  missing: Partial<Record<PythonTool, string>>;
}

let cached: PythonTools | undefined;

export function pythonTools(): PythonTools {
  if (cached) return cached;
  const probe = 'import importlib.util as u, json; print(json.dumps({m: u.find_spec(m) is not None for m in ("botocore", "boto3")}))';
  const missing: PythonTools['missing'] = {};
  let found = { botocore: false, boto3: false };
  try {
    found = JSON.parse(execFileSync('python3', ['-c', probe], { encoding: 'utf8', timeout: 20_000 }));
    if (!found.botocore) missing.botocore = 'python3 cannot import botocore';
    if (!found.boto3) missing.boto3 = 'python3 cannot import boto3';
  } catch (e) {
    missing.botocore = missing.boto3 = `python3 is not available (${(e as Error).message.split('\n')[0]})`;
  }
  const awsCli = onPath('aws') !== undefined;
  if (!awsCli) missing.awsCli = 'the aws command (aws-cli) is not on PATH';
  cached = { ...found, awsCli, missing };
  return cached;
}

const LABEL: Record<PythonTool, string> = { botocore: 'botocore', boto3: 'boto3', awsCli: 'the aws-cli' };

/**
 * `describe` when `tool` is available, else `describe.skip` with a warning saying what is missing. With
 * EC2LITE_REQUIRE_PYTHON_TOOLS=1 a missing tool fails the suite instead of skipping it.
 */
export function describeWithTool(tool: PythonTool, name: string, fn: () => void): void {
  const tools = pythonTools();
  const why = tools[tool] ? undefined : (tools.missing[tool] ?? `${LABEL[tool]} is not available`);
  describeOrSkip(name, why, { label: LABEL[tool], requireVar: 'EC2LITE_REQUIRE_PYTHON_TOOLS', hint: 'Install it with: pip install awscli boto3' }, fn);
}

/**
 * `describe` when nothing is missing (`why` undefined); otherwise `describe.skip` with a warning on stderr, or, when
 * the environment variable `requireVar` is 1, one failing test that says what is missing.
 */
export function describeOrSkip(
  name: string,
  why: string | undefined,
  opts: { label: string; requireVar: string; hint: string },
  fn: () => void,
): void {
  if (why === undefined) {
    describe(name, fn);
    return;
  }
  if (process.env[opts.requireVar] === '1') {
    describe(name, () => {
      it(`needs ${opts.label}`, () => {
        throw new Error(`${opts.label} is required (${opts.requireVar}=1) but ${why}`);
      });
    });
    return;
  }
  // straight to stderr: jest drops console output of a file whose tests are all skipped
  process.stderr.write(`\nSKIPPED "${name}": ${why}. ${opts.hint}\n`);
  describe.skip(`${name} (skipped: ${why})`, fn);
}

/** The first directory of PATH holding an executable `command`, as a full path. */
export function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, command);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command asynchronously with execFile (the in-process server keeps answering), optionally feeding stdin. */
export function run(
  command: string,
  args: readonly string[],
  opts: { env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number; cwd?: string } = {},
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      command,
      args,
      { env: opts.env ?? process.env, cwd: opts.cwd, timeout: opts.timeoutMs ?? 30_000, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          // could not start, or killed by the timeout
          reject(new Error(`${command} ${args.join(' ')}: ${error.message}\n${stderr}`));
          return;
        }
        resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
    child.stdin?.end(opts.input ?? '');
  });
}

/**
 * Environment for Python AWS clients: fixed credentials and region, no config files, no IMDS. Retries stay at the
 * default (a 4xx is never retried; with a max-attempts setting botocore appends "(reached max retries: 0)" to
 * every error line, which is not what users see).
 */
export function awsEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const key of ['PATH', 'HOME', 'LANG', 'LC_ALL', 'PYENV_ROOT', 'PYENV_VERSION', 'PYTHONPATH', 'VIRTUAL_ENV', 'TMPDIR']) {
    if (process.env[key] !== undefined) env[key] = process.env[key];
  }
  return {
    ...env,
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'secret',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
    PYTHONDONTWRITEBYTECODE: '1',
    PYTHONIOENCODING: 'utf-8',
    ...extra,
  };
}
