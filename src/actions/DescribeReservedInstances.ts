import { compileFilters } from '../filters/engine';
import { reservedInstancesFilters } from '../filters/reservedInstances';
import { defineAction } from './define';

/** No Reserved Instances are ever bought here (PurchaseReservedInstancesOffering is not served): an empty list. */
export default defineAction('DescribeReservedInstances', (input, ctx) => {
  compileFilters(reservedInstancesFilters, input.Filters, ctx.scope); // unknown filter names are still refused
  return { ReservedInstances: [] };
});
