/**
 * Connects the back end to the domain: what happens when a scheduled transition comes due. Each domain module owns
 * its rules; this file only wires them.
 */
import type { Backend } from './backend';
import type { Services } from './context';
import { applyIamAssociationTransition } from '../domain/iamInstanceProfiles';
import { applyImageTransition } from '../domain/images';
import { applyInstanceTransition } from '../domain/instances';
import { applyMonitoringTransition } from '../domain/instanceExtras';
import { applyPtrTransition } from '../domain/elasticIps';
import { applyNatGatewayTransition } from '../domain/natGateways';
import { applyVpcPeeringTransition } from '../domain/vpcPeering';
import { applyFleetTransition } from '../domain/fleets';
import { applySpotRequestTransition } from '../domain/spot';
import { applySpotFleetExpiry, applySpotFleetTransition } from '../domain/spotFleets';
import { applyPrefixListTransition } from '../domain/prefixLists';
import { applyVpcEndpointTransition } from '../domain/vpcEndpoints';
import { applyEndpointServiceTransition } from '../domain/vpcEndpointServices';
import { applyAttachmentTransition } from '../domain/networkInterfaces';
import { routeStateWorkflow } from '../domain/routes';
import { applySnapshotTransition } from '../domain/snapshots';
import { applySnapshotTierTransition } from '../domain/snapshotTiers';
import { applyCarrierGatewayTransition } from '../domain/carrierGateways';
import { applyCustomerGatewayTransition, applyVpnAttachmentTransition, applyVpnConnectionTransition, applyVpnGatewayTransition } from '../domain/vpn';
import { applyTransitGatewayTransition } from '../domain/transitGateways';
import { applyPrefixListReferenceTransition } from '../domain/tgwPrefixListReferences';
import { applyCapacityReservationTransition } from '../domain/capacityReservations';
import { applyInstanceConnectEndpointTransition } from '../domain/instanceConnectEndpoints';
import { applyVpcBlockPublicAccessTransition } from '../domain/accountSettings';
import { applyModificationTransition, applyVolumeAttachmentTransition, applyVolumeTransition } from '../domain/volumes';

export function registerBackendWorkflows(backend: Backend, services: Services): void {
  backend.on('instance', (ctx, t) => applyInstanceTransition(ctx, t.resource_id, t.to_state));
  backend.on('instance-monitoring', (ctx, t) => applyMonitoringTransition(ctx, t.resource_id, t.to_state));
  backend.on('attachment', (ctx, t) => applyAttachmentTransition(ctx, t.resource_id, t.to_state));
  backend.on('iam-association', (ctx, t) => applyIamAssociationTransition(ctx, t.resource_id, t.to_state));
  backend.on('address-ptr', (ctx, t) => applyPtrTransition(ctx, t.resource_id));
  backend.on('volume', (ctx, t) => applyVolumeTransition(ctx, t.resource_id, t.to_state));
  backend.on('volume-attachment', (ctx, t) => applyVolumeAttachmentTransition(ctx, t.resource_id, t.to_state));
  backend.on('volume-modification', (ctx, t) => applyModificationTransition(ctx, t.resource_id, t.to_state));
  backend.on('snapshot', (ctx, t) =>
    t.to_state === 'completed' ? applySnapshotTransition(ctx, t.resource_id, t.to_state) : applySnapshotTierTransition(ctx, t.resource_id, t.to_state),
  );
  backend.on('nat-gateway', (ctx, t) => applyNatGatewayTransition(ctx, t.resource_id, t.to_state));
  backend.on('image', (ctx, t) => applyImageTransition(ctx, t.resource_id, t.to_state));
  backend.on('vpc-peering', (ctx, t) => applyVpcPeeringTransition(ctx, t.resource_id, t.to_state));
  backend.on('vpn-gateway', (ctx, t) => applyVpnGatewayTransition(ctx, t.resource_id, t.to_state));
  backend.on('vpn-attachment', (ctx, t) => applyVpnAttachmentTransition(ctx, t.resource_id, t.to_state));
  backend.on('customer-gateway', (ctx, t) => applyCustomerGatewayTransition(ctx, t.resource_id, t.to_state));
  backend.on('vpn-connection', (ctx, t) => applyVpnConnectionTransition(ctx, t.resource_id, t.to_state));
  backend.on('fleet', (ctx, t) => applyFleetTransition(ctx, t.resource_id, t.to_state, t.from_state));
  backend.on('spot-request', (ctx, t) => applySpotRequestTransition(ctx, t.resource_id, t.to_state));
  backend.on('spot-fleet', (ctx, t) => applySpotFleetTransition(ctx, t.resource_id, t.to_state, t.from_state));
  backend.on('spot-fleet-expiry', (ctx, t) => applySpotFleetExpiry(ctx, t.resource_id));
  backend.on('transit-gateway', (ctx, t) => applyTransitGatewayTransition(ctx, t.resource_id, t.to_state));
  backend.on('vpc-block-public-access', (ctx, t) => applyVpcBlockPublicAccessTransition(ctx, t.to_state));
  backend.on('instance-connect-endpoint', (ctx, t) => applyInstanceConnectEndpointTransition(ctx, t.resource_id, t.to_state));
  backend.on('capacity-reservation', (ctx, t) => applyCapacityReservationTransition(ctx, t.resource_id, t.to_state));
  backend.on('tgw-prefix-list-reference', (ctx, t) => applyPrefixListReferenceTransition(ctx, t.resource_id, t.to_state));
  backend.on('prefix-list', (ctx, t) => applyPrefixListTransition(ctx, t.resource_id, t.to_state));
  backend.on('vpc-endpoint', (ctx, t) => applyVpcEndpointTransition(ctx, t.resource_id, t.to_state));
  backend.on('vpc-endpoint-service', (ctx, t) => applyEndpointServiceTransition(ctx, t.resource_id, t.to_state));
  backend.on('carrier-gateway', (ctx, t) => applyCarrierGatewayTransition(ctx, t.resource_id, t.to_state));
  services.events.register(routeStateWorkflow);
}
