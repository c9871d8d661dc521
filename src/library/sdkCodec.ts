/**
 * The SDK v3 <-> EC2 query codec of the in-process mode: a command's input becomes the query parameters the SDK
 * would have sent (walking our trimmed model: wire names, lists flattened as `Key.N`, Dates as ISO-8601, blobs as
 * base64, ClientToken filled in where the SDK fills it), and an action's output becomes what the SDK returns after
 * deserializing our XML (the walk mirrors src/protocol/xmlSerializer.ts: members in the output shape only, absent
 * stays absent, [] stays [], numbers as numbers, timestamps as Dates, blobs as Uint8Array).
 */
import { randomUUID } from 'node:crypto';
import { getOperation, getShape } from '../protocol/model';

/**
 * Members the SDK fills with a fresh UUID when they are absent (botocore/Smithy `idempotencyToken`), by input shape.
 * Every such member of EC2's model is a top-level `ClientToken`; this lists those of the operations in our model
 * (test/library/conversion.test.ts checks it against the SDK's own schemas).
 */
export const IDEMPOTENCY_TOKENS: Readonly<Record<string, readonly string[]>> = {
  CopyImageRequest: ['ClientToken'],
  CreateLaunchTemplateRequest: ['ClientToken'],
  CreateLaunchTemplateVersionRequest: ['ClientToken'],
  CreateCarrierGatewayRequest: ['ClientToken'],
  CreateFleetRequest: ['ClientToken'],
  CreateInstanceConnectEndpointRequest: ['ClientToken'],
  CreateManagedPrefixListRequest: ['ClientToken'],
  CreateNatGatewayRequest: ['ClientToken'],
  CreateNetworkAclRequest: ['ClientToken'],
  CreateNetworkInterfaceRequest: ['ClientToken'],
  CreateRouteTableRequest: ['ClientToken'],
  CreateTrafficMirrorFilterRequest: ['ClientToken'],
  CreateTrafficMirrorFilterRuleRequest: ['ClientToken'],
  CreateTrafficMirrorSessionRequest: ['ClientToken'],
  CreateTrafficMirrorTargetRequest: ['ClientToken'],
  CreateVolumeRequest: ['ClientToken'],
  ModifyLaunchTemplateRequest: ['ClientToken'],
  RunInstancesRequest: ['ClientToken'],
};

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function base64(value: string | Uint8Array): string {
  return typeof value === 'string' ? Buffer.from(value, 'utf8').toString('base64') : Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
}

/** EC2's timestamp wire form as the SDK writes it (ISO-8601, whole seconds without `.000`). */
const isoTimestamp = (d: Date) => d.toISOString().replace('.000Z', 'Z');

/** A member our model does not know: written the way the SDK writes an untyped document, so the gateway answers UnknownParameter as it would over HTTP. */
function writeUntyped(value: unknown, key: string, out: Record<string, string>): void {
  if (value === undefined || value === null) return;
  if (value instanceof Date) out[key] = isoTimestamp(value);
  else if (value instanceof Uint8Array) out[key] = base64(value);
  else if (Array.isArray(value)) {
    let i = 1;
    for (const item of value) if (item !== undefined && item !== null) writeUntyped(item, `${key}.${i++}`, out);
  } else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) writeUntyped(v, `${key}.${capitalize(k)}`, out);
  } else out[key] = String(value);
}

function writeValue(shapeName: string, value: unknown, key: string, out: Record<string, string>, knownMembers?: ReadonlySet<string>): void {
  const shape = getShape(shapeName);
  switch (shape.type) {
    case 'structure': {
      if (!isObject(value)) return;
      const tokens = IDEMPOTENCY_TOKENS[shapeName] ?? [];
      const prefix = key ? `${key}.` : '';
      for (const [name, ref] of Object.entries(shape.members)) {
        const v = value[name];
        if (v === undefined || v === null) {
          if (tokens.includes(name)) out[prefix + ref.wire] = randomUUID();
          continue;
        }
        writeValue(ref.shape, v, prefix + ref.wire, out);
      }
      for (const [name, v] of Object.entries(value)) {
        if (name in shape.members) continue;
        // The SDK sends only members its own schema knows; when we can read that schema, so do we.
        if (knownMembers && !knownMembers.has(name)) continue;
        writeUntyped(v, prefix + capitalize(name), out);
      }
      return;
    }
    case 'list': {
      if (!Array.isArray(value)) return;
      let i = 1;
      for (const item of value) {
        if (item === undefined || item === null) continue;
        writeValue(shape.member.shape, item, `${key}.${i++}`, out);
      }
      return;
    }
    case 'blob':
      if (typeof value === 'string' || value instanceof Uint8Array) out[key] = base64(value);
      return;
    case 'timestamp':
      if (value instanceof Date) out[key] = isoTimestamp(value);
      return;
    default:
      out[key] = String(value);
  }
}

/**
 * The EC2 query parameters (without Action and Version) that the SDK v3 sends for `input` of `operation`.
 * `sdkMembers`: the top-level member names the SDK's schema knows, when known (others are dropped, as the SDK does).
 */
export function toQueryParams(operation: string, input: unknown, sdkMembers?: ReadonlySet<string>): Record<string, string> {
  const out: Record<string, string> = {};
  const op = getOperation(operation);
  if (!op) return out;
  if (op.input) writeValue(op.input, input ?? {}, '', out, sdkMembers);
  else if (isObject(input)) {
    for (const [name, v] of Object.entries(input)) if (!sdkMembers || sdkMembers.has(name)) writeUntyped(v, capitalize(name), out);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Action output -> what the SDK returns after deserializing our XML

function readValue(shapeName: string, value: unknown): unknown {
  const shape = getShape(shapeName);
  switch (shape.type) {
    case 'structure': {
      const obj: Record<string, unknown> = {};
      const src = isObject(value) ? value : {};
      for (const [name, ref] of Object.entries(shape.members)) {
        const v = src[name];
        if (v === undefined || v === null) continue;
        obj[name] = readValue(ref.shape, v);
      }
      return obj;
    }
    case 'list':
      return (value as unknown[]).map((item) => readValue(shape.member.shape, item));
    case 'boolean':
      return Boolean(value);
    case 'integer':
    case 'long':
      return Math.trunc(Number(value));
    case 'double':
    case 'float':
      return Number(String(value));
    case 'timestamp':
      return new Date((value instanceof Date ? value : new Date(value as string | number)).toISOString());
    case 'blob': {
      const buf = Buffer.from(String(value), 'base64');
      return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    default:
      return String(value);
  }
}

/** The SDK's output object (without `$metadata`) for an action's output. */
export function toSdkOutput(operation: string, output: unknown): Record<string, unknown> {
  const op = getOperation(operation);
  if (!op?.output) return {};
  return readValue(op.output, output ?? {}) as Record<string, unknown>;
}
