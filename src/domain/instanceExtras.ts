/**
 * Instance extras (docs/behavior.md "Instance extras"): the CPU credit option, CPU options, detailed monitoring, the console
 * output and the Windows password blob. Nothing here runs anything: the console is what a Linux boot with cloud-init prints,
 * the password is encrypted with the key pair's public key so a client can decrypt it as it would on AWS.
 */
import { constants, createPublicKey, publicEncrypt } from 'node:crypto';
import type { RequestContext } from '../core/context';
import { ConsoleErrors, CreditFailures, InstanceErrors } from '../errors';
import type { InstanceRow } from '../store/rows';
import { chosenCredits } from './accountSettings';
import { requireStopped } from './instanceAttributes';
import { isBurstable, requireInstances } from './instances';
import { rsaPublicKeyPem } from './keyMaterial';

/**
 * MonitorInstances / UnmonitorInstances: the instance answers `pending` (`disabling`) and the back end's next step
 * makes it `enabled` (`disabled`), as CloudWatch's switch-over does. An instance already there stays as it is.
 */
export function setDetailedMonitoring(ctx: RequestContext, ids: readonly string[], enable: boolean): { InstanceId: string; State: string }[] {
  const [via, to] = enable ? ['pending', 'enabled'] : ['disabling', 'disabled'];
  return requireInstances(ctx, ids).map((i) => {
    if (i.monitoring === to) {
      ctx.backend.cancel('instance-monitoring', i.id);
      return { InstanceId: i.id, State: to };
    }
    ctx.store.instances.update(i.id, { monitoring: via });
    ctx.backend.schedule(ctx.scope, 'instance-monitoring', i.id, via, to, ctx.now);
    return { InstanceId: i.id, State: via };
  });
}

/** The back end: monitoring reaches `enabled` or `disabled`. */
export function applyMonitoringTransition(ctx: RequestContext, instanceId: string, to: string): void {
  if (ctx.store.instances.get(ctx.scope, instanceId)) ctx.store.instances.update(instanceId, { monitoring: to });
}

/** An instance's CPU options as stored: null counts show the type's defaults. */
export interface CpuChoice {
  core_count: number | null;
  threads_per_core: number | null;
  amd_sev_snp: string | null;
}

/**
 * RunInstances' CpuOptions (and a launch template's): both counts or neither (AWS's rule and message), each from
 * the type's ValidCores / ValidThreadsPerCore; a type that lists none (T2, bare metal) takes no counts.
 */
export function launchCpuOptions(ctx: RequestContext, instanceType: string, spec: { CoreCount?: number; ThreadsPerCore?: number; AmdSevSnp?: string } | undefined): CpuChoice {
  const choice: CpuChoice = { core_count: null, threads_per_core: null, amd_sev_snp: spec?.AmdSevSnp ?? null };
  if (spec?.CoreCount === undefined && spec?.ThreadsPerCore === undefined) return choice;
  if (spec.CoreCount === undefined || spec.ThreadsPerCore === undefined) throw InstanceErrors.cpuOptionsBoth();
  return { ...choice, ...checkCpuCounts(ctx, instanceType, spec.CoreCount, spec.ThreadsPerCore) };
}

/** ModifyInstanceCpuOptions: a stopped instance's counts, checked as at launch. */
export function modifyCpuOptions(ctx: RequestContext, instanceId: string, coreCount: number, threadsPerCore: number): InstanceRow {
  const [instance] = requireInstances(ctx, [instanceId]);
  requireStopped(instance);
  ctx.store.instances.update(instance.id, checkCpuCounts(ctx, instance.instance_type, coreCount, threadsPerCore));
  return ctx.store.instances.get(ctx.scope, instance.id)!;
}

function checkCpuCounts(ctx: RequestContext, instanceType: string, coreCount: number, threadsPerCore: number): Pick<CpuChoice, 'core_count' | 'threads_per_core'> {
  const v = ctx.instanceTypes.get(instanceType)?.VCpuInfo;
  if (!v?.ValidCores?.length || !v.ValidThreadsPerCore?.length) throw InstanceErrors.cpuOptionsUnsupported(instanceType);
  if (!v.ValidCores.includes(coreCount)) throw InstanceErrors.cpuOptionValue('CoreCount', coreCount, instanceType);
  if (!v.ValidThreadsPerCore.includes(threadsPerCore)) throw InstanceErrors.cpuOptionValue('ThreadsPerCore', threadsPerCore, instanceType);
  return { core_count: coreCount, threads_per_core: threadsPerCore };
}

export interface CreditChange {
  InstanceId?: string;
  CpuCredits?: string;
}

export interface CreditOutcome {
  successful: string[];
  unsuccessful: { InstanceId: string; Error: { Code: string; Message: string } }[];
}

/**
 * ModifyInstanceCreditSpecification: each instance succeeds or fails on its own (AWS's error codes per item);
 * a value other than standard / unlimited fails the whole request.
 */
export function modifyCreditSpecifications(ctx: RequestContext, changes: readonly CreditChange[]): CreditOutcome {
  const out: CreditOutcome = { successful: [], unsuccessful: [] };
  for (const c of changes) {
    if (c.CpuCredits !== 'standard' && c.CpuCredits !== 'unlimited') throw InstanceErrors.attributeValue('CpuCredits', c.CpuCredits ?? '');
  }
  const found = ctx.store.instances.getMany(ctx.scope, changes.map((c) => c.InstanceId ?? ''));
  for (const c of changes) {
    const id = c.InstanceId ?? '';
    const fail = (e: { code: string; message: string }) => out.unsuccessful.push({ InstanceId: id, Error: { Code: e.code, Message: e.message } });
    if (!/^i-([0-9a-f]{8}|[0-9a-f]{17})$/.test(id)) fail(CreditFailures.malformed(id));
    else if (!found.has(id)) fail(CreditFailures.notFound(id));
    else {
      const row = found.get(id)!;
      if (!isBurstable(ctx, row.instance_type)) fail(CreditFailures.notSupported(id, row.instance_type));
      else if (row.state !== 'running' && row.state !== 'stopped' && row.state !== 'pending' && row.state !== 'stopping') fail(CreditFailures.state(id));
      else {
        ctx.store.instances.update(id, { cpu_credits: c.CpuCredits as string });
        out.successful.push(id);
      }
    }
  }
  return out;
}

/** The launch's CreditSpecification: only burstable types take one (AWS refuses it otherwise). */
export function launchCpuCredits(ctx: RequestContext, instanceType: string, spec: { CpuCredits?: string } | undefined): string | null {
  const v = spec?.CpuCredits;
  // none asked: the family's account default if the account chose one (kept, so a later change of it does not
  // reach this instance), else the type's default
  if (v === undefined) return isBurstable(ctx, instanceType) ? (chosenCredits(ctx, instanceType) ?? null) : null;
  if (v !== 'standard' && v !== 'unlimited') throw InstanceErrors.attributeValue('CpuCredits', v);
  if (!isBurstable(ctx, instanceType)) throw InstanceErrors.creditsNotSupported(instanceType);
  return v;
}

/** What the serial console shows: a Linux boot and cloud-init's summary, as the instance stands now. */
export function consoleOutput(ctx: RequestContext, instance: InstanceRow): { output?: string; timestamp: Date } {
  const timestamp = new Date(ctx.now);
  // AWS has nothing to show until the instance has booted
  if (instance.state === 'pending') return { timestamp };
  const boot = new Date(instance.launch_time).toUTCString();
  const ip = ctx.store.attachments.primaryOf(instance.id);
  const eni = ip && ctx.store.networkInterfaces.get(ctx.scope, ip.network_interface_id);
  const host = eni ? `ip-${eni.private_ip.replace(/\./g, '-')}` : 'localhost';
  const lines = instance.platform === 'windows'
    ? [
        `${boot} Windows sysprep configuration complete.`,
        `${boot} Message: Waiting for meta-data accessibility...`,
        `${boot} Message: Meta-data is now available.`,
        `${boot} EC2Launch: Windows is Ready to use`,
      ]
    : [
        '[    0.000000] Linux version 6.1.0-ec2lite (builder@ec2lite) #1 SMP',
        `[    0.000000] Command line: BOOT_IMAGE=/boot/vmlinuz root=LABEL=/ console=tty0 console=ttyS0,115200n8`,
        `[    1.204211] EXT4-fs (nvme0n1p1): mounted filesystem with ordered data mode.`,
        `[    3.518230] cloud-init[1234]: Cloud-init v. 23.4 running 'init' at ${boot}.`,
        `ci-info: ++++++++++++++++++++++++++++++++++++++Net device info++++++++++++++++++++++++++++++++++++++`,
        `ci-info: |  eth0  | True | ${eni?.private_ip ?? '-'} | ${eni?.mac_address ?? '-'} |`,
        `${host} login:`,
        `Cloud-init v. 23.4 finished at ${boot}. Datasource DataSourceEc2Local.`,
      ];
  return { output: Buffer.from(`${lines.join('\r\n')}\r\n`).toString('base64'), timestamp };
}

/**
 * A 32x24 black baseline JPEG (290 bytes, JFIF): what a console shows before anything is drawn. Every screenshot
 * is this picture; clients decode it as they decode AWS's.
 */
const SCREENSHOT_JPEG =
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAYACADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAj/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAAAP/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AJUAAAAAAAB//9k=';

/**
 * GetConsoleScreenshot (docs/behavior.md "Instance extras"): a running instance's screen as a base64 JPEG; any
 * other state is refused (AWS documents screenshots of running instances only). `WakeUp` changes nothing.
 */
export function consoleScreenshot(instance: InstanceRow): string {
  if (instance.state !== 'running') throw ConsoleErrors.screenshotNotRunning(instance.id);
  return SCREENSHOT_JPEG;
}

/**
 * GetPasswordData: empty for Linux instances (and for Windows ones launched without a key pair, or before the
 * password exists); for Windows, the password encrypted with the key pair's RSA public key (PKCS#1 v1.5, as EC2
 * does), base64, so `aws ec2 get-password-data --priv-launch-key` decrypts it.
 */
export function passwordData(ctx: RequestContext, instance: InstanceRow): { data: string; timestamp: Date } {
  const timestamp = new Date(ctx.now);
  if (instance.platform !== 'windows' || !instance.key_name || instance.state === 'pending') return { data: '', timestamp };
  const key = ctx.store.keyPairs.byName(ctx.scope, instance.key_name);
  const pem = key?.public_key ? rsaPublicKeyPem(key.public_key) : undefined;
  if (!pem) return { data: '', timestamp };
  // the same password for the same instance, so a client asking twice gets one answer
  const password = `Ec2Lite-${instance.id.slice(2, 12)}!`;
  const blob = publicEncrypt({ key: createPublicKey(pem), padding: constants.RSA_PKCS1_PADDING }, Buffer.from(password));
  return { data: blob.toString('base64'), timestamp };
}
