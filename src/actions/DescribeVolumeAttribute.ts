import { requireVolume } from '../domain/volumes';
import { VolumeErrors } from '../errors';
import { defineAction } from './define';

/** autoEnableIO or productCodes (always empty), one per call. */
export default defineAction('DescribeVolumeAttribute', (input, ctx) => {
  const v = requireVolume(ctx, input.VolumeId);
  switch (input.Attribute) {
    case 'autoEnableIO':
      return { VolumeId: v.id, AutoEnableIO: { Value: v.auto_enable_io === 1 } };
    case 'productCodes':
      return { VolumeId: v.id, ProductCodes: [] };
    default:
      throw VolumeErrors.unknownAttribute(input.Attribute);
  }
});
