import { requireVolume, setAutoEnableIo } from '../domain/volumes';
import { RequestErrors } from '../errors';
import { defineAction } from './define';

export default defineAction('ModifyVolumeAttribute', (input, ctx) => {
  const v = requireVolume(ctx, input.VolumeId);
  if (input.AutoEnableIO?.Value === undefined) throw RequestErrors.missingParameter('autoEnableIO');
  setAutoEnableIo(ctx, v.id, input.AutoEnableIO.Value);
});
