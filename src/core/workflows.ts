/**
 * Connects the back end to the domain: what happens when a scheduled transition comes due. Each domain module owns
 * its rules; this file only wires them.
 */
import type { Backend } from './backend';
import type { Services } from './context';
import { applyInstanceTransition } from '../domain/instances';
import { applyAttachmentTransition } from '../domain/networkInterfaces';
import { routeStateWorkflow } from '../domain/routes';

export function registerBackendWorkflows(backend: Backend, services: Services): void {
  backend.on('instance', (ctx, t) => applyInstanceTransition(ctx, t.resource_id, t.to_state));
  backend.on('attachment', (ctx, t) => applyAttachmentTransition(ctx, t.resource_id, t.to_state));
  services.events.register(routeStateWorkflow);
}
