import { associateDhcpOptions } from '../domain/dhcpOptions';
import { defineAction } from './define';

/** `default` means no DHCP options (the VPC then shows DhcpOptionsId `default`), as the API reference says. */
export default defineAction('AssociateDhcpOptions', (input, ctx) => {
  associateDhcpOptions(ctx, input.DhcpOptionsId, input.VpcId);
});
