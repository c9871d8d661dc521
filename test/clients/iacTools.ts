/**
 * Terraform and Ansible for the client suites, found once per test file at load time (synchronously, before any
 * server starts, as tools.ts does for Python's tools). Nothing is downloaded: Terraform's AWS provider must be in a
 * local filesystem mirror, and Ansible's amazon.aws collection and a Python with boto3 must be installed. Where a
 * piece is missing the suite is skipped with the reason, unless EC2LITE_REQUIRE_TERRAFORM=1 /
 * EC2LITE_REQUIRE_ANSIBLE=1 (then it fails).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describeOrSkip, onPath } from './tools';

export interface TerraformSetup {
  terraform: string;
  /** A filesystem mirror holding registry.terraform.io/hashicorp/aws/5.x/<os>_<arch>/ (`terraform init -plugin-dir`). */
  pluginDir: string;
}

export interface AnsibleSetup {
  playbook: string;
  /** A Python that imports boto3, for the modules (Debian's ansible runs on /usr/bin/python3, which may lack it). */
  python: string;
}

const PLATFORM = `${os.platform()}_${({ x64: 'amd64', arm64: 'arm64' } as Record<string, string>)[os.arch()] ?? os.arch()}`;

/** Mirror directories to look in: $EC2LITE_TF_PLUGIN_DIR, then the usual places. */
function mirrorCandidates(): string[] {
  const home = os.homedir();
  return [
    process.env.EC2LITE_TF_PLUGIN_DIR,
    '/opt/tf-plugins',
    path.join(home, '.terraform.d', 'plugins'),
    path.join(home, '.local', 'share', 'terraform', 'plugins'),
    '/usr/local/share/terraform/plugins',
    '/usr/share/terraform/plugins',
  ].filter((d): d is string => !!d);
}

/** The first mirror holding a 5.x AWS provider for this platform (the configurations are written for 5.x). */
function findAwsProviderMirror(): string | undefined {
  for (const dir of mirrorCandidates()) {
    const versions = path.join(dir, 'registry.terraform.io', 'hashicorp', 'aws');
    let entries: string[];
    try {
      entries = readdirSync(versions);
    } catch {
      continue;
    }
    if (entries.some((v) => v.startsWith('5.') && existsSync(path.join(versions, v, PLATFORM)))) return dir;
  }
  return undefined;
}

let terraformCached: TerraformSetup | string | undefined;

/** The setup, or why it is missing. */
export function terraformSetup(): TerraformSetup | string {
  if (terraformCached !== undefined) return terraformCached;
  const terraform = onPath('terraform');
  const pluginDir = findAwsProviderMirror();
  if (!terraform) terraformCached = 'the terraform command is not on PATH';
  else if (!pluginDir) {
    terraformCached = `no filesystem mirror with the AWS provider 5.x for ${PLATFORM} (looked in ${mirrorCandidates().join(', ')}; set EC2LITE_TF_PLUGIN_DIR)`;
  } else terraformCached = { terraform, pluginDir };
  return terraformCached;
}

let ansibleCached: AnsibleSetup | string | undefined;

export function ansibleSetup(): AnsibleSetup | string {
  if (ansibleCached !== undefined) return ansibleCached;
  ansibleCached = probeAnsible();
  return ansibleCached;
}

function probeAnsible(): AnsibleSetup | string {
  const playbook = onPath('ansible-playbook');
  if (!playbook) return 'the ansible-playbook command is not on PATH';
  try {
    const list = execFileSync('ansible-galaxy', ['collection', 'list', 'amazon.aws'], { encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'ignore'] });
    if (!/^amazon\.aws\s+\d/m.test(list)) return 'the amazon.aws collection is not installed';
  } catch {
    return 'the amazon.aws collection is not installed (ansible-galaxy collection list amazon.aws failed)';
  }
  const probe = 'import boto3, sys; print(sys.executable)';
  for (const candidate of [onPath('python3'), '/usr/bin/python3']) {
    if (!candidate) continue;
    try {
      return { playbook, python: execFileSync(candidate, ['-c', probe], { encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim() };
    } catch {
      // no boto3 there
    }
  }
  return 'no python3 that can import boto3 (amazon.aws needs it)';
}

export function describeWithTerraform(name: string, fn: (setup: TerraformSetup) => void): void {
  const setup = terraformSetup();
  const opts = { label: 'Terraform', requireVar: 'EC2LITE_REQUIRE_TERRAFORM', hint: 'Install terraform and mirror hashicorp/aws 5.x locally (terraform providers mirror DIR)' };
  describeOrSkip(name, typeof setup === 'string' ? setup : undefined, opts, () => fn(setup as TerraformSetup));
}

export function describeWithAnsible(name: string, fn: (setup: AnsibleSetup) => void): void {
  const setup = ansibleSetup();
  const opts = { label: 'Ansible', requireVar: 'EC2LITE_REQUIRE_ANSIBLE', hint: 'Install ansible with the amazon.aws collection and boto3' };
  describeOrSkip(name, typeof setup === 'string' ? setup : undefined, opts, () => fn(setup as AnsibleSetup));
}

const README = path.resolve(__dirname, '..', '..', 'README.md');

/**
 * The fenced block of language `lang` that follows the README heading `heading` (its first one), so the suites run
 * the quick starts word for word; only the endpoint is swapped for the test server's.
 */
export function readmeBlock(heading: string, lang: string, endpoint: string): string {
  const text = readFileSync(README, 'utf8');
  const start = text.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`README has no "## ${heading}" section`);
  const fence = text.indexOf(`\n\`\`\`${lang}\n`, start);
  const nextSection = text.indexOf('\n## ', start + 1);
  if (fence < 0 || (nextSection >= 0 && fence > nextSection)) throw new Error(`README "## ${heading}" has no \`\`\`${lang} block`);
  const body = text.slice(fence + lang.length + 5, text.indexOf('\n```\n', fence + 1) + 1);
  if (!body.includes('http://127.0.0.1:9750')) throw new Error(`README "## ${heading}" block does not use http://127.0.0.1:9750`);
  return body.split('http://127.0.0.1:9750').join(endpoint);
}
