/**
 * EBS volumes (docs/behavior.md "Volumes and snapshots"): creation with AWS's size, IOPS and throughput rules per
 * volume type, encryption (asked for, inherited from the snapshot, or the account's encryption by default), and the
 * attachment state machine, driven by the back end as for interfaces:
 *
 *   volume:      creating --(volume-ms)--> available <--> in-use (while it has an attachment in any state)
 *   attach:      attaching --(attach-ms)--> attached
 *   detach:      attached|attaching --detach--> detaching --(detach-ms)--> gone (volume available)
 *   launch:      the image's block device mappings merged with RunInstances' BlockDeviceMapping.N; attachments
 *                start `attaching` and become `attached` when the instance is `running`
 *   terminate:   each volume: delete-on-termination ? deleted : detached (available)
 */
import { createHash } from 'node:crypto';
import type { RequestContext } from '../core/context';
import { NotFoundErrors, RequestErrors, SnapshotErrors, VolumeErrors } from '../errors';
import type { BlockDeviceMapping, InstanceBlockDeviceMappingSpecification, VolumeType } from '../protocol/model/types.generated';
import type { ListOptions } from '../store/query';
import type { InstanceRow, SnapshotRow, VolumeAttachmentRow, VolumeModificationRow, VolumeRow } from '../store/rows';
import type { LaunchImage } from './images';
import { zoneByName } from './regions';
import { requireRestorableSnapshot } from './snapshots';
import { isArchivedOnly } from './snapshotTiers';

// ---- volume types ----

interface TypeRule {
  minSize: number;
  maxSize: number;
  /** Provisioned IOPS: allowed range and whether it must be given; absent = the type takes no iops. */
  iops?: { min: number; max: number; required: boolean; perGiB: number; default?: number };
  throughput?: { min: number; max: number; default: number };
  multiAttach: boolean;
}

/** AWS's limits per volume type (EC2 User Guide, "Amazon EBS volume types"). */
const TYPES: Record<string, TypeRule> = {
  gp2: { minSize: 1, maxSize: 16384, multiAttach: false },
  gp3: { minSize: 1, maxSize: 16384, iops: { min: 3000, max: 16000, required: false, perGiB: 500, default: 3000 }, throughput: { min: 125, max: 1000, default: 125 }, multiAttach: false },
  io1: { minSize: 4, maxSize: 16384, iops: { min: 100, max: 64000, required: true, perGiB: 50 }, multiAttach: true },
  io2: { minSize: 4, maxSize: 65536, iops: { min: 100, max: 256000, required: true, perGiB: 1000 }, multiAttach: true },
  st1: { minSize: 125, maxSize: 16384, multiAttach: false },
  sc1: { minSize: 125, maxSize: 16384, multiAttach: false },
  standard: { minSize: 1, maxSize: 1024, multiAttach: false },
};

/** Instances a Multi-Attach volume may be attached to at once (AWS: 16). */
const MULTI_ATTACH_MAX = 16;

export interface VolumeSpec {
  type: string;
  size: number;
  iops?: number;
  throughput?: number;
  multiAttach?: boolean;
}

/** Checks a volume's type, size, IOPS and throughput as AWS does; returns the IOPS and throughput to store. */
export function checkVolumeSpec(spec: VolumeSpec): { iops: number | null; throughput: number | null } {
  const rule = TYPES[spec.type];
  if (!rule) throw VolumeErrors.volumeType(spec.type);
  if (spec.iops !== undefined && !rule.iops) throw VolumeErrors.iopsNotSupported(spec.type);
  if (spec.throughput !== undefined && !rule.throughput) throw VolumeErrors.throughputNotSupported(spec.type);
  if (rule.iops?.required && spec.iops === undefined) throw VolumeErrors.iopsRequired(spec.type);
  if (spec.multiAttach && !rule.multiAttach) throw VolumeErrors.multiAttachType(spec.type);
  if (spec.size < rule.minSize) throw VolumeErrors.sizeTooSmall(spec.type, spec.size, rule.minSize);
  if (spec.size > rule.maxSize) throw VolumeErrors.sizeTooLarge(spec.type, spec.size, rule.maxSize);
  let iops: number | null = null;
  if (rule.iops) {
    iops = spec.iops ?? rule.iops.default ?? null;
    if (iops !== null) {
      if (iops < rule.iops.min || iops > rule.iops.max) throw VolumeErrors.iopsRange(spec.type, iops, rule.iops.min, rule.iops.max);
      if (spec.iops !== undefined && iops / spec.size > rule.iops.perGiB && iops > (rule.iops.default ?? 0)) {
        throw VolumeErrors.iopsRatio(iops / spec.size, rule.iops.perGiB);
      }
    }
  }
  let throughput: number | null = null;
  if (rule.throughput) {
    throughput = spec.throughput ?? rule.throughput.default;
    if (throughput < rule.throughput.min || throughput > rule.throughput.max) throw VolumeErrors.throughputRange(throughput);
    if (spec.throughput !== undefined && iops !== null && throughput / iops > 0.25) throw VolumeErrors.throughputRatio(throughput, iops);
  }
  return { iops, throughput };
}

/** gp2's IOPS follow its size: 3 per GiB, at least 100, at most 16,000; types without IOPS show none. */
export function iopsOf(v: Pick<VolumeRow, 'volume_type' | 'size' | 'iops'>): number | undefined {
  if (v.volume_type === 'gp2') return Math.min(16000, Math.max(100, 3 * v.size));
  return v.iops ?? undefined;
}

// ---- device names ----

/**
 * Names AWS accepts for EBS devices (EC2 User Guide, "Device names on Linux instances"): /dev/sd[a-z],
 * /dev/xvd[a-z], /dev/xvd[b-c][a-z], /dev/hd[a-z], and the root names /dev/sda1 and /dev/xvda1; the `/dev/` prefix
 * may be left out. Partitions of other devices (/dev/sdi1) and longer names (/dev/sdba) are refused, as on AWS.
 */
const DEVICE_NAME = /^(\/dev\/)?(sd[a-z]|xvd[a-z]|xvd[bc][a-z]|hd[a-z]|sda1|xvda1)$/;

export function isValidDeviceName(name: string): boolean {
  return DEVICE_NAME.test(name);
}

// ---- encryption ----

/** The account's AWS-managed EBS key in a region, as an ARN (stable: derived from the scope). */
export function defaultKmsKeyArn(ctx: Pick<RequestContext, 'scope'>): string {
  const h = createHash('sha256').update(`${ctx.scope.account}/${ctx.scope.region}/aws/ebs`).digest('hex');
  const uuid = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  return `arn:aws:kms:${ctx.scope.region}:${ctx.scope.account}:key/${uuid}`;
}

export function encryptionByDefault(ctx: RequestContext): boolean {
  return ctx.store.ebsDefaults.encryptionByDefault(ctx.scope);
}

export function setEncryptionByDefault(ctx: RequestContext, on: boolean): boolean {
  ctx.store.ebsDefaults.setEncryptionByDefault(ctx.scope, on);
  return on;
}

const EBS_KEY = 'ebs-default-kms-key';

/** The key EBS encryption by default uses: the account's choice, else AWS's answer for its managed key's alias. */
export function ebsDefaultKmsKey(ctx: RequestContext): string | undefined {
  return ctx.store.accountSettings.get(ctx.scope, EBS_KEY);
}

/**
 * ModifyEbsDefaultKmsKeyId: a key id, alias name, key ARN or alias ARN, answered (and kept) as an ARN. KMS is not
 * modelled, so the key is not looked up.
 */
export function setEbsDefaultKmsKey(ctx: RequestContext, keyId: string): string {
  const arn = keyId.startsWith('arn:') ? keyId : `arn:aws:kms:${ctx.scope.region}:${ctx.scope.account}:${keyId.startsWith('alias/') ? keyId : `key/${keyId}`}`;
  ctx.store.accountSettings.set(ctx.scope, EBS_KEY, arn);
  return arn;
}

/** ResetEbsDefaultKmsKeyId: back to the AWS-managed key, whose ARN the answer gives. */
export function resetEbsDefaultKmsKey(ctx: RequestContext): string {
  ctx.store.accountSettings.clear(ctx.scope, EBS_KEY);
  return defaultKmsKeyArn(ctx);
}

/** Encrypted when asked, when the snapshot is, or when the account encrypts by default; the key defaults to the
 * account's default key (ModifyEbsDefaultKmsKeyId), else AWS's. */
function encryptionOf(ctx: RequestContext, asked: boolean | undefined, kmsKeyId: string | undefined, snapshot?: { encrypted: boolean; kms: string | null }) {
  const encrypted = asked === true || snapshot?.encrypted === true || encryptionByDefault(ctx) || kmsKeyId !== undefined;
  if (!encrypted) return { encrypted: 0, kms: null };
  return { encrypted: 1, kms: kmsKeyId ?? snapshot?.kms ?? ebsDefaultKmsKey(ctx) ?? defaultKmsKeyArn(ctx) };
}

// ---- lookups and lists ----

export function requireVolume(ctx: RequestContext, id: string): VolumeRow {
  const v = ctx.store.volumes.get(ctx.scope, id);
  if (!v) throw NotFoundErrors.volume(id);
  return v;
}

export function listVolumes(ctx: RequestContext, opts: ListOptions): VolumeRow[] {
  return ctx.store.volumes.list(ctx.scope, opts);
}

export function listVolumeModifications(ctx: RequestContext, opts: ListOptions): VolumeModificationRow[] {
  return ctx.store.volumeModifications.list(ctx.scope, opts);
}

export function attachmentsOfInstance(ctx: Pick<RequestContext, 'store'>, instanceId: string): VolumeAttachmentRow[] {
  return ctx.store.volumeAttachments.ofInstance(instanceId);
}

// ---- create and delete ----

export interface NewVolume {
  zone: string;
  size?: number;
  snapshotId?: string;
  type?: string;
  iops?: number;
  throughput?: number;
  encrypted?: boolean;
  kmsKeyId?: string;
  multiAttach?: boolean;
}

/** CreateVolume: everything is checked before the volume is written; it starts `creating`. */
export function createVolume(ctx: RequestContext, spec: NewVolume): VolumeRow {
  if (!zoneByName(ctx.scope.region, spec.zone)) throw RequestErrors.invalidValue(`Invalid availability zone: [${spec.zone}]`);
  if (spec.size === undefined && spec.snapshotId === undefined) throw VolumeErrors.sizeOrSnapshot();
  const snapshot = spec.snapshotId !== undefined ? requireRestorableSnapshot(ctx, spec.snapshotId) : undefined;
  if (snapshot && isArchivedOnly(snapshot)) throw SnapshotErrors.tierState(snapshot.id, 'is archived; restore it first');
  const size = spec.size ?? snapshot!.volume_size;
  if (snapshot && size < snapshot.volume_size) throw VolumeErrors.smallerThanSnapshot(size, snapshot.id, snapshot.volume_size);
  const type = spec.type ?? 'gp2';
  const { iops, throughput } = checkVolumeSpec({ type, size, iops: spec.iops, throughput: spec.throughput, multiAttach: spec.multiAttach });
  const enc = encryptionOf(ctx, spec.encrypted, spec.kmsKeyId, snapshot && { encrypted: snapshot.encrypted === 1, kms: snapshot.kms_key_id });
  const v = insertVolume(ctx, { zone: spec.zone, size, snapshotId: snapshot?.id ?? '', type, iops, throughput, enc, multiAttach: spec.multiAttach === true, state: 'creating' });
  ctx.backend.schedule(ctx.scope, 'volume', v.id, 'creating', 'available', ctx.now + ctx.config.volumeMs);
  return v;
}

interface VolumeRecordIn {
  zone: string;
  size: number;
  snapshotId: string;
  type: string;
  iops: number | null;
  throughput: number | null;
  enc: { encrypted: number; kms: string | null };
  multiAttach: boolean;
  state: string;
  /** Launch volumes bring their own id (see createLaunchVolumes). */
  id?: string;
}

/** The new volume's row as built (every column given), without reading it back. */
function insertVolume(ctx: RequestContext, v: VolumeRecordIn): VolumeRow {
  return ctx.store.volumes.insertRow({
    id: v.id ?? ctx.ids.id('vol'),
    account: ctx.scope.account,
    region: ctx.scope.region,
    availability_zone: v.zone,
    size: v.size,
    snapshot_id: v.snapshotId,
    volume_type: v.type,
    iops: v.iops,
    throughput: v.throughput,
    encrypted: v.enc.encrypted,
    kms_key_id: v.enc.kms,
    multi_attach: v.multiAttach ? 1 : 0,
    auto_enable_io: 0,
    state: v.state,
    created_at: ctx.now,
  });
}

/** DeleteVolume: refused while the volume has an attachment in any state (VolumeInUse). */
export function deleteVolume(ctx: RequestContext, id: string): void {
  const v = requireVolume(ctx, id);
  const [attachment] = ctx.store.volumeAttachments.ofVolume(v.id);
  if (attachment) throw VolumeErrors.deleteAttached(v.id, attachment.instance_id);
  removeVolume(ctx, v.id);
}

function removeVolume(ctx: RequestContext, id: string): void {
  ctx.backend.cancel('volume', id);
  ctx.backend.cancel('volume-modification', id);
  ctx.store.volumes.delete(id); // attachments and modification go with it (ON DELETE CASCADE); tags by trigger
}

// ---- attach and detach ----

const attachmentKey = (volumeId: string, instanceId: string) => `${volumeId}:${instanceId}`;

/** Instance states a volume may be attached in (as for interfaces). */
const ATTACHABLE = new Set(['running', 'stopped']);

/**
 * AttachVolume, checked in this order: volume and instance exist, device name valid, volume available (or a
 * Multi-Attach volume with room, not yet on this instance), same zone, device free on the instance, instance state.
 */
export function attachVolume(ctx: RequestContext, req: { volumeId: string; instanceId: string; device: string }): VolumeAttachmentRow {
  const v = requireVolume(ctx, req.volumeId);
  const instance = ctx.store.instances.get(ctx.scope, req.instanceId);
  if (!instance) throw NotFoundErrors.instances([req.instanceId]);
  if (!isValidDeviceName(req.device)) throw VolumeErrors.deviceName(req.device);
  const current = ctx.store.volumeAttachments.ofVolume(v.id);
  if (v.state === 'creating') throw VolumeErrors.state(v.id, v.state);
  if (current.length > 0) {
    if (v.multi_attach !== 1 || current.some((a) => a.instance_id === instance.id)) throw VolumeErrors.alreadyAttached(v.id);
    if (current.length >= MULTI_ATTACH_MAX) throw VolumeErrors.multiAttachLimit(v.id);
  }
  if (v.availability_zone !== instance.availability_zone) throw VolumeErrors.zoneMismatch(v.id, instance.id);
  if (ctx.store.volumeAttachments.atDevice(instance.id, req.device)) throw VolumeErrors.deviceInUse(req.device);
  if (!ATTACHABLE.has(instance.state)) throw VolumeErrors.instanceState(instance.id);
  return addAttachment(ctx, v, instance, req.device, false, 'attaching');
}

/** The new attachment's row as built; the volume turns `in-use` unless it already is (launch volumes are born so). */
function addAttachment(ctx: RequestContext, v: VolumeRow, instance: InstanceRow, device: string, deleteOnTermination: boolean, status: 'attaching' | 'attached'): VolumeAttachmentRow {
  const row = {
    volume_id: v.id,
    instance_id: instance.id,
    account: ctx.scope.account,
    region: ctx.scope.region,
    device,
    status,
    attach_time: ctx.now,
    delete_on_termination: deleteOnTermination ? 1 : 0,
  };
  const seq = ctx.store.volumeAttachments.insert(row);
  if (v.state !== 'in-use') ctx.store.volumes.update(v.id, { state: 'in-use' });
  // At launch the instance's own transition finishes the attach; later attaches go through the back end.
  if (status === 'attaching' && instance.state !== 'pending') {
    ctx.backend.schedule(ctx.scope, 'volume-attachment', attachmentKey(v.id, instance.id), 'attaching', 'attached', ctx.now + ctx.config.attachMs);
  }
  return { ...row, seq };
}

export interface DetachRequest {
  volumeId: string;
  instanceId?: string;
  device?: string;
  force?: boolean;
}

/**
 * DetachVolume: the volume must be attached (else IncorrectState with its state), to the instance and at the device
 * when they are given; the root device of an instance that is not stopped stays (Force does not change that, it
 * only skips waiting for the OS). Detaching again while detaching is a no-op.
 */
export function detachVolume(ctx: RequestContext, req: DetachRequest): VolumeAttachmentRow {
  const v = requireVolume(ctx, req.volumeId);
  const current = ctx.store.volumeAttachments.ofVolume(v.id);
  if (current.length === 0) throw VolumeErrors.state(v.id, v.state);
  let attachment: VolumeAttachmentRow | undefined;
  if (req.instanceId !== undefined) {
    attachment = current.find((a) => a.instance_id === req.instanceId);
    if (!attachment) throw VolumeErrors.notAttachedTo(v.id, req.instanceId);
  } else {
    if (current.length > 1) throw VolumeErrors.multiAttachNeedsInstance(v.id);
    attachment = current[0];
  }
  if (req.device !== undefined && attachment.device !== req.device) throw VolumeErrors.notAttachedAs(v.id, attachment.instance_id, req.device);
  if (attachment.status === 'detaching') return attachment;
  const instance = ctx.store.instances.get(ctx.scope, attachment.instance_id)!;
  if (attachment.device === instance.root_device_name && instance.state !== 'stopped' && instance.state !== 'terminated') {
    throw VolumeErrors.detachRoot(v.id, instance.id);
  }
  ctx.store.volumeAttachments.update(v.id, instance.id, { status: 'detaching' });
  ctx.backend.schedule(ctx.scope, 'volume-attachment', attachmentKey(v.id, instance.id), 'detaching', 'detached', ctx.now + ctx.config.detachMs);
  return ctx.store.volumeAttachments.get(v.id, instance.id)!;
}

/** The attachment is gone; the volume is `available` unless another instance still has it (Multi-Attach). */
function finishVolumeDetach(ctx: RequestContext, a: VolumeAttachmentRow): void {
  ctx.backend.cancel('volume-attachment', attachmentKey(a.volume_id, a.instance_id));
  ctx.store.volumeAttachments.delete(a.volume_id, a.instance_id);
  if (ctx.store.volumeAttachments.ofVolume(a.volume_id).length === 0) ctx.store.volumes.update(a.volume_id, { state: 'available' });
}

// ---- back end ----

/** volume creating -> available. */
export function applyVolumeTransition(ctx: RequestContext, volumeId: string, to: string): void {
  const v = ctx.store.volumes.get(ctx.scope, volumeId);
  if (!v || v.state !== 'creating' || to !== 'available') return;
  ctx.store.volumes.update(v.id, { state: ctx.store.volumeAttachments.ofVolume(v.id).length > 0 ? 'in-use' : 'available' });
}

/** attachment attaching -> attached, detaching -> gone. */
export function applyVolumeAttachmentTransition(ctx: RequestContext, key: string, to: string): void {
  const [volumeId, instanceId] = key.split(':');
  const a = ctx.store.volumeAttachments.get(volumeId, instanceId);
  if (!a) return;
  if (to === 'attached' && a.status === 'attaching') ctx.store.volumeAttachments.update(volumeId, instanceId, { status: 'attached' });
  else if (to === 'detached' && a.status === 'detaching') finishVolumeDetach(ctx, a);
}

/** The instance reached `running`: its launch-time volumes are attached (and created). */
export function instanceRunning(ctx: RequestContext, instanceId: string): void {
  for (const a of ctx.store.volumeAttachments.ofInstance(instanceId)) {
    if (a.status !== 'attaching' || ctx.backend.pending('volume-attachment', attachmentKey(a.volume_id, a.instance_id))) continue;
    ctx.store.volumeAttachments.update(a.volume_id, a.instance_id, { status: 'attached' });
  }
}

/** The instance reached `stopped`: attachments in flight finish the cold way. */
export function instanceStopped(ctx: RequestContext, instanceId: string): void {
  for (const a of ctx.store.volumeAttachments.ofInstance(instanceId)) {
    if (a.status === 'detaching') finishVolumeDetach(ctx, a);
    else if (a.status === 'attaching') {
      ctx.backend.cancel('volume-attachment', attachmentKey(a.volume_id, a.instance_id));
      ctx.store.volumeAttachments.update(a.volume_id, a.instance_id, { status: 'attached' });
    }
  }
}

/** The instance is `terminated`: delete-on-termination volumes are deleted, the others detached (available). */
export function instanceTerminated(ctx: RequestContext, instanceId: string): void {
  for (const a of ctx.store.volumeAttachments.ofInstance(instanceId)) {
    const others = ctx.store.volumeAttachments.ofVolume(a.volume_id).filter((o) => o.instance_id !== instanceId);
    if (a.delete_on_termination === 1 && others.length === 0) removeVolume(ctx, a.volume_id);
    else finishVolumeDetach(ctx, a);
  }
}

// ---- launch ----

/** One EBS volume a launch creates, per instance. */
export interface LaunchVolume {
  device: string;
  size: number;
  snapshotId: string;
  type: string;
  iops: number | null;
  throughput: number | null;
  encrypted: boolean;
  kmsKeyId?: string;
  deleteOnTermination: boolean;
}

export interface BlockDevicePlan {
  rootDeviceName: string;
  rootDeviceType: string;
  volumes: LaunchVolume[];
}

/** An image's mappings; an unknown image is an 8 GiB gp2 Linux root at /dev/xvda (docs/decisions.md "Images"). */
function imageMappings(image: LaunchImage | undefined): { root: string; type: string; mappings: BlockDeviceMapping[] } {
  if (!image) {
    return { root: '/dev/xvda', type: 'ebs', mappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 8, VolumeType: 'gp2', DeleteOnTermination: true, Encrypted: false } }] };
  }
  return { root: image.rootDeviceName, type: image.rootDeviceType, mappings: image.mappings };
}

/**
 * The volumes of each launched instance: the image's block device mappings, overridden per device by the request's
 * (size, type, IOPS, throughput, encryption, delete-on-termination), `NoDevice` removing one, new devices adding
 * volumes. Delete-on-termination defaults to true for every launch-time EBS mapping, as on AWS. Instance-store
 * (`VirtualName`) mappings create nothing.
 */
export function planBlockDevices(ctx: RequestContext, image: LaunchImage | undefined, requested: readonly BlockDeviceMapping[] | undefined): BlockDevicePlan {
  const { root, type: rootType, mappings } = imageMappings(image);
  // The image's own snapshots may be another account's (a shared image): launch permission is enough to use them.
  const imageSnapshots = new Map<string, number>();
  for (const m of mappings) if (m.Ebs?.SnapshotId && m.Ebs.VolumeSize !== undefined) imageSnapshots.set(m.Ebs.SnapshotId, m.Ebs.VolumeSize);
  const byDevice = new Map<string, BlockDeviceMapping>();
  for (const m of mappings) if (m.DeviceName) byDevice.set(m.DeviceName, m);
  const seen = new Set<string>();
  for (const r of requested ?? []) {
    const device = r.DeviceName;
    if (device === undefined) throw RequestErrors.missingParameter('BlockDeviceMapping.DeviceName');
    if (seen.has(device)) throw VolumeErrors.mappingDuplicate(device);
    seen.add(device);
    if (!isValidDeviceName(device) && device !== root) throw VolumeErrors.mappingDeviceName(device);
    if (r.NoDevice !== undefined) {
      if (device === root && rootType === 'ebs') throw VolumeErrors.mappingRootSuppressed(device);
      byDevice.delete(device);
      continue;
    }
    const base = byDevice.get(device);
    if (r.VirtualName !== undefined) {
      byDevice.set(device, { DeviceName: device, VirtualName: r.VirtualName });
      continue;
    }
    // A new type drops the image's IOPS and throughput unless the request gives them again.
    const inherited = r.Ebs?.VolumeType !== undefined ? { ...base?.Ebs, Iops: undefined, Throughput: undefined } : base?.Ebs;
    byDevice.set(device, { DeviceName: device, Ebs: { ...inherited, ...definedOnly(r.Ebs ?? {}) } });
  }
  const volumes: LaunchVolume[] = [];
  for (const m of byDevice.values()) {
    if (!m.Ebs || m.DeviceName === undefined) continue;
    volumes.push(launchVolume(ctx, m.DeviceName, m.Ebs, imageSnapshots));
  }
  return { rootDeviceName: root, rootDeviceType: rootType, volumes };
}

const definedOnly = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

function launchVolume(ctx: RequestContext, device: string, ebs: NonNullable<BlockDeviceMapping['Ebs']>, imageSnapshots: ReadonlyMap<string, number>): LaunchVolume {
  // The image's own snapshots live in the catalog; a snapshot named by the request must be one the caller may use.
  let snapshotSize: number | undefined;
  let snapshotEnc: { encrypted: boolean; kms: string | null } | undefined;
  // Catalog snapshots may be named in any mapping of the launch (they back public images).
  if (ebs.SnapshotId !== undefined && imageSnapshots.has(ebs.SnapshotId)) {
    // The mapping carries the snapshot's encryption (Encrypted, KmsKeyId), which encryptionOf reads below.
    snapshotSize = imageSnapshots.get(ebs.SnapshotId);
  } else if (ebs.SnapshotId !== undefined && !isImageSnapshot(ctx, ebs.SnapshotId)) {
    const s: SnapshotRow = requireRestorableSnapshot(ctx, ebs.SnapshotId);
    snapshotSize = s.volume_size;
    snapshotEnc = { encrypted: s.encrypted === 1, kms: s.kms_key_id };
  } else if (ebs.SnapshotId !== undefined) {
    snapshotSize = imageSnapshotSize(ctx, ebs.SnapshotId);
  }
  const size = ebs.VolumeSize ?? snapshotSize;
  if (size === undefined) throw VolumeErrors.mappingNoSize(device);
  if (snapshotSize !== undefined && size < snapshotSize) throw VolumeErrors.smallerThanSnapshotAtLaunch(size, ebs.SnapshotId!, snapshotSize);
  const type = (ebs.VolumeType ?? 'gp2') as string;
  const { iops, throughput } = checkVolumeSpec({ type, size, iops: ebs.Iops, throughput: ebs.Throughput });
  const enc = encryptionOf(ctx, ebs.Encrypted, ebs.KmsKeyId, snapshotEnc);
  return {
    device,
    size,
    snapshotId: ebs.SnapshotId ?? '',
    type,
    iops,
    throughput,
    encrypted: enc.encrypted === 1,
    kmsKeyId: enc.kms ?? undefined,
    deleteOnTermination: ebs.DeleteOnTermination ?? true,
  };
}

function isImageSnapshot(ctx: RequestContext, snapshotId: string): boolean {
  return imageSnapshotSize(ctx, snapshotId) !== undefined;
}

/** The size of a snapshot behind one of the catalog's images (fixtures/images.json). */
export function imageSnapshotSize(ctx: Pick<RequestContext, 'images'>, snapshotId: string): number | undefined {
  for (const image of ctx.images.all()) {
    for (const m of image.BlockDeviceMappings ?? []) if (m.Ebs?.SnapshotId === snapshotId) return m.Ebs.VolumeSize;
  }
  return undefined;
}

/**
 * Creates one instance's launch volumes, attached `attaching` until the instance is running. Their ids derive from
 * the instance id and the device (unique, since instance ids are) rather than from the id stream, so a launch under
 * `--seed` gives every other resource the same id as before volumes existed (golden documents stay byte-identical).
 */
export function createLaunchVolumes(ctx: RequestContext, instance: InstanceRow, plan: BlockDevicePlan): VolumeRow[] {
  return plan.volumes.map((lv) => {
    const v = insertVolume(ctx, {
      id: `vol-${createHash('sha256').update(`${instance.id}:${lv.device}`).digest('hex').slice(0, 17)}`,
      zone: instance.availability_zone,
      size: lv.size,
      snapshotId: lv.snapshotId,
      type: lv.type,
      iops: lv.iops,
      throughput: lv.throughput,
      enc: { encrypted: lv.encrypted ? 1 : 0, kms: lv.kmsKeyId ?? null },
      multiAttach: false,
      state: 'in-use',
    });
    addAttachment(ctx, v, instance, lv.device, lv.deleteOnTermination, 'attaching');
    return v;
  });
}

// ---- instance attribute ----

/** ModifyInstanceAttribute BlockDeviceMapping.N: delete-on-termination of the volume at each device. */
export function setVolumesDeleteOnTermination(ctx: RequestContext, instance: InstanceRow, specs: readonly InstanceBlockDeviceMappingSpecification[]): void {
  const changes = specs.map((s) => {
    const device = s.DeviceName ?? '';
    const a = ctx.store.volumeAttachments.atDevice(instance.id, device);
    if (!a || (s.Ebs?.VolumeId !== undefined && s.Ebs.VolumeId !== a.volume_id)) throw VolumeErrors.noDeviceMapped(device);
    return { a, value: s.Ebs?.DeleteOnTermination };
  });
  for (const { a, value } of changes) {
    if (value !== undefined) ctx.store.volumeAttachments.update(a.volume_id, a.instance_id, { delete_on_termination: value ? 1 : 0 });
  }
}

// ---- modifications and attributes ----

export interface VolumeChange {
  size?: number;
  type?: VolumeType;
  iops?: number;
  throughput?: number;
  multiAttach?: boolean;
}

/**
 * ModifyVolume: size may only grow; the new type's rules apply to the result. The volume takes the new values when
 * the modification reaches `optimizing` (back end, --volume-ms per step), then `completed`.
 */
export function modifyVolume(ctx: RequestContext, volumeId: string, change: VolumeChange): VolumeModificationRow {
  const v = requireVolume(ctx, volumeId);
  if (change.size === undefined && change.type === undefined && change.iops === undefined && change.throughput === undefined && change.multiAttach === undefined) {
    throw VolumeErrors.modifyNothing();
  }
  const last = ctx.store.volumeModifications.get(ctx.scope, v.id);
  if (last && last.state === 'modifying') throw VolumeErrors.modificationInProgress(v.id);
  const size = change.size ?? v.size;
  if (size < v.size) throw VolumeErrors.decreaseSize(v.size, size);
  const type = change.type ?? v.volume_type;
  const keepIops = type === v.volume_type && TYPES[type]?.iops ? (v.iops ?? undefined) : undefined;
  const keepThroughput = type === v.volume_type && TYPES[type]?.throughput ? (v.throughput ?? undefined) : undefined;
  const multiAttach = change.multiAttach ?? v.multi_attach === 1;
  const target = checkVolumeSpec({ type, size, iops: change.iops ?? keepIops, throughput: change.throughput ?? keepThroughput, multiAttach });
  ctx.store.volumeModifications.replace({
    id: v.id,
    account: ctx.scope.account,
    region: ctx.scope.region,
    state: 'modifying',
    original_size: v.size,
    original_type: v.volume_type,
    original_iops: iopsOf(v) ?? null,
    original_throughput: v.throughput,
    original_multi_attach: v.multi_attach,
    target_size: size,
    target_type: type,
    target_iops: iopsOf({ volume_type: type, size, iops: target.iops }) ?? null,
    target_throughput: target.throughput,
    target_multi_attach: multiAttach ? 1 : 0,
    progress: 0,
    started_at: ctx.now,
    ended_at: null,
  });
  ctx.backend.schedule(ctx.scope, 'volume-modification', v.id, 'modifying', 'optimizing', ctx.now + ctx.config.volumeMs);
  return ctx.store.volumeModifications.get(ctx.scope, v.id)!;
}

/** modifying -> optimizing (the volume takes its new values) -> completed. */
export function applyModificationTransition(ctx: RequestContext, volumeId: string, to: string): void {
  const m = ctx.store.volumeModifications.get(ctx.scope, volumeId);
  if (!m) return;
  if (to === 'optimizing' && m.state === 'modifying') {
    ctx.store.volumes.update(volumeId, {
      size: m.target_size,
      volume_type: m.target_type,
      iops: m.target_type === 'gp2' ? null : m.target_iops,
      throughput: m.target_throughput,
      multi_attach: m.target_multi_attach,
    });
    ctx.store.volumeModifications.update(volumeId, { state: 'optimizing', progress: 50 });
    ctx.backend.schedule(ctx.scope, 'volume-modification', volumeId, 'optimizing', 'completed', ctx.now + ctx.config.volumeMs);
  } else if (to === 'completed' && m.state === 'optimizing') {
    ctx.store.volumeModifications.update(volumeId, { state: 'completed', progress: 100, ended_at: ctx.now });
  }
}

export function setAutoEnableIo(ctx: RequestContext, volumeId: string, on: boolean): void {
  const v = requireVolume(ctx, volumeId);
  ctx.store.volumes.update(v.id, { auto_enable_io: on ? 1 : 0 });
}
