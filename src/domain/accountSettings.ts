/**
 * Account settings of a region (docs/behavior.md "Account settings"): snapshot and AMI block public access, EC2
 * serial console access, the instance metadata defaults RunInstances falls back on, the default CPU credit option
 * of each burstable family. (EBS encryption's default key is kept here too, by src/domain/volumes.ts.) They are kept and
 * reported; block public access does not yet stop public sharing.
 */
import type { RequestContext } from '../core/context';
import { InstanceErrors, RequestErrors } from '../errors';
import type { InstanceMetadataDefaultsResponse, ModifyInstanceMetadataDefaultsRequest } from '../protocol/model/types.generated';

/** Stores a setting, or clears it back to AWS's default (`undefined`). */
function putSetting(ctx: RequestContext, name: string, value: string | undefined): void {
  if (value === undefined) ctx.store.accountSettings.clear(ctx.scope, name);
  else ctx.store.accountSettings.set(ctx.scope, name, value);
}

const SNAPSHOT_BPA = 'snapshot-block-public-access';
const IMAGE_BPA = 'image-block-public-access';
const SERIAL_CONSOLE = 'serial-console-access';
const METADATA = 'metadata-default.';

export function snapshotBlockPublicAccess(ctx: RequestContext): string {
  return ctx.store.accountSettings.get(ctx.scope, SNAPSHOT_BPA) ?? 'unblocked';
}

/** EnableSnapshotBlockPublicAccess takes only the two blocking states (`unblocked` is DisableSnapshotBlockPublicAccess). */
export function setSnapshotBlockPublicAccess(ctx: RequestContext, state: string): string {
  putSetting(ctx, SNAPSHOT_BPA, state === 'unblocked' ? undefined : state);
  return state;
}

export function requireBlockingState(state: string): void {
  if (state === 'unblocked') throw RequestErrors.invalidParameter('state', state);
}

/** `unblocked` by default here: an emulator's new account keeps public AMI sharing open (AWS's new accounts block it). */
export function imageBlockPublicAccess(ctx: RequestContext): string {
  return ctx.store.accountSettings.get(ctx.scope, IMAGE_BPA) ?? 'unblocked';
}

export function setImageBlockPublicAccess(ctx: RequestContext, state: string): string {
  putSetting(ctx, IMAGE_BPA, state === 'unblocked' ? undefined : state);
  return state;
}

export function serialConsoleAccess(ctx: RequestContext): boolean {
  return ctx.store.accountSettings.get(ctx.scope, SERIAL_CONSOLE) === 'true';
}

export function setSerialConsoleAccess(ctx: RequestContext, on: boolean): boolean {
  putSetting(ctx, SERIAL_CONSOLE, on ? 'true' : undefined);
  return on;
}

type MetadataField = 'HttpTokens' | 'HttpEndpoint' | 'InstanceMetadataTags' | 'HttpTokensEnforced';
const METADATA_FIELDS: readonly MetadataField[] = ['HttpTokens', 'HttpEndpoint', 'InstanceMetadataTags', 'HttpTokensEnforced'];

/** The account's instance metadata defaults; fields never set (or set to no-preference) are absent. */
export function metadataDefaults(ctx: RequestContext): InstanceMetadataDefaultsResponse {
  const set = ctx.store.accountSettings.withPrefix(ctx.scope, METADATA);
  const out: Record<string, unknown> = {};
  for (const [name, value] of set) {
    const field = name.slice(METADATA.length);
    out[field] = field === 'HttpPutResponseHopLimit' ? Number(value) : value;
  }
  return out as InstanceMetadataDefaultsResponse;
}

/** ModifyInstanceMetadataDefaults: `no-preference` (hop limit -1) clears a field; fields not sent stay. */
export function modifyMetadataDefaults(ctx: RequestContext, changes: ModifyInstanceMetadataDefaultsRequest): void {
  const hop = changes.HttpPutResponseHopLimit;
  if (hop !== undefined && hop !== -1 && (hop < 1 || hop > 64)) throw InstanceErrors.attributeValue('HttpPutResponseHopLimit', String(hop));
  // a field not sent stays; `no-preference` (hop limit -1) clears it
  for (const field of METADATA_FIELDS) {
    const v = changes[field];
    if (v !== undefined) putSetting(ctx, METADATA + field, v === 'no-preference' ? undefined : v);
  }
  if (hop !== undefined) putSetting(ctx, METADATA + 'HttpPutResponseHopLimit', hop === -1 ? undefined : String(hop));
}

const CREDITS = 'default-credits.';

/** The default CPU credit option of a burstable family: the account's choice, else AWS's (T2 standard, the rest unlimited). */
export function defaultCredits(ctx: RequestContext, family: string): 'standard' | 'unlimited' {
  const set = ctx.store.accountSettings.get(ctx.scope, CREDITS + family);
  return (set as 'standard' | 'unlimited' | undefined) ?? (family === 't2' ? 'standard' : 'unlimited');
}

/** The account's choice for a family, if it made one (new launches of the family take it). */
export function chosenCredits(ctx: RequestContext, instanceType: string): string | undefined {
  return ctx.store.accountSettings.get(ctx.scope, CREDITS + instanceType.split('.')[0]);
}

export function setDefaultCredits(ctx: RequestContext, family: string, credits: string): 'standard' | 'unlimited' {
  if (credits !== 'standard' && credits !== 'unlimited') throw InstanceErrors.attributeValue('CpuCredits', credits);
  ctx.store.accountSettings.set(ctx.scope, CREDITS + family, credits);
  return credits;
}

const VPC_BPA_MODE = 'vpc-bpa.mode';
const VPC_BPA_STATE = 'vpc-bpa.state';
const VPC_BPA_UPDATED = 'vpc-bpa.updated';

/** VPC Block Public Access: the account's internet gateway block mode in the region (`off` until changed). */
export function vpcBlockPublicAccessMode(ctx: Pick<RequestContext, 'store' | 'scope'>): string {
  return ctx.store.accountSettings.get(ctx.scope, VPC_BPA_MODE) ?? 'off';
}

export interface VpcBlockPublicAccess {
  mode: string;
  state: string;
  updatedAt?: number;
}

export function vpcBlockPublicAccess(ctx: RequestContext): VpcBlockPublicAccess {
  const settings = ctx.store.accountSettings.withPrefix(ctx.scope, 'vpc-bpa.');
  const updated = settings.get(VPC_BPA_UPDATED);
  return { mode: settings.get(VPC_BPA_MODE) ?? 'off', state: settings.get(VPC_BPA_STATE) ?? 'default-state', updatedAt: updated ? Number(updated) : undefined };
}

/** ModifyVpcBlockPublicAccessOptions: the mode at once (VPCs and subnets show it), `update-in-progress` until the back end's next step. */
export function setVpcBlockPublicAccess(ctx: RequestContext, mode: string): VpcBlockPublicAccess {
  ctx.store.accountSettings.set(ctx.scope, VPC_BPA_MODE, mode);
  ctx.store.accountSettings.set(ctx.scope, VPC_BPA_STATE, 'update-in-progress');
  ctx.store.accountSettings.set(ctx.scope, VPC_BPA_UPDATED, String(ctx.now));
  ctx.backend.schedule(ctx.scope, 'vpc-block-public-access', `${ctx.scope.account}/${ctx.scope.region}`, 'update-in-progress', 'update-complete', ctx.now);
  return vpcBlockPublicAccess(ctx);
}

/** The back end: the update completes. */
export function applyVpcBlockPublicAccessTransition(ctx: RequestContext, to: string): void {
  ctx.store.accountSettings.set(ctx.scope, VPC_BPA_STATE, to);
}
