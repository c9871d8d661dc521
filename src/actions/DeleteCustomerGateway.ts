import { deleteCustomerGateway } from '../domain/vpn';
import { defineAction } from './define';

/** Refused while a VPN connection uses the gateway; it then shows `deleted` for a while. */
export default defineAction('DeleteCustomerGateway', (input, ctx) => {
  deleteCustomerGateway(ctx, input.CustomerGatewayId);
});
