import { modifyMirrorRule } from '../domain/trafficMirroring';
import { presentMirrorRules } from '../views/trafficMirror';
import { defineAction } from './define';

export default defineAction('ModifyTrafficMirrorFilterRule', (input, ctx) => {
  const rule = modifyMirrorRule(ctx, input);
  return { TrafficMirrorFilterRule: presentMirrorRules(ctx, [rule])[0] };
});
