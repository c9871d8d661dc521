/** Presenting instances inside actions: records, CPU facts from the instance type, reservations. */
import type { RequestContext } from '../../context';
import type { Instance, Reservation } from '../../protocol/model/types.generated';
import type { InstanceRow } from '../../store/rows';
import { InstanceRecord, InstanceTypeFacts, loadInstanceRecords, presentInstance } from '../../views/instance';

export function cpuOf(ctx: RequestContext, type: string): InstanceTypeFacts {
  const v = ctx.instanceTypes.get(type)?.VCpuInfo;
  return { coreCount: v?.DefaultCores ?? 1, threadsPerCore: v?.DefaultThreadsPerCore ?? 1 };
}

export function presentRecords(ctx: RequestContext, records: readonly InstanceRecord[], opts: { emptyTags?: boolean } = {}): Instance[] {
  return records.map((r) => presentInstance(r, cpuOf(ctx, r.row.instance_type), opts));
}

export function presentRows(ctx: RequestContext, rows: readonly InstanceRow[], opts: { emptyTags?: boolean } = {}): Instance[] {
  return presentRecords(ctx, loadInstanceRecords(ctx, rows), opts);
}

/** Groups instances into their reservations, in order of first appearance. */
export function toReservations(items: ReadonlyArray<{ row: InstanceRow; api: Instance }>): Reservation[] {
  const byId = new Map<string, Reservation>();
  for (const { row, api } of items) {
    let r = byId.get(row.reservation_id);
    if (!r) {
      r = { ReservationId: row.reservation_id, OwnerId: row.account, RequesterId: row.requester_id ?? undefined, Groups: [], Instances: [] };
      byId.set(row.reservation_id, r);
    }
    r.Instances!.push(api);
  }
  return [...byId.values()];
}
