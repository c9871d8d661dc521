import { deleteSubnet } from '../domain/subnets';
import { defineAction } from './define';

export default defineAction('DeleteSubnet', (input, ctx) => {
  deleteSubnet(ctx, input.SubnetId);
});
