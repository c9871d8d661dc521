/**
 * The instance life cycle as the back end drives it:
 *
 *   pending --(pending-ms)--> running --stop--> stopping --(stopping-ms)--> stopped --start--> pending …
 *   any --terminate--> shutting-down --(shutting-down-ms)--> terminated --(terminated-ttl-ms)--> gone
 *
 * Responses show the intermediate state (pending, stopping, shutting-down) as AWS does; the back end applies the
 * next one when due. At `running` the launch-time attachments become attached; at `stopped` attachments still in
 * flight finish and the launch-time public IP is released; at `terminated` delete-on-termination interfaces are
 * deleted (addresses returned, Elastic IPs disassociated) and the others detached, keeping their addresses. EBS
 * volumes follow the same steps (src/domain/volumes.ts).
 */
import { reservationForStart } from './capacityReservations';
import type { RequestContext } from '../core/context';
import { InstanceErrors, NotFoundErrors } from '../errors';
import type { InstanceState, InstanceStateChange } from '../protocol/model/types.generated';
import type { ListOptions } from '../store/query';
import type { InstanceRow } from '../store/rows';
import { dropProfileOf } from './iamInstanceProfiles';
import { nextPublicIp } from './addressing';
import { deleteInterface, finishDetach, releasePublicAddresses } from './networkInterfaces';
import { instanceRunning, instanceStopped, instanceTerminated } from './volumes';
import { fleetInstanceTerminated } from './fleets';
import { spotInstanceTerminated } from './spot';
import { spotFleetInstanceTerminated } from './spotFleets';

const STATE_CODES: Record<string, number> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

export function stateOf(name: string): InstanceState {
  return { Code: STATE_CODES[name], Name: name as InstanceState['Name'] };
}

const USER_SHUTDOWN = { code: 'Client.UserInitiatedShutdown', message: 'Client.UserInitiatedShutdown: User initiated shutdown' };

/** "User initiated (2026-11-25 10:00:00 GMT)" */
function userInitiated(now: number): string {
  return `User initiated (${new Date(now).toISOString().slice(0, 19).replace('T', ' ')} GMT)`;
}

/** All requested instances, or InvalidInstanceID.NotFound naming every missing one. */
export function requireInstances(ctx: RequestContext, ids: readonly string[]): InstanceRow[] {
  const unique = [...new Set(ids)];
  const found = ctx.store.instances.getMany(ctx.scope, unique);
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length > 0) throw NotFoundErrors.instances(missing);
  return ids.map((id) => found.get(id)!);
}

function change(id: string, previous: string, current: string): InstanceStateChange {
  return { InstanceId: id, PreviousState: stateOf(previous), CurrentState: stateOf(current) };
}

/** `attachments`: the instance's interface attachments when the caller has just read them. */
function setState(
  ctx: RequestContext,
  instance: InstanceRow,
  state: string,
  extra: Partial<InstanceRow> = {},
  attachments = ctx.store.attachments.ofInstance(instance.id),
): void {
  ctx.store.instances.update(instance.id, { state, ...extra });
  ctx.events.routeTargetsChanged(instance.id, ...attachments.map((a) => a.network_interface_id));
}

/** The instances a Describe pages over; `runningOnly` for DescribeInstanceStatus without IncludeAllInstances. */
export function listInstances(ctx: RequestContext, opts: ListOptions, { runningOnly = false } = {}): InstanceRow[] {
  const clauses = runningOnly ? [...(opts.clauses ?? []), { sql: "i.state = 'running'", params: [] }] : opts.clauses;
  return ctx.store.instances.list(ctx.scope, { ...opts, clauses });
}

/**
 * A type's default CPU credit option: `standard` for T2, `unlimited` for the other burstable families (T3, T3a,
 * T4g), and `standard` for a type that is not burstable, as AWS answers for those when they are named.
 * Burstability is public data (operator overrides never change it), so it is read from the fixture.
 */
export function cpuCreditsOf(ctx: RequestContext, instanceType: string): 'standard' | 'unlimited' {
  return isBurstable(ctx, instanceType) && !instanceType.startsWith('t2.') ? 'unlimited' : 'standard';
}

export function isBurstable(ctx: RequestContext, instanceType: string): boolean {
  return ctx.instanceTypes.defaults(instanceType)?.BurstablePerformanceSupported === true;
}

/** The instance's option: the one set at launch or by ModifyInstanceCreditSpecification, else its type's default. */
export function instanceCpuCredits(ctx: RequestContext, row: InstanceRow): 'standard' | 'unlimited' {
  return (row.cpu_credits as 'standard' | 'unlimited' | null) ?? cpuCreditsOf(ctx, row.instance_type);
}

/** The types whose default credit option is unlimited, as a JSON array for SQL (worked out once). */
let unlimitedTypesJson: string | undefined;

/** The instances a DescribeInstanceCreditSpecifications without ids lists: those whose credit option is unlimited. */
export function listUnlimitedCreditInstances(ctx: RequestContext, opts: ListOptions): InstanceRow[] {
  unlimitedTypesJson ??= JSON.stringify(ctx.instanceTypes.names().filter((name) => cpuCreditsOf(ctx, name) === 'unlimited'));
  const clause = {
    sql: "(i.cpu_credits = 'unlimited' OR (i.cpu_credits IS NULL AND i.instance_type IN (SELECT value FROM json_each(?))))",
    params: [unlimitedTypesJson],
  };
  return listInstances(ctx, { ...opts, clauses: [...(opts.clauses ?? []), clause] });
}

/** Which of these instance ids exist in the scope (whatever their state). */
export function existingInstanceIds(ctx: RequestContext, ids: readonly string[]): Set<string> {
  return new Set(ctx.store.instances.getMany(ctx.scope, ids).keys());
}

/** Schedules the instance's next state after `delayMs`. */
export function scheduleInstance(ctx: RequestContext, instance: InstanceRow, from: string, to: string, delayMs: number): void {
  ctx.backend.schedule(ctx.scope, 'instance', instance.id, from, to, ctx.now + delayMs);
}

export function stopInstances(ctx: RequestContext, ids: readonly string[]): InstanceStateChange[] {
  const instances = requireInstances(ctx, ids);
  for (const i of instances) {
    if (i.disable_api_stop === 1) throw InstanceErrors.stopProtected(i.id);
    if (i.state === 'pending') throw InstanceErrors.neverRunning(i.id);
    if (i.state === 'shutting-down' || i.state === 'terminated') throw InstanceErrors.cannotStop(i.id);
  }
  return instances.map((i) => {
    if (i.state !== 'running') return change(i.id, i.state, i.state); // stopping / stopped: nothing to do
    setState(ctx, i, 'stopping', {
      state_transition_reason: userInitiated(ctx.now),
      state_reason_code: USER_SHUTDOWN.code,
      state_reason_message: USER_SHUTDOWN.message,
    });
    scheduleInstance(ctx, i, 'stopping', 'stopped', ctx.config.stoppingMs);
    return change(i.id, 'running', 'stopping');
  });
}

export function startInstances(ctx: RequestContext, ids: readonly string[]): InstanceStateChange[] {
  const instances = requireInstances(ctx, ids);
  for (const i of instances) {
    if (!['stopped', 'pending', 'running'].includes(i.state)) throw InstanceErrors.cannotStart(i.id);
  }
  return instances.map((i) => {
    if (i.state !== 'stopped') return change(i.id, i.state, i.state);
    const capacityReservationId = reservationForStart(ctx, i);
    setState(ctx, i, 'pending', { state_transition_reason: '', state_reason_code: 'pending', state_reason_message: 'pending', capacity_reservation_id: capacityReservationId });
    if (i.auto_public_ip === 1) assignLaunchPublicIp(ctx, i.id);
    scheduleInstance(ctx, i, 'pending', 'running', ctx.config.pendingMs);
    return change(i.id, 'stopped', 'pending');
  });
}

export function terminateInstances(ctx: RequestContext, ids: readonly string[]): InstanceStateChange[] {
  const instances = requireInstances(ctx, ids);
  for (const i of instances) if (i.disable_api_termination === 1) throw InstanceErrors.terminationProtected(i.id);
  return instances.map((i) => {
    if (i.state === 'shutting-down' || i.state === 'terminated') return change(i.id, i.state, i.state);
    setState(ctx, i, 'shutting-down', {
      state_transition_reason: userInitiated(ctx.now),
      state_reason_code: USER_SHUTDOWN.code,
      state_reason_message: USER_SHUTDOWN.message,
    });
    scheduleInstance(ctx, i, 'shutting-down', 'terminated', ctx.config.shuttingDownMs);
    return change(i.id, i.state, 'shutting-down');
  });
}

/**
 * RebootInstances changes nothing ec2lite models. AWS: "The operation succeeds if the instances are valid and belong
 * to you. Requests to reboot terminated instances are ignored." (API reference); one that is shutting down is refused.
 */
export function rebootInstances(ctx: RequestContext, ids: readonly string[]): void {
  for (const i of requireInstances(ctx, ids)) {
    if (i.state === 'shutting-down') throw InstanceErrors.cannotReboot(i.id);
  }
}

/** Gives the primary interface a public IP from the pool (launch with a public IP, and every start after it). */
export function assignLaunchPublicIp(ctx: RequestContext, instanceId: string): void {
  const primary = ctx.store.attachments.primaryOf(instanceId);
  if (!primary) return;
  const eni = ctx.store.networkInterfaces.get(ctx.scope, primary.network_interface_id)!;
  const existing = ctx.store.addresses.ofInterfaces([eni.id]).get(eni.id) ?? [];
  if (existing.some((a) => a.private_ip === eni.private_ip)) return; // an Elastic IP already serves it
  const { ip, n } = nextPublicIp(ctx);
  ctx.store.addresses.insert({
    public_ip: ip,
    public_ip_int: n,
    allocation_id: null,
    account: ctx.scope.account,
    region: ctx.scope.region,
    domain: 'vpc',
    association_id: null,
    network_interface_id: eni.id,
    private_ip: eni.private_ip,
  });
}

/** The back end's step for an instance (see the diagram at the top). */
export function applyInstanceTransition(ctx: RequestContext, instanceId: string, to: string): void {
  const instance = ctx.store.instances.get(ctx.scope, instanceId);
  if (!instance) return;
  switch (to) {
    case 'running': {
      if (instance.state !== 'pending') return;
      const attachments = ctx.store.attachments.ofInstance(instance.id);
      setState(ctx, instance, 'running', { state_reason_code: null, state_reason_message: null, state_transition_reason: '' }, attachments);
      for (const a of attachments) {
        if (a.status === 'attaching' && !ctx.backend.pending('attachment', a.id)) ctx.store.attachments.update(a.id, { status: 'attached' });
      }
      instanceRunning(ctx, instance.id);
      return;
    }
    case 'stopped':
      if (instance.state !== 'stopping') return;
      setState(ctx, instance, 'stopped');
      for (const a of ctx.store.attachments.ofInstance(instance.id)) {
        // In-flight attachment changes complete the cold way once the instance is down.
        if (a.status === 'detaching') finishDetach(ctx, a);
        else if (a.status === 'attaching') {
          ctx.backend.cancel('attachment', a.id);
          ctx.store.attachments.update(a.id, { status: 'attached' });
        }
      }
      for (const a of ctx.store.attachments.ofInstance(instance.id)) releasePublicAddresses(ctx, a.network_interface_id, { elastic: 'keep' });
      instanceStopped(ctx, instance.id);
      return;
    case 'terminated':
      if (instance.state !== 'shutting-down') return;
      for (const a of ctx.store.attachments.ofInstance(instance.id)) {
        ctx.backend.cancel('attachment', a.id);
        const eni = ctx.store.networkInterfaces.get(ctx.scope, a.network_interface_id)!;
        if (a.delete_on_termination === 1) deleteInterface(ctx, eni);
        else {
          releasePublicAddresses(ctx, eni.id, { elastic: 'keep' });
          finishDetach(ctx, a);
        }
      }
      dropProfileOf(ctx, instance);
      instanceTerminated(ctx, instance.id);
      setState(ctx, instance, 'terminated', { terminated_at: ctx.now });
      // what launched it reacts: a maintain fleet (EC2 or Spot) replaces it, a persistent Spot request opens again
      fleetInstanceTerminated(ctx, instance);
      spotInstanceTerminated(ctx, instance);
      spotFleetInstanceTerminated(ctx, instance);
      ctx.networkManagers.forRegion(ctx.scope.region).deallocated?.(ctx, instance.id);
      scheduleInstance(ctx, instance, 'terminated', 'purged', ctx.config.terminatedTtlMs);
      return;
    case 'purged':
      if (instance.state === 'terminated') ctx.store.instances.delete(instance.id);
      return;
  }
}
