import { vpcBlockPublicAccess } from '../domain/accountSettings';
import { presentVpcBlockPublicAccess } from '../views/accountSettings';
import { defineAction } from './define';

/** The account's VPC Block Public Access options in the region (`off`, `default-state` until changed). */
export default defineAction('DescribeVpcBlockPublicAccessOptions', (_input, ctx) => ({
  VpcBlockPublicAccessOptions: presentVpcBlockPublicAccess(ctx.scope, vpcBlockPublicAccess(ctx)),
}));
