/** Carrier gateways as the API shows them (docs/behavior.md "Carrier gateways"). */
import type { LoadContext } from './context';
import type { CarrierGateway, CarrierGatewayState } from '../protocol/model/types.generated';
import type { CarrierGatewayRow } from '../store/rows';

export function presentCarrierGateways(ctx: LoadContext, rows: readonly CarrierGatewayRow[]): CarrierGateway[] {
  const tags = ctx.store.tags.forResources(ctx.scope, rows.map((r) => r.id));
  return rows.map((g) => ({
    CarrierGatewayId: g.id,
    VpcId: g.vpc_id,
    State: g.state as CarrierGatewayState,
    OwnerId: g.account,
    Tags: tags.get(g.id) ?? [],
  }));
}
