/**
 * Connects the back end to the domain: what happens when a scheduled transition comes due. Each domain module owns
 * its rules; this file only wires them.
 */
import type { Services } from './context';
import { applyInstanceTransition } from '../domain/instances';
import { applyNatGatewayTransition } from '../domain/natGateways';
import { applyAttachmentTransition } from '../domain/networkInterfaces';
import { routeStateWorkflow } from '../domain/routes';

export function registerBackendWorkflows(services: Services): void {
  services.backend.on('instance', (ctx, t) => applyInstanceTransition(ctx, t.resource_id, t.to_state));
  services.backend.on('attachment', (ctx, t) => applyAttachmentTransition(ctx, t.resource_id, t.to_state));
  services.backend.on('nat-gateway', (ctx, t) => applyNatGatewayTransition(ctx, t.resource_id, t.to_state));
  services.events.register(routeStateWorkflow);
}
