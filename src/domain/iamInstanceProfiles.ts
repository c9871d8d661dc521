/**
 * IAM instance profiles on instances. ec2lite has no IAM: a profile is named by a well-formed ARN, or by a name
 * in the caller's account, and its id is derived from the ARN, so the same profile always shows the same id.
 * An association goes `associating` -> `associated` through the back end (at once by default), and
 * `disassociating` -> gone; one active association per instance; Replace only while the instance runs. IMDS
 * serves `iam/info` and `iam/security-credentials/<profile name>` while one is associated (src/imds/metadata.ts).
 * See docs/behavior.md "IAM instance profiles".
 */
import { createHash } from 'node:crypto';
import type { RequestContext } from '../core/context';
import { ElasticIpErrors, IamProfileErrors, NotFoundErrors, RequestErrors } from '../errors';
import type { IamInstanceProfileSpecification } from '../protocol/model/types.generated';
import type { IamProfileAssociationRow, InstanceRow } from '../store/rows';
import type { ListOptions } from '../store/query';

export interface Profile {
  arn: string;
  id: string;
}

const ARN = /^arn:aws[a-z-]*:iam::\d{12}:instance-profile\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,128})$/;
const NAME = /^[\w+=,.@-]{1,128}$/;
const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** `AIPA` + 17 characters, as IAM's instance profile ids look; a function of the ARN. */
function profileIdOf(arn: string): string {
  const digest = createHash('sha256').update(arn).digest();
  let id = 'AIPA';
  for (let i = 0; i < 17; i++) id += ID_CHARS[digest[i] % 32];
  return id;
}

/** The profile a request names: its Arn, else its Name in the caller's account. */
export function resolveProfile(ctx: RequestContext, spec: IamInstanceProfileSpecification | undefined): Profile {
  if (spec?.Arn !== undefined) {
    if (!ARN.test(spec.Arn)) throw IamProfileErrors.invalidArn(spec.Arn);
    return { arn: spec.Arn, id: profileIdOf(spec.Arn) };
  }
  if (spec?.Name !== undefined) {
    if (!NAME.test(spec.Name)) throw IamProfileErrors.invalidName(spec.Name);
    const arn = `arn:aws:iam::${ctx.scope.account}:instance-profile/${spec.Name}`;
    return { arn, id: profileIdOf(arn) };
  }
  throw RequestErrors.missingParameter('iamInstanceProfile');
}

/** The profile's name: the last part of its ARN (IMDS names the role after it). */
export function profileName(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

const ACTIVE = new Set(['associating', 'associated']);

function requireAssociation(ctx: RequestContext, id: string): IamProfileAssociationRow {
  const row = ctx.store.iamProfiles.get(ctx.scope, id);
  if (!row) throw NotFoundErrors.association(id);
  return row;
}

function insertAssociation(ctx: RequestContext, instanceId: string, profile: Profile): IamProfileAssociationRow {
  const id = ctx.ids.id('iip-assoc');
  ctx.store.iamProfiles.insert({
    id,
    account: ctx.scope.account,
    region: ctx.scope.region,
    instance_id: instanceId,
    profile_arn: profile.arn,
    profile_id: profile.id,
    state: 'associating',
    created_at: ctx.now,
  });
  ctx.backend.schedule(ctx.scope, 'iam-association', id, 'associating', 'associated', ctx.now);
  return ctx.store.iamProfiles.get(ctx.scope, id)!;
}

/** RunInstances' IamInstanceProfile: the new instance's association. */
export function associateAtLaunch(ctx: RequestContext, instanceId: string, profile: Profile): void {
  insertAssociation(ctx, instanceId, profile);
}

/** AssociateIamInstanceProfile: a running or stopped (or starting, stopping) instance without an active one. */
export function associateProfile(ctx: RequestContext, instanceId: string, spec: IamInstanceProfileSpecification): IamProfileAssociationRow {
  const profile = resolveProfile(ctx, spec);
  const instance = ctx.store.instances.get(ctx.scope, instanceId);
  if (!instance) throw NotFoundErrors.instances([instanceId]);
  if (instance.state === 'shutting-down' || instance.state === 'terminated') throw ElasticIpErrors.instanceState(instance.id);
  const current = ctx.store.iamProfiles.ofInstances([instance.id]).get(instance.id) ?? [];
  if (current.some((a) => ACTIVE.has(a.state))) throw IamProfileErrors.existingAssociation(instance.id);
  return insertAssociation(ctx, instance.id, profile);
}

/** ReplaceIamInstanceProfileAssociation: only the active association of a running instance; a new id. */
export function replaceProfile(ctx: RequestContext, associationId: string, spec: IamInstanceProfileSpecification): IamProfileAssociationRow {
  const profile = resolveProfile(ctx, spec);
  const old = requireAssociation(ctx, associationId);
  const instance = ctx.store.instances.get(ctx.scope, old.instance_id);
  if (!ACTIVE.has(old.state) || instance?.state !== 'running') throw IamProfileErrors.notActive(old.id);
  ctx.backend.cancel('iam-association', old.id);
  ctx.store.iamProfiles.delete(old.id);
  return insertAssociation(ctx, old.instance_id, profile);
}

/** DisassociateIamInstanceProfile: `disassociating`, then gone. */
export function disassociateProfile(ctx: RequestContext, associationId: string): IamProfileAssociationRow {
  const row = requireAssociation(ctx, associationId);
  if (row.state !== 'disassociating') {
    ctx.store.iamProfiles.update(row.id, { state: 'disassociating' });
    ctx.backend.schedule(ctx.scope, 'iam-association', row.id, 'disassociating', 'disassociated', ctx.now);
  }
  return ctx.store.iamProfiles.get(ctx.scope, row.id)!;
}

/** The back end: `associated`, or `disassociated` (the row goes). */
export function applyIamAssociationTransition(ctx: RequestContext, id: string, to: string): void {
  const row = ctx.store.iamProfiles.get(ctx.scope, id);
  if (!row) return;
  if (to === 'disassociated') ctx.store.iamProfiles.delete(row.id);
  else ctx.store.iamProfiles.update(row.id, { state: to });
}

/** A terminated instance keeps no association. */
export function dropProfileOf(ctx: RequestContext, instance: InstanceRow): void {
  for (const a of ctx.store.iamProfiles.ofInstances([instance.id]).get(instance.id) ?? []) ctx.backend.cancel('iam-association', a.id);
  ctx.store.iamProfiles.deleteOfInstance(instance.id);
}

export function listProfileAssociations(ctx: RequestContext, opts: ListOptions): IamProfileAssociationRow[] {
  return ctx.store.iamProfiles.list(ctx.scope, opts);
}
