/** IAM instance profile associations as the API shows them. */
import type { IamInstanceProfileAssociation } from '../protocol/model/types.generated';
import type { IamProfileAssociationRow } from '../store/rows';

export function presentProfileAssociation(r: IamProfileAssociationRow): IamInstanceProfileAssociation {
  return {
    AssociationId: r.id,
    InstanceId: r.instance_id,
    IamInstanceProfile: { Arn: r.profile_arn, Id: r.profile_id },
    State: r.state as IamInstanceProfileAssociation['State'],
    Timestamp: new Date(r.created_at),
  };
}
