/**
 * DescribeVolumes, DescribeVolumeStatus, DescribeVolumesModifications and DescribeSnapshots filters: every name the
 * model documents is accepted. Exact values of the ones users run at scale go to SQL (ids, zone, state, type,
 * snapshot, attachment instance); the rest is matched over the API objects.
 */
import { zoneByName } from '../domain/regions';
import type { Snapshot, SnapshotTierStatus, Volume, VolumeModification, VolumeStatusItem } from '../protocol/model/types.generated';
import type { SnapshotRecord, VolumeRecord } from '../views/volume';
import { presentSnapshot, presentSnapshotTierStatus, presentVolume } from '../views/volume';
import type { FilterField, FilterSpec, FilterValue } from './engine';

type VF = FilterField<VolumeRecord>;
const vol = (get: (v: Volume) => FilterValue, sql?: string): VF => ({ get: (r) => get(presentVolume(r)), sql });
const attached = (get: (a: NonNullable<Volume['Attachments']>[number]) => FilterValue): VF => ({
  get: (r) => (presentVolume(r).Attachments ?? []).map(get) as FilterValue,
});

export const volumeFilters: FilterSpec<VolumeRecord> = {
  idSql: 'v.id',
  tags: (r) => r.tags,
  fields: {
    'attachment.attach-time': attached((a) => a.AttachTime),
    'attachment.delete-on-termination': attached((a) => a.DeleteOnTermination),
    'attachment.device': attached((a) => a.Device),
    'attachment.instance-id': {
      get: (r) => r.attachments.map((a) => a.instance_id),
      sqlIn: (json) => ({ sql: 'v.id IN (SELECT volume_id FROM volume_attachments WHERE instance_id IN (SELECT value FROM json_each(?)))', params: [json] }),
    },
    'attachment.status': attached((a) => a.State),
    'availability-zone': vol((v) => v.AvailabilityZone, 'v.availability_zone'),
    'availability-zone-id': { get: (r) => zoneByName(r.row.region, r.row.availability_zone)?.id },
    'create-time': vol((v) => v.CreateTime),
    encrypted: { get: (r) => r.row.encrypted === 1 },
    'fast-restored': { get: () => false },
    'multi-attach-enabled': { get: (r) => r.row.multi_attach === 1 },
    'operator.managed': { get: () => false },
    'operator.principal': { get: () => undefined },
    size: { get: (r) => r.row.size },
    'snapshot-id': { get: (r) => r.row.snapshot_id, sql: 'v.snapshot_id' },
    status: { get: (r) => r.row.state, sql: 'v.state' },
    'volume-id': { get: (r) => r.row.id, sql: 'v.id' },
    'volume-type': { get: (r) => r.row.volume_type, sql: 'v.volume_type' },
  },
};

type SF = FilterField<VolumeStatusItem>;
const none: SF = { get: () => undefined };

export const volumeStatusFilters: FilterSpec<VolumeStatusItem> = {
  fields: {
    'action.code': none,
    'action.description': none,
    'action.event-id': none,
    'availability-zone': { get: (s) => s.AvailabilityZone },
    'event.description': none,
    'event.event-id': none,
    'event.event-type': none,
    'event.not-after': none,
    'event.not-before': none,
    'volume-status.details-name': { get: (s) => (s.VolumeStatus?.Details ?? []).map((d) => d.Name) },
    'volume-status.details-status': { get: (s) => (s.VolumeStatus?.Details ?? []).map((d) => d.Status) },
    'volume-status.status': { get: (s) => s.VolumeStatus?.Status },
  },
};

type MF = FilterField<VolumeModification>;
const mod = (get: (m: VolumeModification) => FilterValue): MF => ({ get });

export const volumeModificationFilters: FilterSpec<VolumeModification> = {
  fields: {
    'modification-state': mod((m) => m.ModificationState),
    'original-iops': mod((m) => m.OriginalIops),
    'original-size': mod((m) => m.OriginalSize),
    'original-volume-type': mod((m) => m.OriginalVolumeType),
    originalMultiAttachEnabled: mod((m) => m.OriginalMultiAttachEnabled),
    'start-time': mod((m) => m.StartTime),
    'target-iops': mod((m) => m.TargetIops),
    'target-size': mod((m) => m.TargetSize),
    'target-volume-type': mod((m) => m.TargetVolumeType),
    targetMultiAttachEnabled: mod((m) => m.TargetMultiAttachEnabled),
    'volume-id': mod((m) => m.VolumeId),
  },
};

type NF = FilterField<SnapshotRecord>;
const snap = (get: (s: Snapshot) => FilterValue, sql?: string): NF => ({ get: (r) => get(presentSnapshot(r)), sql });

export const snapshotFilters: FilterSpec<SnapshotRecord> = {
  idSql: 's.id',
  tags: (r) => r.tags,
  fields: {
    description: snap((s) => s.Description, 's.description'),
    encrypted: snap((s) => s.Encrypted),
    'owner-alias': snap((s) => s.OwnerAlias, 's.owner_alias'),
    'owner-id': snap((s) => s.OwnerId, 's.account'),
    progress: snap((s) => s.Progress),
    'snapshot-id': snap((s) => s.SnapshotId, 's.id'),
    'start-time': snap((s) => s.StartTime),
    status: snap((s) => s.State, 's.state'),
    'storage-tier': snap((s) => s.StorageTier, 's.storage_tier'),
    'transfer-type': snap(() => 'standard'),
    'volume-id': snap((s) => s.VolumeId, 's.volume_id'),
    'volume-size': snap((s) => s.VolumeSize),
  },
};

type TF = FilterField<SnapshotRecord>;
const tier = (get: (s: SnapshotTierStatus) => FilterValue, sql?: string): TF => ({ get: (r) => get(presentSnapshotTierStatus(r)), sql });

/** DescribeSnapshotTierStatus: the filters the model documents. */
export const snapshotTierStatusFilters: FilterSpec<SnapshotRecord> = {
  idSql: 's.id',
  tags: (r) => r.tags,
  fields: {
    'snapshot-id': tier((s) => s.SnapshotId, 's.id'),
    'volume-id': tier((s) => s.VolumeId, 's.volume_id'),
    'last-tiering-operation': tier((s) => s.LastTieringOperationStatus, 's.tiering_status'),
  },
};
