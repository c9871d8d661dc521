/**
 * Managed prefix lists (docs/behavior.md "Managed prefix lists"). A list has versions: every change of its entries
 * makes version N+1 (the old versions stay readable through GetManagedPrefixListEntries TargetVersion and can be
 * restored). AWS applies changes asynchronously, so do we, through the back end with no delay:
 *
 *   create -> create-in-progress -> create-complete;  modify -> modify-in-progress -> modify-complete
 *
 * Each region has AWS-managed lists (com.amazonaws.<region>.s3 / .dynamodb, owner `AWS`) every account sees and
 * nobody may change; gateway VPC endpoints route to them (domain/vpcEndpoints.ts).
 */
import { createHash } from 'node:crypto';
import type { RequestContext } from '../core/context';
import { PrefixListErrors, RequestErrors } from '../errors';
import type { AddPrefixListEntry, Tag } from '../protocol/model/types.generated';
import type { Store } from '../store';
import { AWS_OWNER } from '../store/prefixListRepo';
import type { ListOptions } from '../store/query';
import type { PrefixListEntryRow, PrefixListRow } from '../store/rows';
import { parseCidr } from './cidr';
import { canonicalCidr6 } from './cidr6';
import { addTags } from './tags';

/** AWS's quota for a customer-managed list's MaxEntries. */
const MAX_ENTRIES_LIMIT = 1000;

/**
 * The AWS-managed lists of a region: fixed, plausible ranges (AWS publishes the real ones in ip-ranges.json and
 * changes them; nothing in ec2lite routes by them).
 */
const AWS_SERVICES: ReadonlyArray<{ service: string; cidrs: readonly string[] }> = [
  { service: 's3', cidrs: ['3.5.0.0/19', '16.182.0.0/16', '52.216.0.0/15', '54.231.0.0/16'] },
  { service: 'dynamodb', cidrs: ['3.218.180.0/22', '35.71.64.0/22', '52.94.0.0/22', '52.119.224.0/20'] },
];

/** AWS-managed lists have short, fixed ids per region (pl-63a5400a style): derived from region and name. */
export function awsPrefixListId(region: string, service: string): string {
  return `pl-${createHash('sha256').update(`${region}/${service}`).digest('hex').slice(0, 8)}`;
}

export const awsPrefixListName = (region: string, service: string) => `com.amazonaws.${region}.${service}`;

/** Writes the region's AWS-managed lists once (idempotent; called when a scope is first used). */
export function ensureAwsPrefixLists(store: Store, region: string, now: number): void {
  for (const s of AWS_SERVICES) {
    const id = awsPrefixListId(region, s.service);
    if (store.prefixLists.get({ account: AWS_OWNER, region }, id)) continue;
    store.prefixLists.insertIfAbsent({
      id,
      account: AWS_OWNER,
      region,
      name: awsPrefixListName(region, s.service),
      address_family: 'IPv4',
      max_entries: s.cidrs.length,
      version: 1,
      state: 'create-complete',
      created_at: now,
    });
    store.prefixLists.insertEntries(id, 1, s.cidrs.map((cidr) => ({ cidr, description: null })));
  }
}

/** A list the caller can see: its own or one of the region's AWS-managed lists. */
export function requirePrefixList(ctx: RequestContext, id: string): PrefixListRow {
  const pl = ctx.store.prefixLists.visible(ctx.scope, id);
  if (!pl) throw PrefixListErrors.notFound(id);
  return pl;
}

/** A list the caller may change: its own, not AWS's, and not in the middle of a change. */
function requireOwnPrefixList(ctx: RequestContext, id: string): PrefixListRow {
  const pl = requirePrefixList(ctx, id);
  if (pl.account === AWS_OWNER) throw PrefixListErrors.awsManaged(pl.id);
  if (pl.state.endsWith('-in-progress')) throw PrefixListErrors.incorrectState(pl.id, pl.state);
  return pl;
}

export function listPrefixLists(ctx: RequestContext, opts: ListOptions): PrefixListRow[] {
  return ctx.store.prefixLists.listVisible(ctx.scope, opts);
}

/** DescribePrefixLists (the older call): only the region's AWS-managed lists, as AWS answers it. */
export function listAwsPrefixLists(ctx: RequestContext, opts: ListOptions): PrefixListRow[] {
  return ctx.store.prefixLists.list({ account: AWS_OWNER, region: ctx.scope.region }, opts);
}

interface Entry {
  cidr: string;
  description: string | null;
}

/** An entry's CIDR in canonical form, of the list's family. */
function canonicalEntry(cidr: string | undefined, family: string): string {
  if (cidr === undefined) throw RequestErrors.missingParameter('cidr');
  if (family === 'IPv6') {
    const c6 = canonicalCidr6(cidr);
    if (!c6) throw parseCidr(cidr) ? PrefixListErrors.familyMismatch(cidr, family) : PrefixListErrors.invalidCidr(cidr);
    return c6.text;
  }
  const c = parseCidr(cidr);
  if (!c) throw canonicalCidr6(cidr) ? PrefixListErrors.familyMismatch(cidr, family) : PrefixListErrors.invalidCidr(cidr);
  return c.text;
}

function checkMaxEntries(value: number): void {
  if (value < 1) throw RequestErrors.valueTooSmall('maxEntries', value, 0);
  if (value > MAX_ENTRIES_LIMIT) throw RequestErrors.valueTooLarge('maxEntries', value, MAX_ENTRIES_LIMIT + 1);
}

function entriesFrom(input: readonly AddPrefixListEntry[] | undefined, family: string): Entry[] {
  const out = new Map<string, Entry>();
  for (const e of input ?? []) {
    const cidr = canonicalEntry(e.Cidr, family);
    if (out.has(cidr)) throw PrefixListErrors.duplicateCidr(cidr);
    out.set(cidr, { cidr, description: e.Description ?? null });
  }
  return [...out.values()];
}

function checkName(name: string): void {
  if (name.toLowerCase().startsWith('com.amazonaws')) throw PrefixListErrors.reservedName(name);
}

export function createPrefixList(
  ctx: RequestContext,
  input: { PrefixListName: string; AddressFamily: string; MaxEntries: number; Entries?: readonly AddPrefixListEntry[] },
  tags: readonly Tag[],
): PrefixListRow {
  if (input.AddressFamily !== 'IPv4' && input.AddressFamily !== 'IPv6') throw PrefixListErrors.addressFamily(input.AddressFamily);
  checkName(input.PrefixListName);
  checkMaxEntries(input.MaxEntries);
  const entries = entriesFrom(input.Entries, input.AddressFamily);
  if (entries.length > input.MaxEntries) throw PrefixListErrors.tooManyEntries(input.MaxEntries);
  const id = ctx.ids.id('pl');
  ctx.store.prefixLists.insert({
    id,
    account: ctx.scope.account,
    region: ctx.scope.region,
    name: input.PrefixListName,
    address_family: input.AddressFamily,
    max_entries: input.MaxEntries,
    version: 1,
    state: 'create-in-progress',
    created_at: ctx.now,
  });
  ctx.store.prefixLists.insertEntries(id, 1, entries);
  addTags(ctx, id, 'prefix-list', tags);
  ctx.backend.schedule(ctx.scope, 'prefix-list', id, 'create-in-progress', 'create-complete', ctx.now);
  return requirePrefixList(ctx, id);
}

/**
 * ModifyManagedPrefixList: rename, resize (MaxEntries, alone: AWS refuses it with entry changes) and add/remove
 * entries against CurrentVersion (required when entries change). Removals apply before additions, so a CIDR can be
 * removed and re-added with a new description in one call.
 */
export function modifyPrefixList(
  ctx: RequestContext,
  input: {
    PrefixListId: string;
    CurrentVersion?: number;
    PrefixListName?: string;
    AddEntries?: readonly AddPrefixListEntry[];
    RemoveEntries?: ReadonlyArray<{ Cidr?: string }>;
    MaxEntries?: number;
  },
): PrefixListRow {
  const pl = requireOwnPrefixList(ctx, input.PrefixListId);
  const add = input.AddEntries ?? [];
  const remove = input.RemoveEntries ?? [];
  const changesEntries = add.length > 0 || remove.length > 0;
  if (input.MaxEntries !== undefined && changesEntries) {
    throw RequestErrors.combination('You cannot modify the entries of a prefix list and resize it in the same request.'); // guess
  }
  if (changesEntries && input.CurrentVersion === undefined) throw RequestErrors.missingParameter('currentVersion');
  if (input.CurrentVersion !== undefined && input.CurrentVersion !== pl.version) throw PrefixListErrors.versionMismatch();
  if (input.PrefixListName !== undefined) checkName(input.PrefixListName);

  const changes: Partial<PrefixListRow> = {};
  if (input.PrefixListName !== undefined) changes.name = input.PrefixListName;
  const current = ctx.store.prefixLists.entries(pl.id, pl.version);
  if (input.MaxEntries !== undefined) {
    checkMaxEntries(input.MaxEntries);
    if (input.MaxEntries < current.length) throw PrefixListErrors.maxEntriesBelowEntries(input.MaxEntries, current.length);
    changes.max_entries = input.MaxEntries;
  }
  if (changesEntries) {
    const next = new Map<string, Entry>(current.map((e) => [e.cidr, { cidr: e.cidr, description: e.description }]));
    for (const r of remove) {
      const cidr = canonicalEntry(r.Cidr, pl.address_family);
      if (!next.delete(cidr)) throw PrefixListErrors.removeMissing(cidr);
    }
    for (const e of entriesFrom(add, pl.address_family)) next.set(e.cidr, e);
    if (next.size > pl.max_entries) throw PrefixListErrors.tooManyEntries(pl.max_entries);
    changes.version = pl.version + 1;
    ctx.store.prefixLists.insertEntries(pl.id, pl.version + 1, [...next.values()]);
  }
  changes.state = 'modify-in-progress';
  ctx.store.prefixLists.update(pl.id, changes);
  ctx.backend.schedule(ctx.scope, 'prefix-list', pl.id, 'modify-in-progress', 'modify-complete', ctx.now);
  return requirePrefixList(ctx, pl.id);
}

/** RestoreManagedPrefixListVersion: the entries of PreviousVersion become a new current version. */
export function restorePrefixListVersion(ctx: RequestContext, id: string, previous: number, currentVersion: number): PrefixListRow {
  const pl = requireOwnPrefixList(ctx, id);
  if (currentVersion !== pl.version) throw PrefixListErrors.versionMismatch();
  if (previous < 1 || previous >= pl.version) throw PrefixListErrors.versionNotFound(pl.id, previous);
  const entries = ctx.store.prefixLists.entries(pl.id, previous);
  if (entries.length > pl.max_entries) throw PrefixListErrors.tooManyEntries(pl.max_entries);
  ctx.store.prefixLists.insertEntries(pl.id, pl.version + 1, entries);
  ctx.store.prefixLists.update(pl.id, { version: pl.version + 1, state: 'restore-in-progress' });
  ctx.backend.schedule(ctx.scope, 'prefix-list', pl.id, 'restore-in-progress', 'restore-complete', ctx.now);
  return requirePrefixList(ctx, pl.id);
}

/** A list referenced by a route, a security group rule or a transit gateway route table cannot be deleted; the answer shows delete-in-progress. */
export function deletePrefixList(ctx: RequestContext, id: string): PrefixListRow {
  const pl = requireOwnPrefixList(ctx, id);
  const store = ctx.store;
  if (store.prefixLists.routeTablesUsing(pl.id).length > 0 || store.prefixLists.groupsUsing(pl.id).length > 0 || store.transitGateways.tablesReferencing(pl.id).length > 0) {
    throw PrefixListErrors.inUse(pl.id);
  }
  ctx.store.prefixLists.delete(pl.id); // entries and tags go with it
  return { ...pl, state: 'delete-in-progress' };
}

/** The entries of a version (the current one by default). */
export function prefixListEntries(ctx: RequestContext, id: string, targetVersion: number | undefined): PrefixListEntryRow[] {
  const pl = requirePrefixList(ctx, id);
  const version = targetVersion ?? pl.version;
  if (version < 1 || version > pl.version || !(version === pl.version || ctx.store.prefixLists.hasVersion(pl.id, version))) {
    throw PrefixListErrors.versionNotFound(pl.id, version);
  }
  return ctx.store.prefixLists.entries(pl.id, version);
}

/** What references the list: route tables (routes to it) and security groups (rules naming it). */
export function prefixListAssociations(ctx: RequestContext, id: string): Array<{ ResourceId: string; ResourceOwner: string }> {
  const pl = requirePrefixList(ctx, id);
  return [...ctx.store.prefixLists.routeTablesUsing(pl.id), ...ctx.store.prefixLists.groupsUsing(pl.id)].map((r) => ({
    ResourceId: r,
    ResourceOwner: ctx.scope.account,
  }));
}

/** The back end's step: an in-progress state completes. */
export function applyPrefixListTransition(ctx: RequestContext, id: string, to: string): void {
  const pl = ctx.store.prefixLists.get(ctx.scope, id);
  if (pl && pl.state.endsWith('-in-progress') && to.endsWith('-complete')) ctx.store.prefixLists.update(pl.id, { state: to });
}
