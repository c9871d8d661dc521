import { deleteVpc } from '../domain/vpc';
import { defineAction } from './define';

/** Deletes an empty VPC with its default security group and main route table (AWS removes those with it). */
export default defineAction('DeleteVpc', (input, ctx) => {
  deleteVpc(ctx, input.VpcId);
});
