/**
 * Connects the back end to the domain: what happens when a scheduled transition comes due. Each domain module owns
 * its rules; this file only wires them.
 */
import type { Backend } from './backend';
import type { Services } from './context';
import { applyIamAssociationTransition } from '../domain/iamInstanceProfiles';
import { applyInstanceTransition } from '../domain/instances';
import { applyPtrTransition } from '../domain/elasticIps';
import { applyNatGatewayTransition } from '../domain/natGateways';
import { applyPrefixListTransition } from '../domain/prefixLists';
import { applyVpcEndpointTransition } from '../domain/vpcEndpoints';
import { applyAttachmentTransition } from '../domain/networkInterfaces';
import { routeStateWorkflow } from '../domain/routes';
import { applySnapshotTransition } from '../domain/snapshots';
import { applyModificationTransition, applyVolumeAttachmentTransition, applyVolumeTransition } from '../domain/volumes';

export function registerBackendWorkflows(backend: Backend, services: Services): void {
  backend.on('instance', (ctx, t) => applyInstanceTransition(ctx, t.resource_id, t.to_state));
  backend.on('attachment', (ctx, t) => applyAttachmentTransition(ctx, t.resource_id, t.to_state));
  backend.on('iam-association', (ctx, t) => applyIamAssociationTransition(ctx, t.resource_id, t.to_state));
  backend.on('address-ptr', (ctx, t) => applyPtrTransition(ctx, t.resource_id));
  backend.on('volume', (ctx, t) => applyVolumeTransition(ctx, t.resource_id, t.to_state));
  backend.on('volume-attachment', (ctx, t) => applyVolumeAttachmentTransition(ctx, t.resource_id, t.to_state));
  backend.on('volume-modification', (ctx, t) => applyModificationTransition(ctx, t.resource_id, t.to_state));
  backend.on('snapshot', (ctx, t) => applySnapshotTransition(ctx, t.resource_id, t.to_state));
  backend.on('nat-gateway', (ctx, t) => applyNatGatewayTransition(ctx, t.resource_id, t.to_state));
  backend.on('prefix-list', (ctx, t) => applyPrefixListTransition(ctx, t.resource_id, t.to_state));
  backend.on('vpc-endpoint', (ctx, t) => applyVpcEndpointTransition(ctx, t.resource_id, t.to_state));
  services.events.register(routeStateWorkflow);
}
