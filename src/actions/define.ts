/**
 * An action = one EC2 operation: typed input (parsed from the query by the model) in, typed output (serialized to
 * XML by the model) out. Handlers never see raw query keys and never build XML.
 *
 * Every action has the same shape: parse -> domain call -> view.
 * - parse: checks only this operation's input says (members that exclude each other, one attribute per call).
 * - domain (src/domain/<resource>.ts): everything that reads or writes state: lookups (`requireVpc`), rules and
 *   writes (`deleteVpc`), the rows a Describe pages over (`listVpcs`). An action never imports the store nor
 *   reads `ctx.store`.
 * - view (src/views/<resource>.ts): rows -> API objects, loading what they show (tags, children) in one batch.
 * A Describe* hands the three to `describe()` (src/domain/describe.ts); filter specs live in src/filters/.
 */
import type { RequestContext } from '../core/context';
import type { Operations } from '../protocol/model/types.generated';

export type OperationName = keyof Operations;
type InputOf<K extends OperationName> = Operations[K]['input'];
type OutputOf<K extends OperationName> = Operations[K]['output'];

export interface Action<K extends OperationName = OperationName> {
  readonly name: K;
  /** Runs inside the request's transaction. Throw an Ec2Error (src/errors.ts) to fail. */
  handle(input: InputOf<K>, ctx: RequestContext): OutputOf<K>;
}

export function defineAction<K extends OperationName>(name: K, handle: (input: InputOf<K>, ctx: RequestContext) => OutputOf<K>): Action<K> {
  return { name, handle };
}
