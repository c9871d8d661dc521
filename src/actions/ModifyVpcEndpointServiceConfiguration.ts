import { modifyEndpointServiceConfig } from '../domain/vpcEndpointServices';
import { defineAction } from './define';

/** Acceptance, load balancers, IP address types and the private DNS name (a new name must be verified again). */
export default defineAction('ModifyVpcEndpointServiceConfiguration', (input, ctx) => {
  modifyEndpointServiceConfig(ctx, input.ServiceId, input);
  return { Return: true };
});
