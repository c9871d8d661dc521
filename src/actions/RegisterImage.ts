import { registerImage } from '../domain/images';
import { tagsFromSpecifications } from '../domain/tags';
import { defineAction } from './define';

/** An EBS-backed image from snapshots the caller may restore; available at once. */
export default defineAction('RegisterImage', (input, ctx) => {
  const tags = tagsFromSpecifications(input.TagSpecifications, ['image']).get('image') ?? [];
  const image = registerImage(ctx, {
    name: input.Name,
    description: input.Description,
    imageLocation: input.ImageLocation,
    architecture: input.Architecture,
    virtualizationType: input.VirtualizationType,
    enaSupport: input.EnaSupport,
    sriovNetSupport: input.SriovNetSupport,
    bootMode: input.BootMode,
    tpmSupport: input.TpmSupport,
    imdsSupport: input.ImdsSupport,
    kernelId: input.KernelId,
    ramdiskId: input.RamdiskId,
    rootDeviceName: input.RootDeviceName,
    mappings: input.BlockDeviceMappings,
    tags,
  });
  return { ImageId: image.id };
});
