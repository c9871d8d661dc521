import { InstanceErrors } from '../errors';
import { interfaceGroups, primaryInterfaceOf } from '../domain/instanceAttributes';
import { requireInstances } from '../domain/instances';
import type { InstanceAttribute } from '../protocol/model/types.generated';
import { attachmentsOfInstance } from '../domain/volumes';
import { presentBlockDeviceMappings } from '../views/volume';
import { defineAction } from './define';

/** Exactly one attribute per call, as AWS answers. Network attributes come from the primary interface. */
export default defineAction('DescribeInstanceAttribute', (input, ctx) => {
  const [instance] = requireInstances(ctx, [input.InstanceId]);
  const out: InstanceAttribute = { InstanceId: instance.id };
  const primary = () => primaryInterfaceOf(ctx, instance.id);
  switch (input.Attribute) {
    case 'instanceType':
      return { ...out, InstanceType: { Value: instance.instance_type } };
    case 'kernel':
      return { ...out, KernelId: {} };
    case 'ramdisk':
      return { ...out, RamdiskId: {} };
    case 'userData':
      return { ...out, UserData: instance.user_data ? { Value: instance.user_data } : {} };
    case 'disableApiTermination':
      return { ...out, DisableApiTermination: { Value: instance.disable_api_termination === 1 } };
    case 'disableApiStop':
      return { ...out, DisableApiStop: { Value: instance.disable_api_stop === 1 } };
    case 'instanceInitiatedShutdownBehavior':
      return { ...out, InstanceInitiatedShutdownBehavior: { Value: instance.shutdown_behavior } };
    case 'rootDeviceName':
      return { ...out, RootDeviceName: { Value: instance.root_device_name } };
    case 'blockDeviceMapping':
      return { ...out, BlockDeviceMappings: presentBlockDeviceMappings(attachmentsOfInstance(ctx, instance.id)) };
    case 'productCodes':
      return { ...out, ProductCodes: [] };
    case 'sourceDestCheck': {
      const eni = primary();
      return { ...out, SourceDestCheck: { Value: eni ? eni.source_dest_check === 1 : true } };
    }
    case 'groupSet': {
      const eni = primary();
      const groups = eni ? interfaceGroups(ctx, eni) : [];
      return { ...out, Groups: groups.map((g) => ({ GroupId: g.group_id, GroupName: g.name })) };
    }
    case 'ebsOptimized':
      return { ...out, EbsOptimized: { Value: instance.ebs_optimized === 1 } };
    case 'enaSupport':
      return { ...out, EnaSupport: { Value: true } };
    case 'sriovNetSupport':
      return { ...out, SriovNetSupport: {} };
    case 'enclaveOptions':
      return { ...out, EnclaveOptions: { Enabled: false } };
    default:
      throw InstanceErrors.unknownAttribute(input.Attribute);
  }
});
