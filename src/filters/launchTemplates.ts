/** The filters of DescribeLaunchTemplates and DescribeLaunchTemplateVersions, over the API objects. */
import type { LaunchTemplate, LaunchTemplateVersion } from '../protocol/model/types.generated';
import type { FilterSpec } from './engine';

export const launchTemplateFilters: FilterSpec<LaunchTemplate> = {
  idSql: 'l.id',
  tags: (t) => t.Tags,
  fields: {
    'create-time': { get: (t) => t.CreateTime },
    'launch-template-name': { get: (t) => t.LaunchTemplateName, sql: 'l.name' },
  },
};

const data = (v: LaunchTemplateVersion) => v.LaunchTemplateData ?? {};

export const launchTemplateVersionFilters: FilterSpec<LaunchTemplateVersion> = {
  fields: {
    'create-time': { get: (v) => v.CreateTime },
    'ebs-optimized': { get: (v) => data(v).EbsOptimized },
    'host-resource-group-arn': { get: (v) => data(v).Placement?.HostResourceGroupArn },
    'http-endpoint': { get: (v) => data(v).MetadataOptions?.HttpEndpoint },
    // The model has no IPv4 switch: the IPv4 endpoint is on whenever the metadata endpoint is.
    'http-protocol-ipv4': { get: (v) => data(v).MetadataOptions?.HttpEndpoint },
    'http-tokens': { get: (v) => data(v).MetadataOptions?.HttpTokens },
    'iam-instance-profile': { get: (v) => [data(v).IamInstanceProfile?.Arn, data(v).IamInstanceProfile?.Name] },
    'image-id': { get: (v) => data(v).ImageId },
    'instance-type': { get: (v) => data(v).InstanceType },
    'is-default-version': { get: (v) => v.DefaultVersion },
    'kernel-id': { get: (v) => data(v).KernelId },
    'license-configuration-arn': { get: (v) => data(v).LicenseSpecifications?.map((l) => l.LicenseConfigurationArn) },
    'network-card-index': { get: (v) => data(v).NetworkInterfaces?.map((n) => n.NetworkCardIndex ?? 0) },
    'ram-disk-id': { get: (v) => data(v).RamDiskId },
  },
};
