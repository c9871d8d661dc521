import { metadataDefaults } from '../domain/accountSettings';
import { defineAction } from './define';

/** The account's instance metadata defaults: only the fields set, as AWS shows them. */
export default defineAction('GetInstanceMetadataDefaults', (_input, ctx) => ({ AccountLevel: metadataDefaults(ctx) }));
