import { setInstanceAttribute } from '../domain/instanceAttributes';
import { requireInstances } from '../domain/instances';
import { setVolumesDeleteOnTermination } from '../domain/volumes';
import { RequestErrors } from '../errors';
import { defineAction } from './define';

type Change = { attr: string; value: string | boolean | string[] };

/**
 * Either the generic `Attribute` + `Value` form or one of the typed members. instanceType and userData need a
 * stopped instance; source/dest check and groups act on the primary interface (groups only when the instance has
 * a single interface, as AWS requires). BlockDeviceMapping.N changes the delete-on-termination of volumes.
 */
export default defineAction('ModifyInstanceAttribute', (input, ctx) => {
  const [instance] = requireInstances(ctx, [input.InstanceId]);
  const changes: Change[] = [];
  if (input.Attribute !== undefined) {
    if (input.Value === undefined && input.Attribute !== 'groupSet') throw RequestErrors.missingParameter('value');
    changes.push({ attr: input.Attribute, value: input.Value ?? '' });
  }
  if (input.SourceDestCheck?.Value !== undefined) changes.push({ attr: 'sourceDestCheck', value: input.SourceDestCheck.Value });
  if (input.DisableApiTermination?.Value !== undefined) changes.push({ attr: 'disableApiTermination', value: input.DisableApiTermination.Value });
  if (input.DisableApiStop?.Value !== undefined) changes.push({ attr: 'disableApiStop', value: input.DisableApiStop.Value });
  if (input.InstanceType?.Value !== undefined) changes.push({ attr: 'instanceType', value: input.InstanceType.Value });
  if (input.UserData?.Value !== undefined) changes.push({ attr: 'userData', value: input.UserData.Value });
  if (input.InstanceInitiatedShutdownBehavior?.Value !== undefined) {
    changes.push({ attr: 'instanceInitiatedShutdownBehavior', value: input.InstanceInitiatedShutdownBehavior.Value });
  }
  if (input.Groups && input.Groups.length > 0) changes.push({ attr: 'groupSet', value: input.Groups });
  if (input.EbsOptimized?.Value !== undefined) changes.push({ attr: 'ebsOptimized', value: input.EbsOptimized.Value });
  if (input.BlockDeviceMappings && input.BlockDeviceMappings.length > 0) changes.push({ attr: 'blockDeviceMapping', value: '' });
  if (input.EnaSupport?.Value !== undefined || input.SriovNetSupport?.Value !== undefined) return; // accepted, nothing to model
  if (input.Kernel?.Value !== undefined || input.Ramdisk?.Value !== undefined) return;
  if (changes.length === 0) throw RequestErrors.missingParameter('attribute');
  if (changes.length > 1) throw RequestErrors.combination('Fields for multiple attribute types specified: ' + changes.map((c) => c.attr).join(', '));
  // Delete-on-termination of the volumes at the listed devices (src/domain/volumes.ts)
  if (changes[0].attr === 'blockDeviceMapping') return setVolumesDeleteOnTermination(ctx, instance, input.BlockDeviceMappings ?? []);
  setInstanceAttribute(ctx, instance, changes[0].attr, changes[0].value);
});
