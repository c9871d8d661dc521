/**
 * Launch templates: named, numbered versions of RequestLaunchTemplateData, stored as given (docs/behavior.md
 * "Launch templates"), and the merge step RunInstances runs before planLaunch: the template version's data under
 * the request's explicit parameters (explicit wins; a request's NetworkInterfaces list replaces the template's).
 * The data is only checked where AWS checks it at creation (tag resource types, references that do not exist are
 * warnings); the rest is checked at launch, by planLaunch, on the merged request.
 */
import type { RequestContext } from '../core/context';
import { LaunchTemplateErrors } from '../errors';
import type {
  CreateLaunchTemplateRequest,
  CreateLaunchTemplateVersionRequest,
  DeleteLaunchTemplateVersionsResponseErrorItem,
  DeleteLaunchTemplateVersionsResponseSuccessItem,
  RequestLaunchTemplateData,
  RunInstancesRequest,
  Tag,
  ValidationError,
} from '../protocol/model/types.generated';
import type { ListOptions } from '../store/query';
import type { LaunchTemplateRow, LaunchTemplateVersionRow } from '../store/rows';
import { addTags, tagsFromSpecifications } from './tags';

/** What a template's own TagSpecifications may tag, and what its data's TagSpecifications may (AWS docs, API reference). */
const TEMPLATE_TAGGABLE = ['launch-template'];
const DATA_TAGGABLE = ['instance', 'volume', 'network-interface', 'spot-instances-request', 'elastic-gpu'];

/** AWS: 3 to 128 characters of letters, digits and `( ) . - / _`. */
const NAME = /^[a-zA-Z0-9().\-/_]{3,128}$/;

export interface TemplateRef {
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
}

const createdBy = (ctx: RequestContext) => `arn:aws:iam::${ctx.scope.account}:root`;
export const versionRowId = (templateId: string, n: number) => `${templateId}:${n}`;

/** The template an id or a name designates (exactly one of the two). */
export function requireTemplate(ctx: RequestContext, ref: TemplateRef, opts: { bothError?: () => Error } = {}): LaunchTemplateRow {
  const { LaunchTemplateId: id, LaunchTemplateName: name } = ref;
  if (id !== undefined && name !== undefined) throw (opts.bothError ?? LaunchTemplateErrors.idAndName)();
  if (id !== undefined) {
    const row = ctx.store.launchTemplates.withLatest(ctx.scope, id);
    if (!row) throw LaunchTemplateErrors.idNotFound(id);
    return row;
  }
  if (name !== undefined) {
    const row = ctx.store.launchTemplates.byName(ctx.scope, name);
    if (!row) throw LaunchTemplateErrors.nameNotFound(name);
    return row;
  }
  throw LaunchTemplateErrors.idOrName();
}

/** `$Latest`, `$Default` or a version number (AWS reads the aliases case-insensitively); undefined = `$Default`. */
export function requireVersion(ctx: RequestContext, template: LaunchTemplateRow, version: string | undefined): LaunchTemplateVersionRow {
  const v = version ?? '$Default';
  const number = versionNumber(template, v);
  const row = number === undefined ? undefined : ctx.store.launchTemplates.versions.of(template.id, number);
  if (!row) throw LaunchTemplateErrors.versionNotFound(v, template.id);
  return row;
}

function versionNumber(template: LaunchTemplateRow, v: string): number | undefined {
  const lower = v.toLowerCase();
  if (lower === '$latest') return template.latest_version;
  if (lower === '$default') return template.default_version;
  if (!/^\d{1,15}$/.test(v)) throw LaunchTemplateErrors.versionMalformed(v);
  return Number(v);
}

/** Where AWS checks data at creation: tag resource types and tags. References that do not exist become warnings. */
function checkData(ctx: RequestContext, data: RequestLaunchTemplateData): ValidationError[] {
  tagsFromSpecifications(data.TagSpecifications, DATA_TAGGABLE);
  const warnings: ValidationError[] = [];
  const warn = (Code: string, Message: string) => warnings.push({ Code, Message });
  // Wording of these warnings: AWS's NotFound messages for the same references.
  for (const id of data.SecurityGroupIds ?? []) {
    if (!ctx.store.securityGroups.get(ctx.scope, id)) warn('InvalidGroup.NotFound', `The security group '${id}' does not exist`);
  }
  for (const nic of data.NetworkInterfaces ?? []) {
    if (nic.SubnetId !== undefined && !ctx.store.subnets.get(ctx.scope, nic.SubnetId)) {
      warn('InvalidSubnetID.NotFound', `The subnet ID '${nic.SubnetId}' does not exist`);
    }
    for (const id of nic.Groups ?? []) {
      if (!ctx.store.securityGroups.get(ctx.scope, id)) warn('InvalidGroup.NotFound', `The security group '${id}' does not exist`);
    }
  }
  if (data.KeyName !== undefined && !ctx.store.keyPairs.byName(ctx.scope, data.KeyName)) {
    warn('InvalidKeyPair.NotFound', `The key pair '${data.KeyName}' does not exist`);
  }
  return warnings;
}

function insertVersion(ctx: RequestContext, templateId: string, number: number, data: RequestLaunchTemplateData, description?: string): void {
  ctx.store.launchTemplates.versions.insert({
    id: versionRowId(templateId, number),
    account: ctx.scope.account,
    region: ctx.scope.region,
    template_id: templateId,
    number,
    description: description ?? null,
    data: JSON.stringify(data),
    created_by: createdBy(ctx),
    created_at: ctx.now,
  });
}

export function createLaunchTemplate(
  ctx: RequestContext,
  input: CreateLaunchTemplateRequest,
): { template: LaunchTemplateRow; warnings: ValidationError[] } {
  if (!NAME.test(input.LaunchTemplateName)) throw LaunchTemplateErrors.nameMalformed();
  const tags = tagsFromSpecifications(input.TagSpecifications, TEMPLATE_TAGGABLE).get('launch-template') ?? [];
  const warnings = checkData(ctx, input.LaunchTemplateData);
  if (ctx.store.launchTemplates.byName(ctx.scope, input.LaunchTemplateName)) throw LaunchTemplateErrors.nameInUse();
  const id = ctx.ids.id('lt');
  ctx.store.launchTemplates.insert({
    id,
    account: ctx.scope.account,
    region: ctx.scope.region,
    name: input.LaunchTemplateName,
    default_version: 1,
    last_number: 1,
    created_by: createdBy(ctx),
    created_at: ctx.now,
  });
  insertVersion(ctx, id, 1, input.LaunchTemplateData, input.VersionDescription);
  addTags(ctx, id, 'launch-template', tags);
  return { template: ctx.store.launchTemplates.withLatest(ctx.scope, id)!, warnings };
}

/**
 * A new version numbered after the highest ever given (numbers are not reused); with SourceVersion, the source's
 * data under the given data (top-level members of the new data replace the source's).
 */
export function createLaunchTemplateVersion(
  ctx: RequestContext,
  input: CreateLaunchTemplateVersionRequest,
): { version: LaunchTemplateVersionRow; warnings: ValidationError[] } {
  const template = requireTemplate(ctx, input);
  let data = input.LaunchTemplateData;
  if (input.SourceVersion !== undefined) {
    const source = requireVersion(ctx, template, input.SourceVersion);
    data = { ...(JSON.parse(source.data) as RequestLaunchTemplateData), ...data };
  }
  const warnings = checkData(ctx, data);
  const number = template.last_number + 1;
  ctx.store.launchTemplates.update(template.id, { last_number: number });
  insertVersion(ctx, template.id, number, data, input.VersionDescription);
  return { version: versionWithTemplate(ctx, template.id, number), warnings };
}

function versionWithTemplate(ctx: RequestContext, templateId: string, number: number): LaunchTemplateVersionRow {
  return ctx.store.launchTemplates.versions.list(ctx.scope, { ids: [versionRowId(templateId, number)] })[0];
}

export function modifyLaunchTemplate(ctx: RequestContext, ref: TemplateRef, defaultVersion: string | undefined): LaunchTemplateRow {
  const template = requireTemplate(ctx, ref, { bothError: LaunchTemplateErrors.modifyIdAndName });
  if (defaultVersion !== undefined) {
    const n = /^\d{1,15}$/.test(defaultVersion) ? Number(defaultVersion) : undefined;
    if (n === undefined || !ctx.store.launchTemplates.versions.of(template.id, n)) throw LaunchTemplateErrors.defaultVersionNotFound(defaultVersion);
    ctx.store.launchTemplates.update(template.id, { default_version: n });
  }
  return ctx.store.launchTemplates.withLatest(ctx.scope, template.id)!;
}

/** Deletes the template with every version (and its tags); returns the row as it was. */
export function deleteLaunchTemplate(ctx: RequestContext, ref: TemplateRef): LaunchTemplateRow {
  const template = requireTemplate(ctx, ref);
  ctx.store.launchTemplates.delete(template.id);
  return template;
}

/**
 * Each version is deleted or reported with its reason; the default version cannot go (AWS: delete the template
 * instead). An unknown template fails the whole call.
 */
export function deleteLaunchTemplateVersions(
  ctx: RequestContext,
  ref: TemplateRef,
  versions: readonly string[],
): { deleted: DeleteLaunchTemplateVersionsResponseSuccessItem[]; failed: DeleteLaunchTemplateVersionsResponseErrorItem[] } {
  const template = requireTemplate(ctx, ref);
  const deleted: DeleteLaunchTemplateVersionsResponseSuccessItem[] = [];
  const failed: DeleteLaunchTemplateVersionsResponseErrorItem[] = [];
  const base = { LaunchTemplateId: template.id, LaunchTemplateName: template.name };
  for (const v of versions) {
    const n = /^\d{1,15}$/.test(v) ? Number(v) : undefined;
    const row = n === undefined ? undefined : ctx.store.launchTemplates.versions.of(template.id, n);
    if (!row) {
      failed.push({
        ...base,
        VersionNumber: n,
        ResponseError: { Code: 'launchTemplateVersionDoesNotExist', Message: 'The specified launch template version does not exist.' }, // guess
      });
    } else if (row.number === template.default_version) {
      failed.push({
        ...base,
        VersionNumber: row.number,
        ResponseError: { Code: 'unexpectedError', Message: 'Cannot delete the default version of a launch template. Delete the launch template instead.' }, // guess
      });
    } else {
      ctx.store.launchTemplates.versions.delete(row.id);
      deleted.push({ ...base, VersionNumber: row.number });
    }
  }
  return { deleted, failed };
}

/** DescribeLaunchTemplates' rows; names are resolved to ids first (each must exist). */
export function listLaunchTemplates(ctx: RequestContext, opts: ListOptions, names: readonly string[] | undefined): LaunchTemplateRow[] {
  if (names && names.length > 0) {
    const ids = names.map((n) => ctx.store.launchTemplates.byName(ctx.scope, n)?.id);
    if (ids.some((id) => id === undefined)) throw LaunchTemplateErrors.someNotFound();
    const wanted = new Set(ids as string[]);
    const idsFilter = opts.ids ? opts.ids.filter((id) => wanted.has(id)) : [...wanted];
    return ctx.store.launchTemplates.list(ctx.scope, { ...opts, ids: idsFilter });
  }
  return ctx.store.launchTemplates.list(ctx.scope, opts);
}

export function existingTemplateIds(ctx: RequestContext, ids: readonly string[]): Set<string> {
  return new Set([...ctx.store.launchTemplates.getMany(ctx.scope, ids).keys()]);
}

interface VersionQuery extends TemplateRef {
  Versions?: string[];
  MinVersion?: string;
  MaxVersion?: string;
}

/** What a DescribeLaunchTemplateVersions call pages over: explicit version row ids, or every version of one template. */
export interface VersionSelection {
  ids?: string[];
  templateId?: string;
}

/**
 * One template (by id or name): the listed versions (each must exist), else those in [MinVersion, MaxVersion],
 * else all. No template: only `$Latest` / `$Default` are allowed, for every template of the scope.
 */
export function selectTemplateVersions(ctx: RequestContext, q: VersionQuery): VersionSelection {
  const versions = q.Versions ?? [];
  if (q.LaunchTemplateId === undefined && q.LaunchTemplateName === undefined) {
    if (versions.length === 0) throw LaunchTemplateErrors.describeVersionsScope(true);
    const aliases = versions.map((v) => v.toLowerCase());
    if (aliases.some((v) => v !== '$latest' && v !== '$default')) throw LaunchTemplateErrors.describeVersionsScope(false);
    const ids = new Set<string>();
    for (const t of ctx.store.launchTemplates.list(ctx.scope)) {
      if (aliases.includes('$latest') && t.latest_version !== undefined) ids.add(versionRowId(t.id, t.latest_version));
      if (aliases.includes('$default')) ids.add(versionRowId(t.id, t.default_version));
    }
    return { ids: [...ids] };
  }
  const template = requireTemplate(ctx, q);
  if (versions.length > 0) return { ids: [...new Set(versions.map((v) => requireVersion(ctx, template, v).id))] };
  if (q.MinVersion === undefined && q.MaxVersion === undefined) return { templateId: template.id };
  const min = q.MinVersion === undefined ? 1 : (versionNumber(template, q.MinVersion) ?? 1);
  const max = q.MaxVersion === undefined ? Infinity : (versionNumber(template, q.MaxVersion) ?? Infinity);
  const ids = listTemplateVersions(ctx, {}, template.id)
    .filter((v) => v.number >= min && v.number <= max)
    .map((v) => v.id);
  return { ids };
}

/** The rows of explicit version ids, or of every version of one template, for describe(). */
export function listTemplateVersions(ctx: RequestContext, opts: ListOptions, templateId: string | undefined): LaunchTemplateVersionRow[] {
  if (opts.ids === undefined && templateId !== undefined) {
    return ctx.store.launchTemplates.versions.list(ctx.scope, {
      ...opts,
      clauses: [...(opts.clauses ?? []), { sql: 't.template_id = ?', params: [templateId] }],
    });
  }
  return ctx.store.launchTemplates.versions.list(ctx.scope, opts);
}

export const versionData = (row: LaunchTemplateVersionRow): RequestLaunchTemplateData => JSON.parse(row.data) as RequestLaunchTemplateData;

// --- RunInstances with LaunchTemplate -------------------------------------------------------------------------

export interface MergedLaunch {
  input: RunInstancesRequest;
  /** The template version the instances came from, for the aws:ec2launchtemplate:* tags. */
  source?: { templateId: string; version: number };
}

const isEmpty = (v: unknown) => v === undefined || (Array.isArray(v) && v.length === 0);

/**
 * RunInstances' request with its launch template applied: each member the request leaves out comes from the
 * template version (AWS: "Any parameters that you specify in RunInstances override the same parameters in the launch
 * template"). Lists are replaced whole (a request's NetworkInterfaces replaces the template's, so a template's
 * interfaces beside a request's SubnetId or SecurityGroupIds meet planLaunch's InvalidParameterCombination, as on
 * AWS), structures (Placement, MetadataOptions, …) member by member, TagSpecifications per resource type and
 * BlockDeviceMappings per device name. Without LaunchTemplate the request is returned as is.
 */
export function mergeLaunchTemplate(ctx: RequestContext, input: RunInstancesRequest): MergedLaunch {
  const spec = input.LaunchTemplate;
  if (!spec) return { input };
  const template = requireTemplate(ctx, spec);
  const version = requireVersion(ctx, template, spec.Version);
  const data = toRunInstancesShape(versionData(version));
  const merged: Record<string, unknown> = { ...input };
  for (const [key, fromTemplate] of Object.entries(data)) {
    const explicit = merged[key];
    if (isEmpty(explicit)) merged[key] = fromTemplate;
    else if (key === 'TagSpecifications') merged[key] = mergeByKey(fromTemplate as Keyed[], explicit as Keyed[], 'ResourceType');
    else if (key === 'BlockDeviceMappings') merged[key] = mergeByKey(fromTemplate as Keyed[], explicit as Keyed[], 'DeviceName');
    else if (isStruct(explicit) && isStruct(fromTemplate)) merged[key] = { ...fromTemplate, ...explicit };
  }
  delete merged.LaunchTemplate;
  return { input: merged as unknown as RunInstancesRequest, source: { templateId: template.id, version: version.number } };
}

type Keyed = Record<string, unknown>;
const isStruct = (v: unknown): v is Keyed => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** The template's entries, each replaced by the request's entry with the same key; the request's others added. */
function mergeByKey(fromTemplate: Keyed[], explicit: Keyed[], key: string): Keyed[] {
  const keys = new Set(explicit.map((e) => e[key]));
  return [...fromTemplate.filter((t) => !keys.has(t[key])), ...explicit];
}

/** RequestLaunchTemplateData -> RunInstancesRequest members: the same names but for these (botocore model). */
function toRunInstancesShape(data: RequestLaunchTemplateData): Keyed {
  const { RamDiskId, ElasticGpuSpecifications, InstanceRequirements: _ignored, ...rest } = data;
  const out: Keyed = { ...rest };
  if (RamDiskId !== undefined) out.RamdiskId = RamDiskId;
  if (ElasticGpuSpecifications !== undefined) out.ElasticGpuSpecification = ElasticGpuSpecifications;
  return out;
}

/** The tags AWS puts on an instance launched from a template (the `aws:` prefix is theirs, so no user check). */
export function tagLaunchedFromTemplate(ctx: RequestContext, instanceIds: readonly string[], source: { templateId: string; version: number }): void {
  const tags: Tag[] = [
    { Key: 'aws:ec2launchtemplate:id', Value: source.templateId },
    { Key: 'aws:ec2launchtemplate:version', Value: String(source.version) },
  ];
  for (const id of instanceIds) ctx.store.tags.put(ctx.scope, id, 'instance', tags);
}
