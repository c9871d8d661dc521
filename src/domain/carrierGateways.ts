/**
 * Carrier gateways connect a VPC's Wavelength-zone subnets to a carrier network. ec2lite's regions have no
 * Wavelength zones, so none can be created (docs/decisions.md "Carrier gateways"): CreateCarrierGateway checks
 * the VPC and is refused, Describe answers nothing, Delete finds nothing.
 */
import type { RequestContext } from '../core/context';
import { CarrierGatewayErrors, type Ec2Error } from '../errors';
import { requireVpc } from './vpc';

export function createCarrierGateway(ctx: RequestContext, vpcId: string): never {
  requireVpc(ctx, vpcId);
  throw CarrierGatewayErrors.unsupported();
}

export function deleteCarrierGateway(_ctx: RequestContext, id: string): never {
  throw CarrierGatewayErrors.notFound(id);
}

export function listCarrierGateways(): Array<{ seq: number; id: string }> {
  return [];
}

export function carrierGatewayNotFound(id: string): Ec2Error {
  return CarrierGatewayErrors.notFound(id);
}
