import { modifyVolumePermissions } from '../domain/snapshots';
import { SnapshotErrors } from '../errors';
import type { CreateVolumePermission } from '../protocol/model/types.generated';
import { defineAction } from './define';

/**
 * createVolumePermission, in either form: `CreateVolumePermission.Add/Remove`, or `OperationType` with `UserId.N`
 * and `UserGroup.N` (`all`).
 */
export default defineAction('ModifySnapshotAttribute', (input, ctx) => {
  if (input.Attribute !== undefined && input.Attribute !== 'createVolumePermission') throw SnapshotErrors.unknownAttribute(input.Attribute);
  const add: CreateVolumePermission[] = [...(input.CreateVolumePermission?.Add ?? [])];
  const remove: CreateVolumePermission[] = [...(input.CreateVolumePermission?.Remove ?? [])];
  const listed: CreateVolumePermission[] = [
    ...(input.UserIds ?? []).map((UserId) => ({ UserId })),
    ...(input.GroupNames ?? []).map((g) => ({ Group: g as CreateVolumePermission['Group'] })),
  ];
  if (listed.length > 0) {
    if (input.OperationType === undefined) throw SnapshotErrors.operationType();
    (input.OperationType === 'add' ? add : remove).push(...listed);
  }
  modifyVolumePermissions(ctx, input.SnapshotId, { add, remove });
});
