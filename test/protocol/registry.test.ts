/**
 * The action registry (src/actions/index.ts) against the trimmed model: every registered action must be an
 * operation the model describes (its input and output shapes are what the parser and serializer walk), and every
 * model operation has its action (the compiler checks this too: REGISTRY `satisfies` the model's operation list).
 */
import { loadAllActions } from '../../src/actions';
import { getOperation, getShape, operationNames } from '../../src/protocol/model';
import { SUPPORTED_OPERATIONS } from '../../src/protocol/model/operations';
import { rawQuery, startTestServer, TestServer } from '../helpers/server';

const ACTIONS = loadAllActions();

const names: string[] = ACTIONS.map((a) => a.name);

it('registers at least the VPC, subnet, security group and tag actions', () => {
  expect(names).toEqual(
    expect.arrayContaining(['DescribeRegions', 'CreateVpc', 'DescribeSubnets', 'AuthorizeSecurityGroupIngress', 'CreateTags']),
  );
});

it('registers each action once', () => {
  expect(new Set(names).size).toBe(names.length);
});

it.each(names)('%s is an operation of the model, with shapes the model carries', (name) => {
  const op = getOperation(name);
  expect(op).toBeDefined();
  expect(op!.name).toBe(name);
  expect(SUPPORTED_OPERATIONS).toContain(name);
  if (op!.input) expect(getShape(op!.input).type).toBe('structure');
  if (op!.output) expect(getShape(op!.output).type).toBe('structure');
  expect(typeof ACTIONS.find((a) => a.name === name)!.handle).toBe('function');
});

it('the registry is a subset of the model operations', () => {
  expect(operationNames()).toEqual(expect.arrayContaining(names));
});

it('every model operation is registered', () => {
  expect([...names].sort()).toEqual([...operationNames()].sort());
});

/** An EC2 operation outside the model: what every action ec2lite does not serve answers. */
const unserved = 'CreateFpgaImage';

describe('over HTTP', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('every registered action is dispatched (never InvalidAction, never a 500)', async () => {
    for (const name of names) {
      const r = await rawQuery(t.url, { Action: name, Version: '2016-11-15' });
      expect({ name, invalid: r.code === 'InvalidAction', serverError: r.status >= 500 }).toEqual({ name, invalid: false, serverError: false });
    }
  });

  it(`an EC2 operation ec2lite does not serve (${unserved}) answers InvalidAction`, async () => {
    const missing = unserved;
    const r = await rawQuery(t.url, { Action: missing });
    expect({ status: r.status, code: r.code, message: r.message }).toEqual({
      status: 400,
      code: 'InvalidAction',
      message: `The action ${missing} is not valid for this web service.`,
    });
  });
});
