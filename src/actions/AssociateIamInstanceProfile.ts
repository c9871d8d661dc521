import { associateProfile } from '../domain/iamInstanceProfiles';
import { presentProfileAssociation } from '../views/iamInstanceProfile';
import { defineAction } from './define';

export default defineAction('AssociateIamInstanceProfile', (input, ctx) => ({
  IamInstanceProfileAssociation: presentProfileAssociation(associateProfile(ctx, input.InstanceId, input.IamInstanceProfile)),
}));
