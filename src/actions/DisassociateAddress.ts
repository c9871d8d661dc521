import { disassociate } from '../domain/elasticIps';
import { ElasticIpErrors, NotFoundErrors } from '../errors';
import { defineAction } from './define';

export default defineAction('DisassociateAddress', (input, ctx) => {
  if (input.AssociationId === undefined) {
    if (input.PublicIp === undefined) throw NotFoundErrors.association('');
    if (!ctx.store.addresses.byPublicIp(ctx.scope, input.PublicIp)) throw NotFoundErrors.address(input.PublicIp);
    throw ElasticIpErrors.allocationRequiredAssociate();
  }
  const a = ctx.store.addresses.byAssociation(ctx.scope, input.AssociationId);
  if (!a) throw NotFoundErrors.association(input.AssociationId);
  disassociate(ctx, a);
});
