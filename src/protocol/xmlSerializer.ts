/**
 * The one XML writer: turns a plain object keyed by model member names into XML by walking its shape. EC2 answers
 * (the trimmed EC2 model) are printed by that walk directly (`writeXml`); the error envelope and the documents
 * ec2lite defines itself (the network broadcast document declares its shapes in the same form, with attributes)
 * are handed as a tree to fast-xml-parser's XMLBuilder, which also prints the reference the direct printer is
 * tested against, byte for byte (docs/decisions.md "XML answers").
 *
 * Rules (AWS's): members in shape order; absent (undefined/null) members are omitted; a list
 * given as [] prints as an empty element (`<groupSet/>`); list elements are wrapped in the member's element name
 * (`item` in EC2); booleans print as true/false; timestamps as ISO-8601 UTC with milliseconds; blobs as base64.
 * See docs/wire-protocol.md "Success responses".
 */
import { XMLBuilder, type XmlBuilderOptions } from 'fast-xml-parser';
import { Ec2Error } from '../errors';
import { getShape, XML_NAMESPACE } from './model';

/** A shape as the writer sees it: the EC2 model's, plus the attribute and flattened-list forms our own documents use. */
export type XmlShape =
  | {
      type: 'structure';
      members: Record<string, { shape: string; xml: string; attribute?: boolean }>;
    }
  | { type: 'list'; member: { shape: string; xml: string }; flattened?: boolean }
  | { type: 'string' | 'integer' | 'long' | 'double' | 'float' | 'boolean' | 'timestamp' | 'blob' };

export type ShapeResolver = (name: string) => XmlShape;

const ec2Resolver: ShapeResolver = (name) => getShape(name) as unknown as XmlShape;

// Text is escaped once, in scalarText (cheaper than the builder's per-entity passes over every value).
// `jPath: false`: the builder otherwise prints the path of every node into a string for callbacks we do not set
// (a fifth of its time on a DescribeRegions answer, measured: 52 -> 41 us).
// (fast-xml-builder's option; fast-xml-parser's XmlBuilderOptions type does not list it yet.)
const builderOptions: XmlBuilderOptions & { jPath: boolean } = {
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: true,
  format: false,
  processEntities: false,
  jPath: false,
};
const builder = new XMLBuilder(builderOptions);

type XmlNode = string | { [key: string]: XmlNode | XmlNode[] };

/** Characters XML 1.0 cannot carry, not even as character references (parsers such as botocore's reject them). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text that keeps the document well-formed: characters XML cannot carry become U+FFFD. */
export const xmlSafe = (text: string): string => text.replace(NOT_XML_CHAR, '\uFFFD');

const NEEDS_WORK = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escaped, well-formed text for an element or attribute value (most values need neither, and pay one test). */
function xmlText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return xmlSafe(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

function scalarText(shape: XmlShape, value: unknown): string {
  switch (shape.type) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'timestamp': {
      const d = value instanceof Date ? value : new Date(value as string | number);
      return d.toISOString();
    }
    case 'integer':
    case 'long':
      return String(Math.trunc(Number(value)));
    default:
      return xmlText(String(value));
  }
}

interface CompiledMember {
  name: string;
  xml: string;
  attribute: boolean;
  shapeName: string;
  shape: XmlShape;
}

/** Structure members with their shapes resolved, once per (resolver, shape): the hot path allocates nothing. */
const compiled = new WeakMap<ShapeResolver, Map<string, CompiledMember[]>>();

function membersOf(shapeName: string, shape: Extract<XmlShape, { type: 'structure' }>, resolve: ShapeResolver): CompiledMember[] {
  let byShape = compiled.get(resolve);
  if (!byShape) {
    byShape = new Map();
    compiled.set(resolve, byShape);
  }
  let members = byShape.get(shapeName);
  if (!members) {
    members = Object.entries(shape.members).map(([name, ref]) => ({
      name,
      xml: ref.xml,
      attribute: ref.attribute === true,
      shapeName: ref.shape,
      shape: resolve(ref.shape),
    }));
    byShape.set(shapeName, members);
  }
  return members;
}

/** Builds the XMLBuilder tree for `value` against shape `shapeName`. */
function toXmlNode(shapeName: string, value: unknown, resolve: ShapeResolver = ec2Resolver): XmlNode {
  const shape = resolve(shapeName);
  if (shape.type === 'structure') {
    const node: { [key: string]: XmlNode | XmlNode[] } = {};
    const obj = value as Record<string, unknown>;
    for (const m of membersOf(shapeName, shape, resolve)) {
      const v = obj[m.name];
      if (v === undefined || v === null) continue;
      if (m.attribute) {
        node[`@_${m.xml}`] = scalarText(m.shape, v);
        continue;
      }
      const memberShape = m.shape;
      if (memberShape.type === 'list' && memberShape.flattened) {
        node[memberShape.member.xml] = (v as unknown[]).map((item) => toXmlNode(memberShape.member.shape, item, resolve));
        continue;
      }
      node[m.xml] = toXmlNode(m.shapeName, v, resolve);
    }
    return node;
  }
  if (shape.type === 'list') {
    const items = value as unknown[];
    if (items.length === 0) return '';
    return { [shape.member.xml]: items.map((item) => toXmlNode(shape.member.shape, item, resolve)) };
  }
  return scalarText(shape, value);
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/**
 * The walk of toXmlNode, printing as it goes: the builder's generic walk over the tree (attributes, stop nodes,
 * name checks on every node) was three quarters of an answer's cost (a 3-NIC RunInstances answer: 46 -> 11 us).
 * EC2 shapes carry no attributes and no flattened lists (those are our documents'). An element with no content
 * prints empty (`<groupSet/>`), as the builder's `suppressEmptyNode` does.
 */
function writeXml(shapeName: string, value: unknown): string {
  const shape = ec2Resolver(shapeName);
  if (shape.type === 'structure') {
    let out = '';
    const obj = value as Record<string, unknown>;
    for (const m of membersOf(shapeName, shape, ec2Resolver)) {
      const v = obj[m.name];
      if (v !== undefined && v !== null) out += element(m.xml, writeXml(m.shapeName, v));
    }
    return out;
  }
  if (shape.type === 'list') {
    let out = '';
    for (const item of value as unknown[]) out += element(shape.member.xml, writeXml(shape.member.shape, item));
    return out;
  }
  return scalarText(shape, value);
}

function element(name: string, content: string): string {
  return content === '' ? `<${name}/>` : `<${name}>${content}</${name}>`;
}

/** The Content-Type of every answer these print, as EC2 sends it (HTTP layers and the in-process stand-in). */
export const XML_CONTENT_TYPE = 'text/xml;charset=UTF-8';

/** `<{Action}Response xmlns=…><requestId/>…</…>`; operations without an output shape answer `<return>true</return>`. */
export function serializeResponse(action: string, outputShape: string | null, result: unknown, requestId: string): string {
  const content = outputShape ? writeXml(outputShape, result ?? {}) : '<return>true</return>';
  return `${DECLARATION}<${action}Response xmlns="${XML_NAMESPACE}"><requestId>${requestId}</requestId>${content}</${action}Response>`;
}

/** The same answer printed through fast-xml-parser's builder: the reference serializeResponse is tested against. */
export function serializeResponseByBuilder(action: string, outputShape: string | null, result: unknown, requestId: string): string {
  const body: { [key: string]: XmlNode | XmlNode[] } = { '@_xmlns': XML_NAMESPACE, requestId };
  if (outputShape) {
    const node = toXmlNode(outputShape, result ?? {});
    if (typeof node === 'object') Object.assign(body, node);
  } else {
    body.return = 'true';
  }
  return DECLARATION + builder.build({ [`${action}Response`]: body });
}

/** EC2's error envelope: note `RequestID` here versus `requestId` in success bodies. */
export function serializeError(error: Ec2Error, requestId: string): string {
  return (
    DECLARATION +
    builder.build({
      Response: { Errors: { Error: { Code: xmlText(error.code), Message: xmlText(error.message) } }, RequestID: requestId },
    })
  );
}

/** Prints a document of our own (e.g. the broadcast) from a root element name and its shape. */
export function serializeDocument(
  rootElement: string,
  shapeName: string,
  value: unknown,
  resolve: ShapeResolver,
  declaration = DECLARATION,
): string {
  return declaration + builder.build({ [rootElement]: toXmlNode(shapeName, value, resolve) });
}
