/**
 * Connects the back end to the domain: what happens when a scheduled transition comes due. Each domain module owns
 * its rules; this file only wires them.
 */
import type { Services } from './context';
import { applyInstanceTransition } from '../domain/instances';
import { applyAttachmentTransition } from '../domain/networkInterfaces';
import { routeStateWorkflow } from '../domain/routes';
import { applySnapshotTransition } from '../domain/snapshots';
import { applyModificationTransition, applyVolumeAttachmentTransition, applyVolumeTransition } from '../domain/volumes';

export function registerBackendWorkflows(services: Services): void {
  services.backend.on('instance', (ctx, t) => applyInstanceTransition(ctx, t.resource_id, t.to_state));
  services.backend.on('attachment', (ctx, t) => applyAttachmentTransition(ctx, t.resource_id, t.to_state));
  services.backend.on('volume', (ctx, t) => applyVolumeTransition(ctx, t.resource_id, t.to_state));
  services.backend.on('volume-attachment', (ctx, t) => applyVolumeAttachmentTransition(ctx, t.resource_id, t.to_state));
  services.backend.on('volume-modification', (ctx, t) => applyModificationTransition(ctx, t.resource_id, t.to_state));
  services.backend.on('snapshot', (ctx, t) => applySnapshotTransition(ctx, t.resource_id, t.to_state));
  services.events.register(routeStateWorkflow);
}
