import { replaceNetworkAclEntry } from '../domain/networkAcls';
import { defineAction } from './define';

/** Rewrites an existing rule in place (same number, same direction). */
export default defineAction('ReplaceNetworkAclEntry', (input, ctx) => {
  replaceNetworkAclEntry(ctx, input);
});
