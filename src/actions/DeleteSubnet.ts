import { NotFoundErrors, VpcErrors } from '../errors';
import { defineAction } from './define';

export default defineAction('DeleteSubnet', (input, ctx) => {
  const { store } = ctx;
  const subnet = store.subnets.get(ctx.scope, input.SubnetId);
  if (!subnet) throw NotFoundErrors.subnet(input.SubnetId);
  if (store.subnets.interfaceCount(subnet.id) > 0) throw VpcErrors.subnetDependency(subnet.id);
  const assoc = store.routeTables.subnetAssociation(subnet.id);
  if (assoc) store.routeTables.deleteAssociation(assoc.id);
  store.subnets.delete(subnet.id);
});
