import { setDetailedMonitoring } from '../domain/instanceExtras';
import { presentMonitorings } from '../views/instance';
import { defineAction } from './define';

/** Detailed monitoring off: each instance answers `disabling`, then the back end makes it `disabled`. */
export default defineAction('UnmonitorInstances', (input, ctx) => ({
  InstanceMonitorings: presentMonitorings(setDetailedMonitoring(ctx, input.InstanceIds, false)),
}));
