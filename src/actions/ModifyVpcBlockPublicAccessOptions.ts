import { setVpcBlockPublicAccess } from '../domain/accountSettings';
import { presentVpcBlockPublicAccess } from '../views/accountSettings';
import { defineAction } from './define';

/** Sets the internet gateway block mode; `update-in-progress` until the back end's next step. */
export default defineAction('ModifyVpcBlockPublicAccessOptions', (input, ctx) => ({
  VpcBlockPublicAccessOptions: presentVpcBlockPublicAccess(ctx.scope, setVpcBlockPublicAccess(ctx, input.InternetGatewayBlockMode)),
}));
