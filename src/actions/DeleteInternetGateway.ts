import { deleteInternetGateway } from '../domain/internetGateways';
import { defineAction } from './define';

export default defineAction('DeleteInternetGateway', (input, ctx) => {
  deleteInternetGateway(ctx, input.InternetGatewayId);
});
