import { deleteMirrorRule } from '../domain/trafficMirroring';
import { defineAction } from './define';

export default defineAction('DeleteTrafficMirrorFilterRule', (input, ctx) => {
  deleteMirrorRule(ctx, input.TrafficMirrorFilterRuleId);
  return { TrafficMirrorFilterRuleId: input.TrafficMirrorFilterRuleId };
});
