import { replaceProfile } from '../domain/iamInstanceProfiles';
import { presentProfileAssociation } from '../views/iamInstanceProfile';
import { defineAction } from './define';

export default defineAction('ReplaceIamInstanceProfileAssociation', (input, ctx) => ({
  IamInstanceProfileAssociation: presentProfileAssociation(replaceProfile(ctx, input.AssociationId, input.IamInstanceProfile)),
}));
