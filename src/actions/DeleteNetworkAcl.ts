import { deleteNetworkAcl } from '../domain/networkAcls';
import { defineAction } from './define';

/** The default ACL and an ACL that still has subnets cannot be deleted. */
export default defineAction('DeleteNetworkAcl', (input, ctx) => {
  deleteNetworkAcl(ctx, input.NetworkAclId);
});
