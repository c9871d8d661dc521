/**
 * Registers what the back end does when a transition comes due, and the workflow tasks that run before each
 * commit (route-state upkeep). Each domain module owns its rules; this file only connects them.
 */
import type { Services } from '../context';

export function registerBackendWorkflows(_services: Services): void {
  // Filled in by the instance, network interface and routing modules.
}
