/** nova's `cidr_v6` networks use the shared IPv6 arithmetic. */
export { formatCidr6, nth6, parseCidr6, subnets6 } from '../domain/cidr6';
