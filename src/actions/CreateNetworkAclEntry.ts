import { createNetworkAclEntry } from '../domain/networkAcls';
import { defineAction } from './define';

/** A numbered rule (1..32766) in one direction; the number must be free in that direction. */
export default defineAction('CreateNetworkAclEntry', (input, ctx) => {
  createNetworkAclEntry(ctx, input);
});
