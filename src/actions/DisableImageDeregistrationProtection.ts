import { disableDeregistrationProtection } from '../domain/images';
import { defineAction } from './define';

/** Deregistration allowed again (after the cooldown, if protection had one). The answer is the new state. */
export default defineAction('DisableImageDeregistrationProtection', (input, ctx) => ({ Return: disableDeregistrationProtection(ctx, input.ImageId) }));
