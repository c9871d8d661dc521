/**
 * EBS Snapshots Archive through the SDK v3: ModifySnapshotTier (archive), RestoreSnapshotTier (for some days or for
 * good), DescribeSnapshotTierStatus, and what DescribeSnapshots and CreateVolume make of an archived snapshot. Each
 * operation runs `*-in-progress` and completes through the back end after --snapshot-ms.
 */
import {
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DescribeSnapshotsCommand,
  DescribeSnapshotTierStatusCommand,
  DescribeSnapshotTierStatusCommandInput,
  ModifySnapshotTierCommand,
  RestoreSnapshotTierCommand,
  SnapshotTierStatus,
} from '@aws-sdk/client-ec2';
import { DRY_RUN } from '../helpers/api';
import { useTestServer } from '../helpers/env';
import { expectEc2Error, TestServer } from '../helpers/server';

let t: TestServer;
useTestServer({ config: { snapshotMs: 5000 } }, (env) => ({ t } = env));

const DAY = 86_400_000;

/** A completed snapshot of a new 10 GiB volume. */
async function completedSnapshot(): Promise<string> {
  const vol = (await t.ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 10 }))).VolumeId!;
  const snap = (await t.ec2.send(new CreateSnapshotCommand({ VolumeId: vol }))).SnapshotId!;
  t.advance(5000);
  return snap;
}
const statuses = async (input: DescribeSnapshotTierStatusCommandInput = {}) =>
  (await t.ec2.send(new DescribeSnapshotTierStatusCommand(input))).SnapshotTierStatuses ?? [];
const statusOf = async (id: string): Promise<SnapshotTierStatus> =>
  (await statuses({ Filters: [{ Name: 'snapshot-id', Values: [id] }] }))[0];
const snapshot = async (id: string) => (await t.ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [id] }))).Snapshots![0];

describe('ModifySnapshotTier', () => {
  it('archives a completed snapshot through the back end; DescribeSnapshots shows and filters its tier', async () => {
    const id = await completedSnapshot();
    expect(await statusOf(id)).toMatchObject({ SnapshotId: id, StorageTier: 'standard', Status: 'completed' });
    expect((await statusOf(id)).LastTieringOperationStatus).toBeUndefined();
    const out = await t.ec2.send(new ModifySnapshotTierCommand({ SnapshotId: id, StorageTier: 'archive' }));
    expect(out.SnapshotId).toBe(id);
    expect(out.TieringStartTime).toBeInstanceOf(Date);
    expect(await statusOf(id)).toMatchObject({ StorageTier: 'standard', LastTieringOperationStatus: 'archival-in-progress', LastTieringProgress: 0 });
    t.advance(5000);
    const done = await statusOf(id);
    expect(done).toMatchObject({ StorageTier: 'archive', LastTieringOperationStatus: 'archival-completed', LastTieringProgress: 100 });
    expect(done.ArchivalCompleteTime).toBeInstanceOf(Date);
    expect((await snapshot(id)).StorageTier).toBe('archive');
    const archived = await t.ec2.send(new DescribeSnapshotsCommand({ Filters: [{ Name: 'storage-tier', Values: ['archive'] }] }));
    expect(archived.Snapshots!.map((s) => s.SnapshotId)).toEqual([id]);
    expect((await statuses({ Filters: [{ Name: 'last-tiering-operation', Values: ['archival-completed'] }] })).map((s) => s.SnapshotId)).toEqual([id]);
    // no volume from an archived snapshot until it is restored
    await expectEc2Error(t.ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', SnapshotId: id })), { code: 'IncorrectState' });
  });

  it('refuses the standard tier (not in the model), a pending or archived snapshot, an unknown one; DryRun changes nothing', async () => {
    const id = await completedSnapshot();
    await expectEc2Error(t.ec2.send(new ModifySnapshotTierCommand({ SnapshotId: id, StorageTier: 'standard' as never })), {
      code: 'InvalidParameterValue',
      message: 'Value (standard) for parameter storageTier is invalid.',
    });
    await expectEc2Error(t.ec2.send(new ModifySnapshotTierCommand({ SnapshotId: id, StorageTier: 'archive', DryRun: true })), DRY_RUN);
    expect((await statusOf(id)).LastTieringOperationStatus).toBeUndefined();
    const vol = (await t.ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 10 }))).VolumeId!;
    const pending = (await t.ec2.send(new CreateSnapshotCommand({ VolumeId: vol }))).SnapshotId!;
    await expectEc2Error(t.ec2.send(new ModifySnapshotTierCommand({ SnapshotId: pending, StorageTier: 'archive' })), { code: 'IncorrectState' });
    await t.ec2.send(new ModifySnapshotTierCommand({ SnapshotId: id, StorageTier: 'archive' }));
    // while archiving, and once archived
    await expectEc2Error(t.ec2.send(new ModifySnapshotTierCommand({ SnapshotId: id, StorageTier: 'archive' })), { code: 'IncorrectState' });
    t.advance(5000);
    await expectEc2Error(t.ec2.send(new ModifySnapshotTierCommand({ SnapshotId: id, StorageTier: 'archive' })), {
      code: 'IncorrectState',
      message: `The snapshot '${id}' is already archived.`,
    });
    await expectEc2Error(t.ec2.send(new ModifySnapshotTierCommand({ SnapshotId: 'snap-0123456789abcdef0', StorageTier: 'archive' })), {
      code: 'InvalidSnapshot.NotFound',
    });
  });
});

describe('RestoreSnapshotTier', () => {
  async function archived(): Promise<string> {
    const id = await completedSnapshot();
    await t.ec2.send(new ModifySnapshotTierCommand({ SnapshotId: id, StorageTier: 'archive' }));
    t.advance(5000);
    return id;
  }

  it('restores for some days: still archived, usable until the restore expires, then archived again', async () => {
    const id = await archived();
    const out = await t.ec2.send(new RestoreSnapshotTierCommand({ SnapshotId: id, TemporaryRestoreDays: 10 }));
    expect(out).toMatchObject({ SnapshotId: id, IsPermanentRestore: false, RestoreDuration: 10 });
    expect(out.RestoreStartTime).toBeInstanceOf(Date);
    expect(await statusOf(id)).toMatchObject({ StorageTier: 'archive', LastTieringOperationStatus: 'temporary-restore-in-progress' });
    t.advance(5000);
    const restored = await statusOf(id);
    expect(restored).toMatchObject({ StorageTier: 'archive', LastTieringOperationStatus: 'temporary-restore-completed' });
    // ten days from the restore's completion (it started 5 s earlier)
    expect(restored.RestoreExpiryTime!.getTime() - restored.LastTieringStartTime!.getTime()).toBe(10 * DAY + 5000);
    expect((await snapshot(id)).RestoreExpiryTime).toEqual(restored.RestoreExpiryTime);
    // usable meanwhile
    const vol = await t.ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', SnapshotId: id }));
    expect(vol.SnapshotId).toBe(id);
    t.advance(10 * DAY);
    expect((await statusOf(id)).RestoreExpiryTime).toBeUndefined();
    await expectEc2Error(t.ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', SnapshotId: id })), { code: 'IncorrectState' });
  });

  it('restores for good: back to the standard tier, no duration', async () => {
    const id = await archived();
    const out = await t.ec2.send(new RestoreSnapshotTierCommand({ SnapshotId: id, PermanentRestore: true }));
    expect(out).toMatchObject({ SnapshotId: id, IsPermanentRestore: true });
    expect(out.RestoreDuration).toBeUndefined();
    t.advance(5000);
    expect(await statusOf(id)).toMatchObject({ StorageTier: 'standard', LastTieringOperationStatus: 'permanent-restore-completed', LastTieringProgress: 100 });
    expect((await snapshot(id)).StorageTier).toBe('standard');
  });

  it('refuses a snapshot that is not archived, both kinds at once, neither, and days out of range', async () => {
    const standard = await completedSnapshot();
    await expectEc2Error(t.ec2.send(new RestoreSnapshotTierCommand({ SnapshotId: standard, PermanentRestore: true })), {
      code: 'IncorrectState',
      message: `The snapshot '${standard}' is not archived.`,
    });
    const id = await archived();
    await expectEc2Error(t.ec2.send(new RestoreSnapshotTierCommand({ SnapshotId: id, PermanentRestore: true, TemporaryRestoreDays: 3 })), {
      code: 'InvalidParameterCombination',
    });
    await expectEc2Error(t.ec2.send(new RestoreSnapshotTierCommand({ SnapshotId: id })), { code: 'MissingParameter' });
    for (const days of [0, 181]) {
      await expectEc2Error(t.ec2.send(new RestoreSnapshotTierCommand({ SnapshotId: id, TemporaryRestoreDays: days })), { code: 'InvalidParameterValue' });
    }
    expect((await statusOf(id)).LastTieringOperationStatus).toBe('archival-completed');
  });
});
