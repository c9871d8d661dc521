import { replaceNetworkAclAssociation } from '../domain/networkAcls';
import { defineAction } from './define';

/** Moves a subnet to another ACL of its VPC; the answer is the subnet's new association id. */
export default defineAction('ReplaceNetworkAclAssociation', (input, ctx) => {
  return { NewAssociationId: replaceNetworkAclAssociation(ctx, input.AssociationId, input.NetworkAclId) };
});
