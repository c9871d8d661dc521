import { associateAddress } from '../domain/elasticIps';
import { defineAction } from './define';

export default defineAction('AssociateAddress', (input, ctx) => ({
  AssociationId: associateAddress(ctx, {
    allocationId: input.AllocationId,
    publicIp: input.PublicIp,
    instanceId: input.InstanceId,
    networkInterfaceId: input.NetworkInterfaceId,
    privateIpAddress: input.PrivateIpAddress,
    allowReassociation: input.AllowReassociation,
  }),
}));
