import { modifyVpcEndpoint } from '../domain/vpcEndpoints';
import { defineAction } from './define';

/** Route tables (gateway), subnets and groups (interface), policy and private DNS. */
export default defineAction('ModifyVpcEndpoint', (input, ctx) => {
  modifyVpcEndpoint(ctx, input.VpcEndpointId, input);
  return { Return: true };
});
