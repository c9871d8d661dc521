import { createNetworkAcl } from '../domain/networkAcls';
import { addTags, tagsFromSpecifications } from '../domain/tags';
import { presentNetworkAcls } from '../views/networkAcl';
import { defineAction } from './define';

/** A new ACL starts with only the catch-all deny rules; subnets move to it with ReplaceNetworkAclAssociation. */
export default defineAction('CreateNetworkAcl', (input, ctx) => {
  const tags = tagsFromSpecifications(input.TagSpecifications, ['network-acl']).get('network-acl') ?? [];
  const acl = createNetworkAcl(ctx, input.VpcId);
  addTags(ctx, acl.id, 'network-acl', tags);
  return { NetworkAcl: presentNetworkAcls(ctx, [acl])[0], ClientToken: input.ClientToken };
});
