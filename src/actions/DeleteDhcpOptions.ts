import { deleteDhcpOptions } from '../domain/dhcpOptions';
import { defineAction } from './define';

/** A set some VPC uses cannot be deleted. */
export default defineAction('DeleteDhcpOptions', (input, ctx) => {
  deleteDhcpOptions(ctx, input.DhcpOptionsId);
});
