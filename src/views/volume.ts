/** EBS volumes, their attachments and modifications, and snapshots, as the API shows them. */
import type { RequestContext } from '../core/context';
import { iopsOf } from '../domain/volumes';
import { zoneByName } from '../domain/regions';
import type { AttachmentStatus, InstanceBlockDeviceMapping, Snapshot, SnapshotTierStatus, Tag, Volume, VolumeAttachment, VolumeModification, VolumeStatusItem } from '../protocol/model/types.generated';
import type { SnapshotRow, VolumeAttachmentRow, VolumeModificationRow, VolumeRow } from '../store/rows';
import { tagsOrNothing } from './vpc';

type LoadContext = Pick<RequestContext, 'store' | 'scope'>;

export interface VolumeRecord {
  row: VolumeRow;
  attachments: VolumeAttachmentRow[];
  tags: Tag[];
}

export function loadVolumeRecords(ctx: LoadContext, rows: readonly VolumeRow[]): VolumeRecord[] {
  const ids = rows.map((r) => r.id);
  const attachments = ctx.store.volumeAttachments.ofVolumes(ids);
  const tags = ctx.store.tags.forResources(ctx.scope, ids);
  return rows.map((row) => ({ row, attachments: attachments.get(row.id) ?? [], tags: tags.get(row.id) ?? [] }));
}

export function presentVolumeAttachment(a: VolumeAttachmentRow): VolumeAttachment {
  return {
    AttachTime: new Date(a.attach_time),
    Device: a.device,
    InstanceId: a.instance_id,
    State: a.status as VolumeAttachment['State'],
    VolumeId: a.volume_id,
    DeleteOnTermination: a.delete_on_termination === 1,
  };
}

/** An instance's EBS volumes as its BlockDeviceMappings (DescribeInstances, DescribeInstanceAttribute). */
export function presentBlockDeviceMappings(attachments: readonly VolumeAttachmentRow[]): InstanceBlockDeviceMapping[] {
  return attachments.map((a) => ({
    DeviceName: a.device,
    Ebs: {
      AttachTime: new Date(a.attach_time),
      DeleteOnTermination: a.delete_on_termination === 1,
      Status: a.status as AttachmentStatus,
      VolumeId: a.volume_id,
    },
  }));
}

export function presentVolume(rec: VolumeRecord): Volume {
  const { row } = rec;
  return {
    Attachments: rec.attachments.map(presentVolumeAttachment),
    AvailabilityZone: row.availability_zone,
    AvailabilityZoneId: zoneByName(row.region, row.availability_zone)?.id,
    CreateTime: new Date(row.created_at),
    Encrypted: row.encrypted === 1,
    KmsKeyId: row.kms_key_id ?? undefined,
    Size: row.size,
    SnapshotId: row.snapshot_id,
    State: row.state as Volume['State'],
    VolumeId: row.id,
    Iops: iopsOf(row),
    Tags: tagsOrNothing(rec.tags),
    VolumeType: row.volume_type as Volume['VolumeType'],
    MultiAttachEnabled: row.multi_attach === 1,
    Throughput: row.throughput ?? undefined,
    FastRestored: false,
  };
}

export function presentVolumes(ctx: LoadContext, rows: readonly VolumeRow[]): Volume[] {
  return loadVolumeRecords(ctx, rows).map(presentVolume);
}

/** DescribeVolumeStatus: every simulated volume is healthy, I/O enabled (autoEnableIO only matters after impairment). */
export function presentVolumeStatus(row: VolumeRow): VolumeStatusItem {
  return {
    Actions: [],
    AvailabilityZone: row.availability_zone,
    AvailabilityZoneId: zoneByName(row.region, row.availability_zone)?.id,
    Events: [],
    VolumeId: row.id,
    VolumeStatus: {
      Details: [
        { Name: 'io-enabled', Status: 'passed' },
        { Name: 'io-performance', Status: 'not-applicable' },
      ],
      Status: 'ok',
    },
  };
}

export function presentModification(m: VolumeModificationRow): VolumeModification {
  return {
    VolumeId: m.id,
    ModificationState: m.state as VolumeModification['ModificationState'],
    TargetSize: m.target_size,
    TargetIops: m.target_iops ?? undefined,
    TargetVolumeType: m.target_type as VolumeModification['TargetVolumeType'],
    TargetThroughput: m.target_throughput ?? undefined,
    TargetMultiAttachEnabled: m.target_multi_attach === 1,
    OriginalSize: m.original_size,
    OriginalIops: m.original_iops ?? undefined,
    OriginalVolumeType: m.original_type as VolumeModification['OriginalVolumeType'],
    OriginalThroughput: m.original_throughput ?? undefined,
    OriginalMultiAttachEnabled: m.original_multi_attach === 1,
    Progress: m.progress,
    StartTime: new Date(m.started_at),
    EndTime: m.ended_at !== null ? new Date(m.ended_at) : undefined,
  };
}

export interface SnapshotRecord {
  row: SnapshotRow;
  tags: Tag[];
  /** Who may create volumes from it ('all' = public). */
  grantees: string[];
}

export function loadSnapshotRecords(ctx: LoadContext, rows: readonly SnapshotRow[]): SnapshotRecord[] {
  const ids = rows.map((r) => r.id);
  const tags = ctx.store.tags.forResources(ctx.scope, ids);
  const grantees = ctx.store.snapshots.granteesOf(ids);
  return rows.map((row) => ({ row, tags: tags.get(row.id) ?? [], grantees: (grantees.get(row.id) ?? []).map((g) => g.grantee) }));
}

export function presentSnapshot(rec: SnapshotRecord): Snapshot {
  const { row } = rec;
  return {
    SnapshotId: row.id,
    VolumeId: row.volume_id,
    State: row.state as Snapshot['State'],
    StartTime: new Date(row.started_at),
    Progress: row.state === 'completed' ? '100%' : '0%',
    OwnerId: row.account,
    OwnerAlias: row.owner_alias ?? undefined,
    Description: row.description,
    VolumeSize: row.volume_size,
    Encrypted: row.encrypted === 1,
    KmsKeyId: row.kms_key_id ?? undefined,
    Tags: tagsOrNothing(rec.tags),
    StorageTier: row.storage_tier as Snapshot['StorageTier'],
    RestoreExpiryTime: row.restore_expires_at !== null ? new Date(row.restore_expires_at) : undefined,
    CompletionTime: row.completed_at !== null ? new Date(row.completed_at) : undefined,
  };
}

/** DescribeSnapshotTierStatus: the last archive or restore operation (none yet: the standard tier, no operation). */
export function presentSnapshotTierStatus(rec: SnapshotRecord): SnapshotTierStatus {
  const { row } = rec;
  const status = row.tiering_status ?? undefined;
  return {
    SnapshotId: row.id,
    VolumeId: row.volume_id,
    Status: row.state as SnapshotTierStatus['Status'],
    OwnerId: row.account,
    Tags: tagsOrNothing(rec.tags),
    StorageTier: row.storage_tier as SnapshotTierStatus['StorageTier'],
    LastTieringStartTime: row.tiering_started_at !== null ? new Date(row.tiering_started_at) : undefined,
    LastTieringProgress: status === undefined ? undefined : status.endsWith('-in-progress') ? 0 : 100,
    LastTieringOperationStatus: status as SnapshotTierStatus['LastTieringOperationStatus'],
    ArchivalCompleteTime: row.archived_at !== null ? new Date(row.archived_at) : undefined,
    RestoreExpiryTime: row.restore_expires_at !== null ? new Date(row.restore_expires_at) : undefined,
  };
}

export function presentSnapshotTierStatuses(ctx: LoadContext, rows: readonly SnapshotRow[]): SnapshotTierStatus[] {
  return loadSnapshotRecords(ctx, rows).map(presentSnapshotTierStatus);
}

export function presentSnapshots(ctx: LoadContext, rows: readonly SnapshotRow[]): Snapshot[] {
  return loadSnapshotRecords(ctx, rows).map(presentSnapshot);
}
