import type { RequestContext } from '../context';
import { requireInstances } from '../domain/instances';
import { resolveInterfaceGroups } from '../domain/networkInterfaces';
import { InstanceErrors, RequestErrors } from '../errors';
import type { InstanceRow } from '../store/rows';
import { defineAction } from './define';

type Change = { attr: string; value: string | boolean | string[] };

function primaryInterface(ctx: RequestContext, instance: InstanceRow) {
  const a = ctx.store.attachments.primaryOf(instance.id);
  return a && ctx.store.networkInterfaces.get(ctx.scope, a.network_interface_id);
}

const requireStopped = (instance: InstanceRow) => {
  if (instance.state !== 'stopped') throw InstanceErrors.notStopped(instance.id);
};

const parseBool = (attr: string, v: string) => {
  if (v === 'true' || v === 'false') return v === 'true';
  throw InstanceErrors.attributeValue(attr, v);
};

/**
 * Either the generic `Attribute` + `Value` form or one of the typed members. instanceType and userData need a
 * stopped instance; source/dest check and groups act on the primary interface (groups only when the instance has
 * a single interface, as AWS requires).
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
  if (input.EnaSupport?.Value !== undefined || input.SriovNetSupport?.Value !== undefined) return; // accepted, nothing to model
  if (input.Kernel?.Value !== undefined || input.Ramdisk?.Value !== undefined) return;
  if (changes.length === 0) throw RequestErrors.missingParameter('attribute');
  if (changes.length > 1) throw RequestErrors.combination('Fields for multiple attribute types specified: ' + changes.map((c) => c.attr).join(', '));
  const { attr, value } = changes[0];
  const str = String(value);
  switch (attr) {
    case 'instanceType':
      requireStopped(instance);
      if (!ctx.instanceTypes.exists(str)) throw InstanceErrors.instanceType(str);
      ctx.store.instances.update(instance.id, { instance_type: str });
      return;
    case 'userData':
      requireStopped(instance);
      ctx.store.instances.update(instance.id, { user_data: str });
      return;
    case 'disableApiTermination':
      ctx.store.instances.update(instance.id, { disable_api_termination: typeof value === 'boolean' ? (value ? 1 : 0) : parseBool(attr, str) ? 1 : 0 });
      return;
    case 'disableApiStop':
      ctx.store.instances.update(instance.id, { disable_api_stop: typeof value === 'boolean' ? (value ? 1 : 0) : parseBool(attr, str) ? 1 : 0 });
      return;
    case 'ebsOptimized':
      ctx.store.instances.update(instance.id, { ebs_optimized: typeof value === 'boolean' ? (value ? 1 : 0) : parseBool(attr, str) ? 1 : 0 });
      return;
    case 'instanceInitiatedShutdownBehavior':
      if (str !== 'stop' && str !== 'terminate') throw InstanceErrors.attributeValue('instanceInitiatedShutdownBehavior', str);
      ctx.store.instances.update(instance.id, { shutdown_behavior: str });
      return;
    case 'sourceDestCheck': {
      const eni = primaryInterface(ctx, instance);
      const on = typeof value === 'boolean' ? value : parseBool(attr, str);
      if (eni) ctx.store.networkInterfaces.update(eni.id, { source_dest_check: on ? 1 : 0 });
      return;
    }
    case 'groupSet': {
      const attachments = ctx.store.attachments.ofInstance(instance.id);
      if (attachments.length > 1) throw InstanceErrors.multipleInterfaces(instance.id);
      const eni = primaryInterface(ctx, instance);
      if (!eni) return;
      const subnet = ctx.store.subnets.get(ctx.scope, eni.subnet_id)!;
      const groups = Array.isArray(value) ? value : [str];
      ctx.store.networkInterfaces.setGroups(eni.id, resolveInterfaceGroups(ctx, subnet, groups));
      return;
    }
    default:
      throw InstanceErrors.unknownAttribute(attr);
  }
});
