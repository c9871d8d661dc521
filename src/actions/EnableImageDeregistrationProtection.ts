import { enableDeregistrationProtection } from '../domain/images';
import { defineAction } from './define';

/** The image cannot be deregistered; WithCooldown keeps it protected 24 h after a disable. The answer is the new state. */
export default defineAction('EnableImageDeregistrationProtection', (input, ctx) => ({ Return: enableDeregistrationProtection(ctx, input.ImageId, input.WithCooldown === true) }));
