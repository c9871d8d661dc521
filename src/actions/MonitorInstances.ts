import { setDetailedMonitoring } from '../domain/instanceExtras';
import { presentMonitorings } from '../views/instance';
import { defineAction } from './define';

/** Detailed monitoring on: each instance answers `pending`, then the back end makes it `enabled`. */
export default defineAction('MonitorInstances', (input, ctx) => ({
  InstanceMonitorings: presentMonitorings(setDetailedMonitoring(ctx, input.InstanceIds, true)),
}));
