import { setVpcTenancy } from '../domain/vpc';
import { defineAction } from './define';

export default defineAction('ModifyVpcTenancy', (input, ctx) => {
  setVpcTenancy(ctx, input.VpcId, input.InstanceTenancy);
  return { ReturnValue: true };
});
