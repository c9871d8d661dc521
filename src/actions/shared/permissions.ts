import type { NetworkInterfacePermission } from '../../protocol/model/types.generated';
import type { NetworkInterfacePermissionRow } from '../../store/rows';

export function presentPermission(r: NetworkInterfacePermissionRow): NetworkInterfacePermission {
  return {
    NetworkInterfacePermissionId: r.id,
    NetworkInterfaceId: r.network_interface_id,
    AwsAccountId: r.aws_account_id ?? undefined,
    AwsService: r.aws_service ?? undefined,
    Permission: r.permission as 'INSTANCE-ATTACH',
    PermissionState: { State: r.state as 'granted' },
  };
}
