/** DescribeInstanceCreditSpecifications items. */
import type { RequestContext } from '../core/context';
import { instanceCpuCredits } from '../domain/instances';
import type { InstanceCreditSpecification } from '../protocol/model/types.generated';
import type { InstanceRow } from '../store/rows';

export function presentCreditSpecifications(ctx: RequestContext, rows: readonly InstanceRow[]): InstanceCreditSpecification[] {
  return rows.map((row) => ({ InstanceId: row.id, CpuCredits: instanceCpuCredits(ctx, row) }));
}
