import { disassociateAddress } from '../domain/elasticIps';
import { defineAction } from './define';

export default defineAction('DisassociateAddress', (input, ctx) => {
  disassociateAddress(ctx, input.AssociationId, input.PublicIp);
});
