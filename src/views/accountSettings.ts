/** Account settings as the API shows them. */
import type { VpcBlockPublicAccess } from '../domain/accountSettings';
import type { VpcBlockPublicAccessOptions } from '../protocol/model/types.generated';
import type { Scope } from '../store/query';

export function presentVpcBlockPublicAccess(scope: Scope, o: VpcBlockPublicAccess): VpcBlockPublicAccessOptions {
  return {
    AwsAccountId: scope.account,
    AwsRegion: scope.region,
    State: o.state as VpcBlockPublicAccessOptions['State'],
    InternetGatewayBlockMode: o.mode as VpcBlockPublicAccessOptions['InternetGatewayBlockMode'],
    LastUpdateTimestamp: o.updatedAt !== undefined ? new Date(o.updatedAt) : undefined,
    ManagedBy: 'account',
    ExclusionsAllowed: 'allowed',
  };
}
