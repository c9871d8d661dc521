import { modifyLaunchPermissions, requireOwnImage, setImageDescription, setImageImdsSupport } from '../domain/images';
import { ImageErrors } from '../errors';
import type { LaunchPermission } from '../protocol/model/types.generated';
import { defineAction } from './define';

/**
 * description (`Description.Value`, or `Attribute=description` + `Value`), launchPermission (`LaunchPermission.Add/
 * Remove`, or `OperationType` + `UserId.N` / `UserGroup.N`), imdsSupport. Other attributes are AWS's to refuse.
 */
export default defineAction('ModifyImageAttribute', (input, ctx) => {
  requireOwnImage(ctx, input.ImageId);
  const attribute = input.Attribute;
  if (attribute !== undefined && !['description', 'launchPermission', 'imdsSupport'].includes(attribute)) throw ImageErrors.unsupportedAttribute(attribute);
  const description = input.Description?.Value ?? (attribute === 'description' ? input.Value : undefined);
  if (description !== undefined) setImageDescription(ctx, input.ImageId, description);
  const imds = input.ImdsSupport?.Value ?? (attribute === 'imdsSupport' ? input.Value : undefined);
  if (imds !== undefined) setImageImdsSupport(ctx, input.ImageId, imds);
  const add: LaunchPermission[] = [...(input.LaunchPermission?.Add ?? [])];
  const remove: LaunchPermission[] = [...(input.LaunchPermission?.Remove ?? [])];
  const listed: LaunchPermission[] = [
    ...(input.UserIds ?? []).map((UserId) => ({ UserId })),
    ...(input.UserGroups ?? []).map((g) => ({ Group: g as LaunchPermission['Group'] })),
  ];
  if (listed.length > 0) {
    if (input.OperationType === undefined) throw ImageErrors.operationType();
    (input.OperationType === 'add' ? add : remove).push(...listed);
  }
  if (add.length > 0 || remove.length > 0) modifyLaunchPermissions(ctx, input.ImageId, { add, remove });
});
