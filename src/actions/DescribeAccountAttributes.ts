import { defaultVpc } from '../domain/vpc';
import type { AccountAttribute } from '../protocol/model/types.generated';
import { defineAction } from './define';

/** The attributes AWS reports for a VPC-only account; default-vpc follows the scope's default VPC. */
export default defineAction('DescribeAccountAttributes', (input, ctx) => {
  const vpc = defaultVpc(ctx);
  const all: Array<[string, string[]]> = [
    ['supported-platforms', ['VPC']],
    ['vpc-max-security-groups-per-interface', ['5']],
    ['max-elastic-ips', ['5']],
    ['max-instances', ['20']],
    ['vpc-max-elastic-ips', ['5']],
    ['default-vpc', [vpc?.id ?? 'none']],
  ];
  const wanted = input.AttributeNames;
  const attrs: AccountAttribute[] = all
    .filter(([name]) => !wanted?.length || wanted.includes(name))
    .map(([name, values]) => ({ AttributeName: name, AttributeValues: values.map((v) => ({ AttributeValue: v })) }));
  return { AccountAttributes: attrs };
});
