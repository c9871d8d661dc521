/**
 * EBS Snapshots Archive (docs/behavior.md "Volumes and snapshots"): ModifySnapshotTier moves a completed snapshot to
 * the archive tier, RestoreSnapshotTier brings it back for some days (it stays archived) or for good, and
 * DescribeSnapshotTierStatus shows the last of these operations. Each runs `*-in-progress` and completes through
 * the back end after --snapshot-ms (AWS takes hours to days); a temporary restore's end re-archives it the same way.
 */
import type { RequestContext } from '../core/context';
import { RequestErrors, SnapshotErrors } from '../errors';
import type { ListOptions } from '../store/query';
import type { SnapshotRow } from '../store/rows';
import { requireOwnSnapshot } from './snapshots';

const DAY_MS = 86_400_000;
/** TemporaryRestoreDays, as the Snapshots Archive guide bounds it. */
const MAX_RESTORE_DAYS = 180;

const inProgress = (s: SnapshotRow) => s.tiering_status?.endsWith('-in-progress') === true;

function schedule(ctx: RequestContext, s: SnapshotRow, from: string, to: string, due: number): void {
  ctx.backend.schedule(ctx.scope, 'snapshot', s.id, from, to, due);
}

/** ModifySnapshotTier: a completed snapshot of the standard tier, no operation running; archived through the back end. */
export function archiveSnapshot(ctx: RequestContext, id: string): SnapshotRow {
  const s = requireOwnSnapshot(ctx, id);
  if (s.state !== 'completed') throw SnapshotErrors.tierState(s.id, 'is not completed');
  if (inProgress(s)) throw SnapshotErrors.tierState(s.id, 'has an archive or restore operation in progress');
  if (s.storage_tier === 'archive') throw SnapshotErrors.tierState(s.id, 'is already archived');
  ctx.store.snapshots.update(s.id, { tiering_status: 'archival-in-progress', tiering_started_at: ctx.now });
  schedule(ctx, s, 'archival-in-progress', 'archival-completed', ctx.now + ctx.config.snapshotMs);
  return ctx.store.snapshots.get(ctx.scope, s.id)!;
}

export interface RestoreRequest {
  TemporaryRestoreDays?: number;
  PermanentRestore?: boolean;
}

/**
 * RestoreSnapshotTier: an archived snapshot, for good (back to standard) or for 1-180 days (it stays in the archive
 * tier, usable until the restore expires). A snapshot restored for some days may be given another period.
 */
export function restoreSnapshot(ctx: RequestContext, id: string, req: RestoreRequest): { snapshot: SnapshotRow; permanent: boolean } {
  const permanent = req.PermanentRestore === true;
  if (permanent && req.TemporaryRestoreDays !== undefined) throw SnapshotErrors.restoreBothKinds();
  if (!permanent && req.TemporaryRestoreDays === undefined) throw RequestErrors.missingParameter('temporaryRestoreDays'); // guess
  const days = req.TemporaryRestoreDays;
  if (days !== undefined && (days < 1 || days > MAX_RESTORE_DAYS)) throw SnapshotErrors.restoreDays(days);
  const s = requireOwnSnapshot(ctx, id);
  if (s.storage_tier !== 'archive') throw SnapshotErrors.tierState(s.id, 'is not archived');
  if (inProgress(s)) throw SnapshotErrors.tierState(s.id, 'has an archive or restore operation in progress');
  const status = permanent ? 'permanent-restore-in-progress' : 'temporary-restore-in-progress';
  // a temporary restore's days count from when it completes
  ctx.store.snapshots.update(s.id, { tiering_status: status, tiering_started_at: ctx.now, restore_days: days ?? null });
  const to = permanent ? 'permanent-restore-completed' : 'temporary-restore-completed';
  schedule(ctx, s, status, to, ctx.now + ctx.config.snapshotMs);
  return { snapshot: ctx.store.snapshots.get(ctx.scope, s.id)!, permanent };
}

/** The back end's steps of an archive or restore (`to` as archiveSnapshot and restoreSnapshot scheduled them). */
export function applySnapshotTierTransition(ctx: RequestContext, id: string, to: string): void {
  const s = ctx.store.snapshots.get(ctx.scope, id);
  if (!s) return;
  if (to === 'archival-completed' && s.tiering_status === 'archival-in-progress') {
    ctx.store.snapshots.update(s.id, { storage_tier: 'archive', tiering_status: 'archival-completed', archived_at: ctx.now, restore_expires_at: null });
  } else if (to === 'permanent-restore-completed' && s.tiering_status === 'permanent-restore-in-progress') {
    ctx.store.snapshots.update(s.id, { storage_tier: 'standard', tiering_status: 'permanent-restore-completed', archived_at: null, restore_expires_at: null });
  } else if (to === 'temporary-restore-completed' && s.tiering_status === 'temporary-restore-in-progress') {
    const expires = ctx.now + (s.restore_days ?? 1) * DAY_MS;
    ctx.store.snapshots.update(s.id, { tiering_status: 'temporary-restore-completed', restore_expires_at: expires });
    schedule(ctx, s, 'temporary-restore-completed', 'restore-expired', expires);
  } else if (to === 'restore-expired' && s.restore_expires_at !== null && s.restore_expires_at <= ctx.now) {
    ctx.store.snapshots.update(s.id, { restore_expires_at: null });
  }
}

/** True while a snapshot's data is only in the archive (not restored): no volume can be made from it. */
export function isArchivedOnly(s: SnapshotRow): boolean {
  return s.storage_tier === 'archive' && s.restore_expires_at === null;
}

/** What DescribeSnapshotTierStatus pages over: the caller's own snapshots. */
export function listSnapshotTierStatuses(ctx: RequestContext, opts: ListOptions): SnapshotRow[] {
  return ctx.store.snapshots.list(ctx.scope, opts);
}
