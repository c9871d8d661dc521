import { modifyCpuOptions } from '../domain/instanceExtras';
import { InstanceErrors } from '../errors';
import { defineAction } from './define';

/** A stopped instance's core count and threads per core; both are needed (AWS's rule and message). */
export default defineAction('ModifyInstanceCpuOptions', (input, ctx) => {
  if (input.CoreCount === undefined || input.ThreadsPerCore === undefined) throw InstanceErrors.cpuOptionsBoth();
  const row = modifyCpuOptions(ctx, input.InstanceId, input.CoreCount, input.ThreadsPerCore);
  return { InstanceId: row.id, CoreCount: row.core_count ?? undefined, ThreadsPerCore: row.threads_per_core ?? undefined };
});
