/**
 * AMIs: the public images of fixtures/images.json. RunInstances also accepts an unknown but well-formed `ami-…`
 * id (with a warning in the log), as peers do, and treats it as a Linux x86_64 image.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RequestContext } from '../core/context';
import { Ec2Error, ImageErrors, NotFoundErrors, RequestErrors, SnapshotErrors, VolumeErrors } from '../errors';
import type { BlockDeviceMapping, Image, LaunchPermission, SnapshotReturnCodes, Tag, VolumeType } from '../protocol/model/types.generated';
import type { ImageRow } from '../store/rows';
import { FIXTURES_DIR } from './instanceTypes';
import { isRegionName } from './regions';
import { deleteSnapshot, requireRestorableSnapshot, snapshotForImage } from './snapshots';
import { addTags } from './tags';

let images: Map<string, Image> | undefined;

function load(): Map<string, Image> {
  if (!images) {
    const file = JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, 'images.json'), 'utf8')) as { items: Image[] };
    images = new Map(file.items.map((i) => [i.ImageId as string, i]));
  }
  return images;
}

export class ImageCatalog {
  /** Reads the fixture now rather than on the first call that needs it. */
  preload(): void {
    load();
  }

  all(): Image[] {
    return [...load().values()];
  }

  get(id: string): Image | undefined {
    return load().get(id);
  }

  exists(id: string): boolean {
    return load().has(id);
  }

  architectureOf(id: string): string {
    return load().get(id)?.Architecture ?? 'x86_64';
  }

  /** "windows" for Windows images (the instance's `platform`), else undefined. */
  platformOf(id: string): string | undefined {
    return load().get(id)?.Platform;
  }
}

// ---- account-owned images (schema 013; docs/behavior.md "Images") ----

/** A launch permission as stored: an account id or 'all'. */
type Grantee = string;

const NAME_PATTERN = /^[A-Za-z0-9()[\] ./\-'@_]{3,128}$/;
const ACCOUNT_PATTERN = /^\d{12}$/;

const who = (ctx: RequestContext) => ({ account: ctx.scope.account, region: ctx.scope.region });

export function mappingsOf(row: ImageRow): BlockDeviceMapping[] {
  return JSON.parse(row.block_devices) as BlockDeviceMapping[];
}

/** The fields of an image a launch reads, for catalog and account images alike. */
export interface LaunchImage {
  id: string;
  architecture: string;
  platform?: string;
  rootDeviceName: string;
  rootDeviceType: string;
  mappings: BlockDeviceMapping[];
  /** `v2.0`: instances launched from it require IMDSv2 unless the launch says otherwise. */
  imdsSupport?: string;
}

/**
 * The image a RunInstances names: the catalog's, or an account image the caller owns or may launch (shared with
 * it or public); undefined for an unknown id (launched as a Linux x86_64 image, docs/decisions.md "Images").
 * An image still `pending` cannot be launched yet.
 */
export function findLaunchImage(ctx: RequestContext, id: string): LaunchImage | undefined {
  const c = ctx.images.get(id);
  if (c) {
    return {
      id,
      architecture: c.Architecture ?? 'x86_64',
      platform: c.Platform,
      rootDeviceName: c.RootDeviceName ?? '/dev/xvda',
      rootDeviceType: c.RootDeviceType ?? 'ebs',
      mappings: c.BlockDeviceMappings ?? [],
      imdsSupport: c.ImdsSupport,
    };
  }
  const row = ctx.store.images.visible(who(ctx), id);
  if (!row) return undefined;
  if (row.state !== 'available') throw ImageErrors.unavailable(id);
  return {
    id,
    architecture: row.architecture,
    platform: row.platform ?? undefined,
    rootDeviceName: row.root_device_name,
    rootDeviceType: row.root_device_type,
    mappings: mappingsOf(row),
    imdsSupport: row.imds_support ?? undefined,
  };
}

function checkName(ctx: RequestContext, name: string): void {
  if (!NAME_PATTERN.test(name)) throw ImageErrors.malformedName();
  const same = ctx.store.images.byName(ctx.scope.account, ctx.scope.region, name);
  if (same) throw ImageErrors.duplicateName(name, same.id);
}

/** An image the caller owns; the catalog's and other accounts' images are not its to change. */
export function requireOwnImage(ctx: RequestContext, id: string): ImageRow {
  const row = ctx.store.images.visible(who(ctx), id);
  if (row && row.account === ctx.scope.account) return row;
  if (row || ctx.images.exists(id)) throw ImageErrors.notOwner(id);
  throw NotFoundErrors.images([id]);
}

interface NewImage {
  id: string;
  name: string;
  description?: string;
  state: 'pending' | 'available';
  architecture: string;
  virtualizationType: string;
  enaSupport?: boolean;
  sriovNetSupport?: string;
  bootMode?: string;
  tpmSupport?: string;
  imdsSupport?: string;
  platform?: string | null;
  kernelId?: string;
  ramdiskId?: string;
  rootDeviceName: string;
  sourceInstanceId?: string;
  sourceImageId?: string;
  sourceRegion?: string;
  mappings: BlockDeviceMapping[];
}

function insertImage(ctx: RequestContext, m: NewImage, tags: readonly Tag[]): ImageRow {
  ctx.store.images.insert({
    id: m.id,
    account: ctx.scope.account,
    region: ctx.scope.region,
    name: m.name,
    description: m.description ?? null,
    state: m.state,
    architecture: m.architecture,
    virtualization_type: m.virtualizationType,
    hypervisor: 'xen',
    ena_support: m.enaSupport === undefined ? null : m.enaSupport ? 1 : 0,
    sriov_net_support: m.sriovNetSupport ?? null,
    boot_mode: m.bootMode ?? null,
    tpm_support: m.tpmSupport ?? null,
    imds_support: m.imdsSupport ?? null,
    platform: m.platform ?? null,
    kernel_id: m.kernelId ?? null,
    ramdisk_id: m.ramdiskId ?? null,
    root_device_name: m.rootDeviceName,
    root_device_type: 'ebs',
    // AWS shows an EBS image's location as "<owner account>/<name>"
    image_location: `${ctx.scope.account}/${m.name}`,
    source_instance_id: m.sourceInstanceId ?? null,
    source_image_id: m.sourceImageId ?? null,
    source_region: m.sourceRegion ?? null,
    block_devices: JSON.stringify(m.mappings),
    created_at: ctx.now,
  });
  for (const mapping of m.mappings) if (mapping.Ebs?.SnapshotId) ctx.store.images.addSnapshot(m.id, mapping.Ebs.SnapshotId);
  addTags(ctx, m.id, 'image', tags);
  if (m.state === 'pending') ctx.backend.schedule(ctx.scope, 'image', m.id, 'pending', 'available', ctx.now + ctx.config.snapshotMs);
  return ctx.store.images.get(ctx.scope, m.id)!;
}

/** The EBS part of a mapping as an image lists it: IOPS for io1/io2/gp3, throughput for gp3 only. */
function imageEbs(e: { snapshotId?: string; size: number; type: string; iops?: number | null; throughput?: number | null; encrypted: boolean; deleteOnTermination: boolean; kmsKeyId?: string | null }): BlockDeviceMapping['Ebs'] {
  return {
    DeleteOnTermination: e.deleteOnTermination,
    ...(e.iops !== undefined && e.iops !== null && e.type !== 'gp2' ? { Iops: e.iops } : {}),
    ...(e.snapshotId ? { SnapshotId: e.snapshotId } : {}),
    VolumeSize: e.size,
    VolumeType: e.type as VolumeType,
    ...(e.throughput !== undefined && e.throughput !== null && e.type === 'gp3' ? { Throughput: e.throughput } : {}),
    Encrypted: e.encrypted,
    ...(e.encrypted && e.kmsKeyId ? { KmsKeyId: e.kmsKeyId } : {}),
  };
}

export interface CreateImageRequest {
  instanceId: string;
  name: string;
  description?: string;
  noReboot?: boolean;
  mappings?: readonly BlockDeviceMapping[];
  imageTags: readonly Tag[];
  snapshotTags: readonly Tag[];
}

/**
 * CreateImage: every EBS volume attached to the instance becomes a snapshot (`pending` -> `completed`), the image
 * lists them with the attachment's delete-on-termination, and goes `pending` -> `available` through the back end
 * (--snapshot-ms). Request mappings override per device (`NoDevice` leaves a volume out, `Ebs` changes size, type,
 * IOPS, throughput or delete-on-termination, a new device adds an empty volume or an instance-store device).
 * NoReboot only decides whether AWS reboots a running instance first, which changes nothing observable here.
 */
export function createImage(ctx: RequestContext, req: CreateImageRequest): ImageRow {
  const instance = ctx.store.instances.get(ctx.scope, req.instanceId);
  if (!instance) throw NotFoundErrors.instances([req.instanceId]);
  if (instance.state !== 'running' && instance.state !== 'stopped' && instance.state !== 'stopping') {
    throw ImageErrors.instanceState(instance.id, instance.state);
  }
  checkName(ctx, req.name);
  if ((req.description ?? '').length > 255) throw SnapshotErrors.descriptionLength(req.description ?? '');
  const id = ctx.ids.id('ami');
  const overrides = new Map<string, BlockDeviceMapping>();
  for (const m of req.mappings ?? []) {
    if (m.DeviceName === undefined) throw RequestErrors.missingParameter('BlockDeviceMapping.DeviceName');
    if (overrides.has(m.DeviceName)) throw VolumeErrors.mappingDuplicate(m.DeviceName);
    overrides.set(m.DeviceName, m);
  }
  const mappings: BlockDeviceMapping[] = [];
  for (const a of ctx.store.volumeAttachments.ofInstance(instance.id)) {
    const o = overrides.get(a.device);
    overrides.delete(a.device);
    if (o?.NoDevice !== undefined) continue;
    const volume = ctx.store.volumes.get(ctx.scope, a.volume_id)!;
    const snap = snapshotForImage(ctx, {
      volumeId: volume.id,
      size: volume.size,
      // AWS's description of the snapshots CreateImage makes
      description: `Created by CreateImage(${instance.id}) for ${id}`,
      encrypted: volume.encrypted === 1,
      kms: volume.kms_key_id,
      tags: req.snapshotTags,
    });
    const type = (o?.Ebs?.VolumeType ?? volume.volume_type) as string;
    const size = o?.Ebs?.VolumeSize ?? volume.size;
    if (size < volume.size) throw VolumeErrors.smallerThanSnapshotAtLaunch(size, snap.id, volume.size);
    mappings.push({
      DeviceName: a.device,
      Ebs: imageEbs({
        snapshotId: snap.id,
        size,
        type,
        iops: o?.Ebs?.Iops ?? (o?.Ebs?.VolumeType === undefined ? volume.iops : undefined),
        throughput: o?.Ebs?.Throughput ?? (o?.Ebs?.VolumeType === undefined ? volume.throughput : undefined),
        encrypted: volume.encrypted === 1,
        kmsKeyId: volume.kms_key_id,
        deleteOnTermination: o?.Ebs?.DeleteOnTermination ?? a.delete_on_termination === 1,
      }),
    });
  }
  // Devices the instance lacks: an empty EBS volume (a size is needed) or an instance-store device.
  for (const o of overrides.values()) {
    if (o.NoDevice !== undefined) continue;
    if (o.VirtualName !== undefined) {
      mappings.push({ DeviceName: o.DeviceName, VirtualName: o.VirtualName });
      continue;
    }
    if (o.Ebs?.VolumeSize === undefined) throw VolumeErrors.mappingNoSize(o.DeviceName!);
    const type = (o.Ebs.VolumeType ?? 'gp2') as string;
    mappings.push({
      DeviceName: o.DeviceName,
      Ebs: imageEbs({ size: o.Ebs.VolumeSize, type, iops: o.Ebs.Iops, throughput: o.Ebs.Throughput, encrypted: o.Ebs.Encrypted ?? false, deleteOnTermination: o.Ebs.DeleteOnTermination ?? true }),
    });
  }
  return insertImage(
    ctx,
    {
      id,
      name: req.name,
      description: req.description,
      state: 'pending',
      architecture: instance.architecture,
      virtualizationType: 'hvm',
      enaSupport: true,
      sriovNetSupport: 'simple',
      platform: instance.platform,
      rootDeviceName: instance.root_device_name,
      sourceInstanceId: instance.id,
      mappings,
    },
    req.imageTags,
  );
}

export interface RegisterImageRequest {
  name: string;
  description?: string;
  imageLocation?: string;
  architecture?: string;
  virtualizationType?: string;
  enaSupport?: boolean;
  sriovNetSupport?: string;
  bootMode?: string;
  tpmSupport?: string;
  imdsSupport?: string;
  kernelId?: string;
  ramdiskId?: string;
  rootDeviceName?: string;
  mappings?: readonly BlockDeviceMapping[];
  tags: readonly Tag[];
}

/**
 * RegisterImage of an EBS-backed image from snapshots the caller may restore: available at once, as on AWS.
 * Defaults are AWS's: x86_64, paravirtual, root device /dev/sda1. S3 manifests (instance-store images) are not
 * served.
 */
export function registerImage(ctx: RequestContext, req: RegisterImageRequest): ImageRow {
  checkName(ctx, req.name);
  if ((req.description ?? '').length > 255) throw SnapshotErrors.descriptionLength(req.description ?? '');
  const requested = req.mappings ?? [];
  if (requested.length === 0) throw req.imageLocation !== undefined ? ImageErrors.instanceStore() : ImageErrors.noRootSnapshot();
  const root = req.rootDeviceName ?? '/dev/sda1';
  const seen = new Set<string>();
  const mappings: BlockDeviceMapping[] = [];
  for (const m of requested) {
    const device = m.DeviceName;
    if (device === undefined) throw RequestErrors.missingParameter('BlockDeviceMapping.DeviceName');
    if (seen.has(device)) throw VolumeErrors.mappingDuplicate(device);
    seen.add(device);
    if (m.NoDevice !== undefined) continue;
    if (m.VirtualName !== undefined) {
      mappings.push({ DeviceName: device, VirtualName: m.VirtualName });
      continue;
    }
    const ebs = m.Ebs ?? {};
    let snapshotSize: number | undefined;
    let encrypted = ebs.Encrypted ?? false;
    let kms: string | null = null;
    if (ebs.SnapshotId !== undefined) {
      const s = requireRestorableSnapshot(ctx, ebs.SnapshotId);
      snapshotSize = s.volume_size;
      encrypted = s.encrypted === 1;
      kms = s.kms_key_id;
    }
    const size = ebs.VolumeSize ?? snapshotSize;
    if (size === undefined) throw VolumeErrors.mappingNoSize(device);
    if (snapshotSize !== undefined && size < snapshotSize) throw VolumeErrors.smallerThanSnapshotAtLaunch(size, ebs.SnapshotId!, snapshotSize);
    mappings.push({
      DeviceName: device,
      Ebs: imageEbs({
        snapshotId: ebs.SnapshotId,
        size,
        type: (ebs.VolumeType ?? 'gp2') as string,
        iops: ebs.Iops,
        throughput: ebs.Throughput,
        encrypted,
        kmsKeyId: kms,
        deleteOnTermination: ebs.DeleteOnTermination ?? true,
      }),
    });
  }
  if (!mappings.some((m) => m.DeviceName === root && m.Ebs?.SnapshotId)) throw ImageErrors.rootDeviceName(root);
  return insertImage(
    ctx,
    {
      id: ctx.ids.id('ami'),
      name: req.name,
      description: req.description,
      state: 'available',
      architecture: req.architecture ?? 'x86_64',
      virtualizationType: req.virtualizationType ?? 'paravirtual',
      enaSupport: req.enaSupport,
      sriovNetSupport: req.sriovNetSupport,
      bootMode: req.bootMode,
      tpmSupport: req.tpmSupport,
      imdsSupport: req.imdsSupport,
      kernelId: req.kernelId,
      ramdiskId: req.ramdiskId,
      rootDeviceName: root,
      mappings,
    },
    req.tags,
  );
}

export interface CopyImageRequest {
  sourceRegion: string;
  sourceImageId: string;
  name: string;
  description?: string;
  encrypted?: boolean;
  kmsKeyId?: string;
  copyImageTags?: boolean;
  imageTags: readonly Tag[];
  snapshotTags: readonly Tag[];
}

/**
 * CopyImage into the caller's region from any region of the emulator where the caller may launch the source
 * (its own, shared or public, the catalog's too): new snapshots for every EBS mapping, the copy `pending` ->
 * `available`. Launch permissions never travel; the source's tags only with CopyImageTags (AWS docs "Copy an AMI").
 */
export function copyImage(ctx: RequestContext, req: CopyImageRequest, defaultKms: () => string): ImageRow {
  if (!isRegionName(req.sourceRegion)) throw SnapshotErrors.unknownRegion(req.sourceRegion);
  const catalog = ctx.images.get(req.sourceImageId);
  const row = catalog ? undefined : ctx.store.images.visible({ account: ctx.scope.account, region: req.sourceRegion }, req.sourceImageId);
  if (!catalog && !row) throw NotFoundErrors.images([req.sourceImageId]);
  if (row && row.state !== 'available') throw ImageErrors.unavailable(req.sourceImageId);
  checkName(ctx, req.name);
  if ((req.description ?? '').length > 255) throw SnapshotErrors.descriptionLength(req.description ?? '');
  const id = ctx.ids.id('ami');
  const source = catalog
    ? { description: catalog.Description, architecture: catalog.Architecture ?? 'x86_64', virtualization: catalog.VirtualizationType ?? 'hvm', ena: catalog.EnaSupport, sriov: catalog.SriovNetSupport, boot: catalog.BootMode, platform: catalog.Platform ?? null, root: catalog.RootDeviceName ?? '/dev/xvda', mappings: catalog.BlockDeviceMappings ?? [] }
    : { description: row!.description ?? undefined, architecture: row!.architecture, virtualization: row!.virtualization_type, ena: row!.ena_support === null ? undefined : row!.ena_support === 1, sriov: row!.sriov_net_support ?? undefined, boot: row!.boot_mode ?? undefined, platform: row!.platform, root: row!.root_device_name, mappings: mappingsOf(row!) };
  const encryptCopy = req.encrypted === true || req.kmsKeyId !== undefined;
  const mappings = source.mappings.map((m): BlockDeviceMapping => {
    if (!m.Ebs?.SnapshotId) return m;
    const encrypted = encryptCopy || m.Ebs.Encrypted === true;
    const snap = snapshotForImage(ctx, {
      volumeId: 'vol-ffffffff',
      size: m.Ebs.VolumeSize ?? 8,
      // AWS's description of the snapshots CopyImage makes (its "Task created on …" suffix left out)
      description: `Copied for DestinationAmi ${id} from SourceAmi ${req.sourceImageId} for SourceSnapshot ${m.Ebs.SnapshotId}`,
      encrypted,
      kms: encrypted ? (req.kmsKeyId ?? m.Ebs.KmsKeyId ?? defaultKms()) : null,
      tags: req.snapshotTags,
    });
    return { ...m, Ebs: { ...m.Ebs, SnapshotId: snap.id, Encrypted: encrypted, ...(encrypted ? { KmsKeyId: req.kmsKeyId ?? m.Ebs.KmsKeyId ?? defaultKms() } : {}) } };
  });
  // the caller's own tags on the source image, in the source image's region
  const tags =
    req.copyImageTags && row && row.account === ctx.scope.account
      ? [...ctx.store.tags.of({ account: ctx.scope.account, region: row.region }, row.id), ...req.imageTags]
      : req.imageTags;
  return insertImage(
    ctx,
    {
      id,
      name: req.name,
      description: req.description ?? source.description,
      state: 'pending',
      architecture: source.architecture,
      virtualizationType: source.virtualization,
      enaSupport: source.ena,
      sriovNetSupport: source.sriov,
      bootMode: source.boot,
      platform: source.platform,
      rootDeviceName: source.root,
      sourceImageId: req.sourceImageId,
      sourceRegion: req.sourceRegion,
      mappings,
    },
    tags,
  );
}

/** How long DescribeImages still knows a deregistered image's id (AWS: "deregistered within the past hour"). */
const DEREGISTERED_MEMORY_MS = 3_600_000;

/**
 * DeregisterImage: the image goes, its snapshots stay (no longer in use by it) unless DeleteAssociatedSnapshots
 * asks; the result lists each such snapshot's outcome.
 */
export function deregisterImage(ctx: RequestContext, id: string, deleteSnapshots: boolean): Array<{ SnapshotId: string; ReturnCode: SnapshotReturnCodes }> {
  const row = requireOwnImage(ctx, id);
  if (row.deregistration_protection === 1 || (row.protected_until ?? 0) > ctx.now) throw ImageErrors.protected(id);
  ctx.backend.cancel('image', row.id);
  ctx.store.images.delete(row.id); // permissions and snapshot links go with it (ON DELETE CASCADE), tags by trigger
  ctx.store.images.rememberDeregistered(row.id, who(ctx), ctx.now, ctx.now - DEREGISTERED_MEMORY_MS);
  if (!deleteSnapshots) return [];
  return mappingsOf(row).flatMap((m) => {
    const snapshotId = m.Ebs?.SnapshotId;
    if (!snapshotId) return [];
    try {
      deleteSnapshot(ctx, snapshotId);
      return [{ SnapshotId: snapshotId, ReturnCode: 'success' as SnapshotReturnCodes }];
    } catch (e) {
      if (!(e instanceof Ec2Error)) throw e;
      return [{ SnapshotId: snapshotId, ReturnCode: (e.code === 'InvalidSnapshot.InUse' ? 'error-snapshot-in-use' : 'error-missing-permissions') as SnapshotReturnCodes }];
    }
  });
}

/** The back end's step: pending -> available. */
export function applyImageTransition(ctx: RequestContext, id: string, to: string): void {
  const row = ctx.store.images.get(ctx.scope, id);
  if (!row || row.state !== 'pending' || to !== 'available') return;
  ctx.store.images.update(row.id, { state: 'available' });
}

export interface ImageListRequest {
  ids?: readonly string[];
  /** Owners: account ids, `self`, `amazon`. */
  owners?: readonly string[];
  /** ExecutableUsers: account ids, `self`, `all`. */
  executableUsers?: readonly string[];
  /** IncludeDeprecated: other accounts' deprecated images too (the owner always sees its own). */
  includeDeprecated?: boolean;
}

/**
 * What DescribeImages lists: the catalog's public images and the account images of the region the caller sees
 * (its own, shared with it, public), narrowed by Owners and ExecutableUsers. Unknown ids are InvalidAMIID.NotFound.
 */
export function listImages(ctx: RequestContext, req: ImageListRequest): { catalog: Image[]; rows: ImageRow[] } {
  const ids = req.ids && req.ids.length > 0 ? req.ids : undefined;
  let catalog = ids ? ids.flatMap((id) => ctx.images.get(id) ?? []) : ctx.images.all();
  let rows = ctx.store.images.listVisible(who(ctx), ids);
  if (ids) {
    const found = new Set([...catalog.map((i) => i.ImageId), ...rows.map((r) => r.id)]);
    let missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) {
      // a recently deregistered image is left out of the answer, not unknown
      const recent = ctx.store.images.deregisteredSince(who(ctx), missing, ctx.now - DEREGISTERED_MEMORY_MS);
      missing = missing.filter((id) => !recent.has(id));
    }
    if (missing.length > 0) throw NotFoundErrors.images(missing);
  }
  if (!ids && !req.includeDeprecated) {
    rows = rows.filter((r) => r.account === ctx.scope.account || r.deprecation_time === null || r.deprecation_time > ctx.now);
  }
  const owners = req.owners ?? [];
  if (owners.length > 0) {
    const accounts = new Set(owners.map((o) => (o === 'self' ? ctx.scope.account : o)));
    catalog = catalog.filter((i) => accounts.has(AMAZON_OWNER_ALIAS) || accounts.has(i.OwnerId ?? ''));
    rows = rows.filter((r) => accounts.has(r.account));
  }
  const users = req.executableUsers ?? [];
  if (users.length > 0) {
    const grantees = new Set(users.map((u) => (u === 'self' ? ctx.scope.account : u)));
    const perms = ctx.store.images.granteesOf(rows.map((r) => r.id));
    // The catalog's images are public; an owner may always launch its own images.
    catalog = grantees.has('all') ? catalog : [];
    rows = rows.filter((r) => grantees.has(r.account) || (perms.get(r.id) ?? []).some((p) => grantees.has(p.grantee)));
  }
  return { catalog, rows };
}

export interface LaunchPermissionChange {
  add: readonly LaunchPermission[];
  remove: readonly LaunchPermission[];
}

function granteeOf(p: LaunchPermission): Grantee {
  if (p.Group !== undefined) {
    if (p.Group !== 'all') throw ImageErrors.attributeItem('UserGroup', p.Group);
    return 'all';
  }
  const user = p.UserId ?? '';
  if (!ACCOUNT_PATTERN.test(user)) throw ImageErrors.attributeItem('userId', user);
  return user;
}

/** ModifyImageAttribute launchPermission: account ids and the `all` group; nothing changes when one is invalid. */
export function modifyLaunchPermissions(ctx: RequestContext, imageId: string, change: LaunchPermissionChange): void {
  const row = requireOwnImage(ctx, imageId);
  const add = change.add.map(granteeOf);
  const remove = change.remove.map(granteeOf);
  for (const g of add) ctx.store.images.grant(row.id, g);
  for (const g of remove) ctx.store.images.revoke(row.id, g);
}

export function setImageDescription(ctx: RequestContext, imageId: string, description: string): void {
  const row = requireOwnImage(ctx, imageId);
  if (description.length > 255) throw SnapshotErrors.descriptionLength(description);
  ctx.store.images.update(row.id, { description });
}

/** ImdsSupport can only be set to v2.0 (AWS: it cannot be undone). */
export function setImageImdsSupport(ctx: RequestContext, imageId: string, value: string): void {
  const row = requireOwnImage(ctx, imageId);
  if (value !== 'v2.0') throw RequestErrors.invalidParameter('ImdsSupport', value);
  ctx.store.images.update(row.id, { imds_support: value });
}

/** ResetImageAttribute: only launchPermission, back to private. */
export function resetImageAttribute(ctx: RequestContext, imageId: string, attribute: string): void {
  const row = requireOwnImage(ctx, imageId);
  if (attribute !== 'launchPermission') throw ImageErrors.resetAttribute(attribute);
  ctx.store.images.revokeAll(row.id);
}

export function launchPermissions(ctx: Pick<RequestContext, 'store'>, imageId: string): LaunchPermission[] {
  return ctx.store.images.grantees(imageId).map((g) => (g === 'all' ? { Group: 'all' } : { UserId: g }));
}

/** The catalog images' owner alias (DescribeImages Owners=amazon). */
export const AMAZON_OWNER_ALIAS = 'amazon';

// ---- deregistration protection and deprecation (docs/behavior.md "Images") ----

const COOLDOWN_MS = 24 * 3_600_000;

/** What DescribeImages and DescribeImageAttribute say of an image's deregistration protection. */
export function deregistrationProtectionOf(row: ImageRow, now: number): string {
  if (row.deregistration_protection === 1) return row.deregistration_cooldown === 1 ? 'enabled-with-cooldown' : 'enabled-without-cooldown';
  if (row.protected_until !== null && row.protected_until > now) return `disabled-until-${new Date(row.protected_until).toISOString()}`;
  return 'disabled';
}

/** EnableImageDeregistrationProtection: the image cannot be deregistered; WithCooldown keeps it so 24 h after a disable. */
export function enableDeregistrationProtection(ctx: RequestContext, imageId: string, withCooldown: boolean): string {
  const row = requireOwnImage(ctx, imageId);
  ctx.store.images.update(row.id, { deregistration_protection: 1, deregistration_cooldown: withCooldown ? 1 : 0, protected_until: null });
  return deregistrationProtectionOf(ctx.store.images.get(ctx.scope, row.id)!, ctx.now);
}

/** DisableImageDeregistrationProtection: at once, or after the 24-hour cooldown the protection was enabled with. */
export function disableDeregistrationProtection(ctx: RequestContext, imageId: string): string {
  const row = requireOwnImage(ctx, imageId);
  const until = row.deregistration_protection === 1 && row.deregistration_cooldown === 1 ? ctx.now + COOLDOWN_MS : row.protected_until;
  ctx.store.images.update(row.id, { deregistration_protection: 0, deregistration_cooldown: 0, protected_until: until });
  return deregistrationProtectionOf(ctx.store.images.get(ctx.scope, row.id)!, ctx.now);
}

/** EnableImageDeprecation: at a time in the future, rounded to the nearest minute (AWS's rule). */
export function enableDeprecation(ctx: RequestContext, imageId: string, at: Date): void {
  const row = requireOwnImage(ctx, imageId);
  const ms = Math.round(at.getTime() / 60_000) * 60_000;
  if (ms <= ctx.now) throw ImageErrors.deprecationInPast(at.toISOString());
  ctx.store.images.update(row.id, { deprecation_time: ms });
}

export function disableDeprecation(ctx: RequestContext, imageId: string): void {
  const row = requireOwnImage(ctx, imageId);
  ctx.store.images.update(row.id, { deprecation_time: null });
}
