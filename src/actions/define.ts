/**
 * An action = one EC2 operation: typed input (parsed from the query by the model) in, typed output (serialized to
 * XML by the model) out. Handlers never see raw query keys and never build XML.
 */
import type { RequestContext } from '../context';
import type { Operations } from '../protocol/model/types.generated';

export type OperationName = keyof Operations;
export type InputOf<K extends OperationName> = Operations[K]['input'];
export type OutputOf<K extends OperationName> = Operations[K]['output'];

export interface Action<K extends OperationName = OperationName> {
  readonly name: K;
  /** Runs inside the request's transaction. Throw an Ec2Error (src/errors.ts) to fail. */
  handle(input: InputOf<K>, ctx: RequestContext): OutputOf<K>;
}

export function defineAction<K extends OperationName>(name: K, handle: (input: InputOf<K>, ctx: RequestContext) => OutputOf<K>): Action<K> {
  return { name, handle };
}
