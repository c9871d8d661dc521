import { NotFoundErrors, VpcErrors } from '../errors';
import { defineAction } from './define';

/** Deletes an empty VPC with its default security group and main route table (AWS removes those with it). */
export default defineAction('DeleteVpc', (input, ctx) => {
  const { store } = ctx;
  const vpc = store.vpcs.get(ctx.scope, input.VpcId);
  if (!vpc) throw NotFoundErrors.vpc(input.VpcId);
  if (store.vpcs.dependencyCount(vpc.id) > 0) throw VpcErrors.vpcDependency(vpc.id);
  for (const g of store.securityGroups.inVpc(vpc.id)) store.securityGroups.delete(g.id);
  for (const rt of store.routeTables.inVpc(vpc.id)) {
    for (const a of store.routeTables.associationsOf([rt.id]).get(rt.id) ?? []) store.routeTables.deleteAssociation(a.id);
    store.routeTables.delete(rt.id);
  }
  store.vpcs.delete(vpc.id);
});
