import { createRoute } from '../domain/routeTables';
import { defineAction } from './define';

/**
 * A route to an internet gateway attached to the table's VPC, or to a network interface (an InstanceId names the
 * instance's only interface). Its state is derived at once and kept current as the target changes.
 */
export default defineAction('CreateRoute', (input, ctx) => {
  createRoute(ctx, input.RouteTableId, input);
  return { Return: true };
});
