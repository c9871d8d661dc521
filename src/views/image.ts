/** Account-owned images (schema 013) as the API shows them, beside the catalog's (fixtures/images.json). */
import { AMAZON_OWNER_ALIAS, deregistrationProtectionOf, launchPermissions, mappingsOf } from '../domain/images';
import type { AttributeValue, Image, ImageAttribute } from '../protocol/model/types.generated';
import type { ImageRow } from '../store/rows';
import type { LoadContext } from './context';
import { tagsOrNothing } from './vpc';

const iso = (ms: number) => new Date(ms).toISOString();

/** Account images with their tags and whether they are public (one query each for the batch). */
export function presentImages(ctx: LoadContext & { now: number }, rows: readonly ImageRow[]): Image[] {
  const ids = rows.map((r) => r.id);
  const tags = ctx.store.tags.forResources(ctx.scope, ids);
  const grantees = ctx.store.images.granteesOf(ids);
  return rows.map((r) => {
    const windows = r.platform === 'windows';
    return {
      ImageId: r.id,
      ImageLocation: r.image_location,
      State: r.state as Image['State'],
      OwnerId: r.account,
      CreationDate: iso(r.created_at),
      Public: (grantees.get(r.id) ?? []).some((g) => g.grantee === 'all'),
      Architecture: r.architecture as Image['Architecture'],
      ImageType: 'machine',
      ...(r.kernel_id ? { KernelId: r.kernel_id } : {}),
      ...(r.ramdisk_id ? { RamdiskId: r.ramdisk_id } : {}),
      ...(r.platform ? { Platform: r.platform as Image['Platform'] } : {}),
      PlatformDetails: windows ? 'Windows' : 'Linux/UNIX',
      UsageOperation: windows ? 'RunInstances:0002' : 'RunInstances',
      Name: r.name,
      ...(r.description !== null ? { Description: r.description } : {}),
      RootDeviceType: r.root_device_type as Image['RootDeviceType'],
      RootDeviceName: r.root_device_name,
      BlockDeviceMappings: mappingsOf(r),
      VirtualizationType: r.virtualization_type as Image['VirtualizationType'],
      Hypervisor: r.hypervisor as Image['Hypervisor'],
      ...(r.ena_support !== null ? { EnaSupport: r.ena_support === 1 } : {}),
      ...(r.sriov_net_support ? { SriovNetSupport: r.sriov_net_support } : {}),
      ...(r.boot_mode ? { BootMode: r.boot_mode as Image['BootMode'] } : {}),
      ...(r.tpm_support ? { TpmSupport: r.tpm_support as Image['TpmSupport'] } : {}),
      ...(r.imds_support ? { ImdsSupport: r.imds_support as Image['ImdsSupport'] } : {}),
      ...(r.source_instance_id ? { SourceInstanceId: r.source_instance_id } : {}),
      ...(r.source_image_id ? { SourceImageId: r.source_image_id, SourceImageRegion: r.source_region ?? undefined } : {}),
      DeregistrationProtection: deregistrationProtectionOf(r, ctx.now),
      ...(r.deprecation_time !== null ? { DeprecationTime: iso(r.deprecation_time) } : {}),
      Tags: tagsOrNothing(tags.get(r.id) ?? []),
    };
  });
}

/** A catalog image as DescribeImages shows it (owned by Amazon). */
export function presentCatalogImage(i: Image): Image {
  return { ...i, ImageOwnerAlias: AMAZON_OWNER_ALIAS };
}

const value = (v: string | null | undefined): AttributeValue => (v === null || v === undefined ? {} : { Value: v });

/** DescribeImageAttribute: the one attribute asked for. */
export function presentImageAttribute(ctx: LoadContext & { now: number }, r: ImageRow, attribute: string): ImageAttribute {
  const base = { ImageId: r.id };
  switch (attribute) {
    case 'description':
      return { ...base, Description: value(r.description) };
    case 'kernel':
      return { ...base, KernelId: value(r.kernel_id) };
    case 'ramdisk':
      return { ...base, RamdiskId: value(r.ramdisk_id) };
    case 'launchPermission':
      return { ...base, LaunchPermissions: launchPermissions(ctx, r.id) };
    case 'productCodes':
      return { ...base, ProductCodes: [] };
    case 'blockDeviceMapping':
      return { ...base, BlockDeviceMappings: mappingsOf(r) };
    case 'sriovNetSupport':
      return { ...base, SriovNetSupport: value(r.sriov_net_support) };
    case 'bootMode':
      return { ...base, BootMode: value(r.boot_mode) };
    case 'tpmSupport':
      return { ...base, TpmSupport: value(r.tpm_support) };
    case 'uefiData':
      return { ...base, UefiData: {} };
    case 'lastLaunchedTime':
      return { ...base, LastLaunchedTime: {} };
    case 'imdsSupport':
      return { ...base, ImdsSupport: value(r.imds_support) };
    case 'deregistrationProtection':
      return { ...base, DeregistrationProtection: value(deregistrationProtectionOf(r, ctx.now)) };
    default:
      return base;
  }
}
