/**
 * EC2 answers are printed by the shape walk directly (src/protocol/xmlSerializer.ts `writeXml`); fast-xml-parser's
 * builder prints the same tree as the reference. For every operation of the model, answers filled three ways
 * (every member, lists empty, lists of two with text that needs escaping or is empty) must come out byte for byte
 * as the builder prints them (docs/decisions.md "XML answers"). The golden files pin the bytes themselves.
 */
import { getOperation, getShape, operationNames } from '../../src/protocol/model';
import { serializeResponse, serializeResponseByBuilder } from '../../src/protocol/xmlSerializer';

type Fill = 'full' | 'emptyLists' | 'tricky';

/** A value for `shapeName`; recursive shapes stop at depth 5. */
function sample(shapeName: string, fill: Fill, depth: number, seed: { n: number }): unknown {
  const shape = getShape(shapeName);
  seed.n++;
  switch (shape.type) {
    case 'structure': {
      if (depth > 5) return {};
      const out: Record<string, unknown> = {};
      for (const [name, ref] of Object.entries(shape.members)) {
        // leave one member in seven out, as answers do
        if ((seed.n + name.length) % 7 === 0) continue;
        out[name] = sample(ref.shape, fill, depth + 1, seed);
      }
      return out;
    }
    case 'list':
      if (fill === 'emptyLists' || depth > 5) return [];
      return [sample(shape.member.shape, fill, depth + 1, seed), sample(shape.member.shape, fill, depth + 1, seed)];
    case 'boolean':
      return seed.n % 2 === 0;
    case 'integer':
    case 'long':
      return seed.n * 7;
    case 'double':
    case 'float':
      return seed.n / 4;
    case 'timestamp':
      return new Date(Date.UTC(2026, 0, 1, 0, 0, seed.n % 60, seed.n % 1000));
    case 'blob':
      return Buffer.from(`blob-${seed.n}`).toString('base64');
    default:
      if (shape.enum?.length) return shape.enum[seed.n % shape.enum.length];
      if (fill === 'tricky') return ['', 'a & b <c> "d" \'e\'', 'line\nbreak\u0001', `v-${seed.n}`][seed.n % 4];
      return `v-${seed.n}`;
  }
}

const withOutput = operationNames().filter((name) => getOperation(name)!.output !== null);

test('the model has operations with and without output shapes to compare', () => {
  expect(withOutput.length).toBeGreaterThan(200);
  expect(operationNames().length).toBeGreaterThan(withOutput.length);
});

test.each(['full', 'emptyLists', 'tricky'] as Fill[])('every operation answer prints as the builder prints it (%s)', (fill) => {
  const mismatches: string[] = [];
  for (const name of operationNames()) {
    const output = getOperation(name)!.output;
    const value = output ? sample(output, fill, 0, { n: name.length }) : undefined;
    const direct = serializeResponse(name, output, value, 'req-1');
    const reference = serializeResponseByBuilder(name, output, value, 'req-1');
    if (direct !== reference) mismatches.push(`${name}: ${firstDifference(direct, reference)}`);
  }
  expect(mismatches).toEqual([]);
});

test('an answer without members and one without an output shape', () => {
  expect(serializeResponse('CreateTags', null, undefined, 'r')).toBe(serializeResponseByBuilder('CreateTags', null, undefined, 'r'));
  expect(serializeResponse('CreateTags', null, undefined, 'r')).toContain('<requestId>r</requestId><return>true</return></CreateTagsResponse>');
  expect(serializeResponse('DescribeVpcs', 'DescribeVpcsResult', {}, 'r')).toBe(serializeResponseByBuilder('DescribeVpcs', 'DescribeVpcsResult', {}, 'r'));
});

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: direct …${a.slice(Math.max(0, i - 40), i + 40)}… builder …${b.slice(Math.max(0, i - 40), i + 40)}…`;
}
