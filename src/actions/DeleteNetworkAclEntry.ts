import { deleteNetworkAclEntry } from '../domain/networkAcls';
import { defineAction } from './define';

export default defineAction('DeleteNetworkAclEntry', (input, ctx) => {
  deleteNetworkAclEntry(ctx, input.NetworkAclId, input.Egress, input.RuleNumber);
});
