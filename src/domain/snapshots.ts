/**
 * EBS snapshots (docs/behavior.md "Volumes and snapshots"): made from a volume (CreateSnapshot), from every volume of
 * an instance (CreateSnapshots) or copied (CopySnapshot), `pending` -> `completed` through the back end
 * (--snapshot-ms). A snapshot is its owner's; `createVolumePermission` shares it with other accounts or everyone
 * ('all'), and those accounts then see it in DescribeSnapshots and may create volumes from it or copy it.
 *
 * The snapshots behind the catalog's public images (fixtures/images.json) exist too: owned by the image's owner
 * (alias `amazon`), completed, in every region, and in use by their image (DeleteSnapshot answers
 * InvalidSnapshot.InUse). They are written once, on the first snapshot call after a start or reset.
 */
import type { RequestContext } from '../core/context';
import { NotFoundErrors, RequestErrors, SnapshotErrors } from '../errors';
import type { CreateVolumePermission, Tag } from '../protocol/model/types.generated';
import type { ListOptions } from '../store/query';
import type { SnapshotRow, VolumeRow } from '../store/rows';
import { isRegionName } from './regions';
import { addTags } from './tags';

/** Region of the catalog's snapshots: '' = every region. */
const CATALOG_REGION = '';
const COPY_VOLUME_ID = 'vol-ffffffff';
const MAX_DESCRIPTION = 255;

const who = (ctx: RequestContext) => ({ account: ctx.scope.account, region: ctx.scope.region });

/** The catalog's image snapshots, written once (they are wiped with everything else by a reset). */
function ensureCatalogSnapshots(ctx: RequestContext): void {
  if (ctx.store.snapshots.anyInRegion(CATALOG_REGION)) return;
  for (const image of ctx.images.all()) {
    for (const m of image.BlockDeviceMappings ?? []) {
      const ebs = m.Ebs;
      if (!ebs?.SnapshotId || ctx.store.snapshots.exists(ebs.SnapshotId)) continue;
      ctx.store.snapshots.insert({
        id: ebs.SnapshotId,
        account: image.OwnerId ?? '',
        region: CATALOG_REGION,
        volume_id: COPY_VOLUME_ID,
        volume_size: ebs.VolumeSize ?? 8,
        description: `Snapshot of ${image.ImageId} (${image.Name ?? ''})`,
        encrypted: ebs.Encrypted ? 1 : 0,
        state: 'completed',
        started_at: Date.parse(image.CreationDate ?? '2017-10-13T00:00:00.000Z'),
        completed_at: Date.parse(image.CreationDate ?? '2017-10-13T00:00:00.000Z'),
        owner_alias: 'amazon',
      });
    }
  }
}

/** The image (the catalog's or an account's, schema 013) whose block device mappings use this snapshot, if any. */
function imageUsing(ctx: RequestContext, snapshotId: string): string | undefined {
  for (const image of ctx.images.all()) {
    if ((image.BlockDeviceMappings ?? []).some((m) => m.Ebs?.SnapshotId === snapshotId)) return image.ImageId;
  }
  return ctx.store.images.usingSnapshot(snapshotId);
}

/** A snapshot the caller owns or may create volumes from (shared with it, or public). */
export function requireRestorableSnapshot(ctx: RequestContext, id: string): SnapshotRow {
  ensureCatalogSnapshots(ctx);
  const s = ctx.store.snapshots.visible(who(ctx), id);
  if (!s) throw NotFoundErrors.snapshot(id);
  return s;
}

/** A snapshot the caller owns (attribute changes, deletion). */
export function requireOwnSnapshot(ctx: RequestContext, id: string): SnapshotRow {
  const s = requireRestorableSnapshot(ctx, id);
  if (s.account !== ctx.scope.account) throw SnapshotErrors.notOwner(id);
  return s;
}

function checkDescription(description: string | undefined): string {
  const d = description ?? '';
  if (d.length > MAX_DESCRIPTION) throw SnapshotErrors.descriptionLength(d);
  return d;
}

function insertSnapshot(ctx: RequestContext, s: { volumeId: string; size: number; description: string; encrypted: boolean; kms: string | null }): SnapshotRow {
  const id = ctx.ids.id('snap');
  ctx.store.snapshots.insert({
    id,
    account: ctx.scope.account,
    region: ctx.scope.region,
    volume_id: s.volumeId,
    volume_size: s.size,
    description: s.description,
    encrypted: s.encrypted ? 1 : 0,
    kms_key_id: s.kms,
    state: 'pending',
    started_at: ctx.now,
    completed_at: null,
    owner_alias: null,
  });
  ctx.backend.schedule(ctx.scope, 'snapshot', id, 'pending', 'completed', ctx.now + ctx.config.snapshotMs);
  return ctx.store.snapshots.get(ctx.scope, id)!;
}

/**
 * A snapshot CreateImage or CopyImage makes for an image's mapping (the source may be another account's shared or
 * public image: launch permission is enough, so no restore check here).
 */
export function snapshotForImage(
  ctx: RequestContext,
  s: { volumeId: string; size: number; description: string; encrypted: boolean; kms: string | null; tags: readonly Tag[] },
): SnapshotRow {
  const row = insertSnapshot(ctx, { volumeId: s.volumeId, size: s.size, description: checkDescription(s.description), encrypted: s.encrypted, kms: s.kms });
  addTags(ctx, row.id, 'snapshot', s.tags);
  return row;
}

/** CreateSnapshot of one of the caller's volumes (any state but creating; AWS snapshots in-use volumes too). */
export function createSnapshot(ctx: RequestContext, volume: VolumeRow, description: string | undefined, tags: readonly Tag[]): SnapshotRow {
  const s = insertSnapshot(ctx, {
    volumeId: volume.id,
    size: volume.size,
    description: checkDescription(description),
    encrypted: volume.encrypted === 1,
    kms: volume.kms_key_id,
  });
  addTags(ctx, s.id, 'snapshot', tags);
  return s;
}

export interface InstanceSnapshots {
  instanceId: string;
  excludeBoot?: boolean;
  excludeVolumeIds?: readonly string[];
  description?: string;
  tags: readonly Tag[];
  /** CopyTagsFromSource=volume: each snapshot also gets its volume's tags. */
  copyVolumeTags: boolean;
}

/** CreateSnapshots: one snapshot per EBS volume attached to the instance, less the exclusions. */
export function createInstanceSnapshots(ctx: RequestContext, spec: InstanceSnapshots): SnapshotRow[] {
  const [instance] = [ctx.store.instances.get(ctx.scope, spec.instanceId)];
  if (!instance) throw NotFoundErrors.instances([spec.instanceId]);
  const excluded = new Set(spec.excludeVolumeIds ?? []);
  const attachments = ctx.store.volumeAttachments
    .ofInstance(instance.id)
    .filter((a) => !excluded.has(a.volume_id) && !(spec.excludeBoot && a.device === instance.root_device_name));
  return attachments.map((a) => {
    const volume = ctx.store.volumes.get(ctx.scope, a.volume_id)!;
    const tags = spec.copyVolumeTags ? [...ctx.store.tags.of(ctx.scope, volume.id), ...spec.tags] : spec.tags;
    return createSnapshot(ctx, volume, spec.description, tags);
  });
}

export interface CopyRequest {
  sourceRegion: string;
  sourceSnapshotId: string;
  description?: string;
  encrypted?: boolean;
  kmsKeyId?: string;
}

/**
 * CopySnapshot into the caller's region from any region where the caller may restore the source. The copy is
 * encrypted when the source is or when asked (an encrypted source cannot be copied unencrypted).
 */
export function copySnapshot(ctx: RequestContext, req: CopyRequest, tags: readonly Tag[], defaultKms: () => string): SnapshotRow {
  if (!isRegionName(req.sourceRegion)) throw SnapshotErrors.unknownRegion(req.sourceRegion);
  ensureCatalogSnapshots(ctx);
  const source = ctx.store.snapshots.visible({ account: ctx.scope.account, region: req.sourceRegion }, req.sourceSnapshotId);
  if (!source) throw NotFoundErrors.snapshot(req.sourceSnapshotId);
  const encrypted = source.encrypted === 1 || req.encrypted === true || req.kmsKeyId !== undefined;
  const s = insertSnapshot(ctx, {
    volumeId: COPY_VOLUME_ID,
    size: source.volume_size,
    // AWS's default description of a copy
    description: checkDescription(req.description ?? `[Copied ${source.id} from ${req.sourceRegion}]`),
    encrypted,
    kms: encrypted ? (req.kmsKeyId ?? source.kms_key_id ?? defaultKms()) : null,
  });
  addTags(ctx, s.id, 'snapshot', tags);
  return s;
}

/** DeleteSnapshot: the caller's own, not used by an image (InvalidSnapshot.InUse). */
export function deleteSnapshot(ctx: RequestContext, id: string): void {
  const s = requireRestorableSnapshot(ctx, id);
  const image = imageUsing(ctx, s.id);
  if (s.account !== ctx.scope.account) throw image ? SnapshotErrors.inUse(s.id, image) : SnapshotErrors.notOwner(s.id);
  if (image) throw SnapshotErrors.inUse(s.id, image);
  ctx.backend.cancel('snapshot', s.id);
  ctx.store.snapshots.delete(s.id); // permissions go with it (ON DELETE CASCADE), tags by trigger
}

/** The back end's step: pending -> completed. */
export function applySnapshotTransition(ctx: RequestContext, id: string, to: string): void {
  const s = ctx.store.snapshots.get(ctx.scope, id);
  if (!s || s.state !== 'pending' || to !== 'completed') return;
  ctx.store.snapshots.update(s.id, { state: 'completed', completed_at: ctx.now });
}

export interface SnapshotListRequest {
  /** OwnerIds: account ids, `self`, `amazon`. */
  owners?: readonly string[];
  /** RestorableByUserIds: account ids, `self`, `all`. */
  restorableBy?: readonly string[];
}

/**
 * What DescribeSnapshots pages over: the caller's snapshots and those it may restore, narrowed by OwnerIds
 * (`self`, `amazon` or account ids) and RestorableByUserIds (`self`, `all` or account ids).
 */
export function listSnapshots(ctx: RequestContext, opts: ListOptions, req: SnapshotListRequest): SnapshotRow[] {
  ensureCatalogSnapshots(ctx);
  const clauses = [...(opts.clauses ?? [])];
  if (req.owners && req.owners.length > 0) {
    const accounts = req.owners.filter((o) => o !== 'amazon').map((o) => (o === 'self' ? ctx.scope.account : o));
    const amazon = req.owners.includes('amazon');
    clauses.push({
      sql: `(s.account IN (SELECT value FROM json_each(?))${amazon ? " OR s.owner_alias = 'amazon'" : ''})`,
      params: [JSON.stringify(accounts)],
    });
  }
  if (req.restorableBy && req.restorableBy.length > 0) {
    const grantees = req.restorableBy.map((r) => (r === 'self' ? ctx.scope.account : r));
    // `self`: what the caller may restore, its own included; an account id or `all`: what is shared with it.
    const self = req.restorableBy.includes('self');
    clauses.push({
      sql: `(s.id IN (SELECT snapshot_id FROM snapshot_permissions WHERE grantee IN (SELECT value FROM json_each(?)))${self ? ' OR s.account = ?' : ''})`,
      params: self ? [JSON.stringify(grantees), ctx.scope.account] : [JSON.stringify(grantees)],
    });
  }
  return ctx.store.snapshots.listVisible(who(ctx), { ...opts, clauses });
}

export function existingSnapshotIds(ctx: RequestContext, ids: readonly string[]): Set<string> {
  return new Set(listSnapshots(ctx, { ids }, {}).map((s) => s.id));
}

/** createVolumePermission as DescribeSnapshotAttribute lists it. */
export function volumePermissions(ctx: RequestContext, snapshotId: string): CreateVolumePermission[] {
  return ctx.store.snapshots.grantees(snapshotId).map((g) => (g === 'all' ? { Group: 'all' } : { UserId: g }));
}

export interface PermissionChange {
  add: CreateVolumePermission[];
  remove: CreateVolumePermission[];
}

/**
 * ModifySnapshotAttribute createVolumePermission: add or remove account ids and the `all` group. An encrypted
 * snapshot cannot be made public (AWS refuses sharing encrypted snapshots with everyone).
 */
export function modifyVolumePermissions(ctx: RequestContext, snapshotId: string, change: PermissionChange): void {
  const s = requireOwnSnapshot(ctx, snapshotId);
  const grantee = (p: CreateVolumePermission) => {
    if (p.Group !== undefined && p.Group !== 'all') throw SnapshotErrors.group(p.Group);
    return p.Group === 'all' ? 'all' : (p.UserId ?? '');
  };
  const add = change.add.map(grantee).filter((g) => g !== '');
  const remove = change.remove.map(grantee).filter((g) => g !== '');
  if (s.encrypted === 1 && add.includes('all')) throw SnapshotErrors.encryptedPublic(s.id);
  for (const g of add) ctx.store.snapshots.grant(s.id, g);
  for (const g of remove) ctx.store.snapshots.revoke(s.id, g);
}

/** ResetSnapshotAttribute: only createVolumePermission, back to private. */
export function resetSnapshotAttribute(ctx: RequestContext, snapshotId: string, attribute: string): void {
  const s = requireOwnSnapshot(ctx, snapshotId);
  if (attribute !== 'createVolumePermission') throw SnapshotErrors.resetAttribute(attribute);
  ctx.store.snapshots.revokeAll(s.id);
}

export function checkAttributeName(attribute: string | undefined): string {
  if (attribute === undefined) throw SnapshotErrors.attributeRequired();
  if (attribute !== 'createVolumePermission' && attribute !== 'productCodes') throw RequestErrors.invalidParameter('attribute', attribute, 'Unknown attribute.');
  return attribute;
}
