import { disassociateProfile } from '../domain/iamInstanceProfiles';
import { presentProfileAssociation } from '../views/iamInstanceProfile';
import { defineAction } from './define';

export default defineAction('DisassociateIamInstanceProfile', (input, ctx) => ({
  IamInstanceProfileAssociation: presentProfileAssociation(disassociateProfile(ctx, input.AssociationId)),
}));
