/** The filters of DescribeKeyPairs, over the API objects. */
import type { KeyPairInfo } from '../protocol/model/types.generated';
import type { FilterSpec } from './engine';

export const keyPairFilters: FilterSpec<KeyPairInfo> = {
  tags: (k) => k.Tags,
  fields: {
    fingerprint: { get: (k) => k.KeyFingerprint },
    'key-name': { get: (k) => k.KeyName },
    'key-pair-id': { get: (k) => k.KeyPairId },
  },
};
