/**
 * The request pipeline, independent of HTTP (the in-process mode calls it too). In AWS's error order:
 *   Action present and known -> parameters parsed against the model (UnknownParameter, malformed values,
 *   MissingParameter) -> due back-end transitions applied -> scope bootstrapped (default VPC) -> idempotency
 *   token checked -> the action runs in one transaction, with the workflow tasks it queued (route state) ->
 *   DryRun rolls everything back and answers 412 -> the result is serialized from the output shape.
 * Any Ec2Error becomes EC2's error envelope; anything else is a bug: 500 InternalError with the stack logged.
 */
import { createHash } from 'node:crypto';
import type { Action } from '../actions/define';
import type { Backend } from './backend';
import { Services, transact } from './context';
import { ensureScope } from '../domain/vpc';
import { Ec2Error, RequestErrors } from '../errors';
import { getOperation, getShape, OperationModel } from '../protocol/model';
import { checkInputLimits } from '../protocol/inputLimits';
import { parseQuery } from '../protocol/queryParser';
import { serializeError, serializeResponse } from '../protocol/xmlSerializer';
import type { Scope } from '../store/query';
import type { FaultNote } from '../faults';
import { tooDeepKey } from '../server/requestLimits';
import { resolveScope } from './scope';

/** A Query API request once off the wire (src/server/api.ts's ApiRequest is the HTTP-level one). */
interface QueryRequest {
  /** Query string and form body, merged (body wins). */
  params: Record<string, string>;
  /** The Authorization header, for the SigV4 credential scope. */
  authorization?: string;
}

export interface ApiResponse {
  status: number;
  body: string;
  requestId: string;
  action?: string;
  scope: Scope;
  code?: string;
  /** The faults injected into this request (src/faults), for the log line. */
  fault?: FaultNote[];
}

type ApiResult = { ok: true; output: unknown } | { ok: false; error: Ec2Error };

/** Thrown inside the transaction to roll back a DryRun that would have succeeded. */
class DryRunRollback extends Error {}

export class Gateway {
  private readonly readyScopes = new Set<string>();
  private readonly loaded = new Map<string, Action>();

  constructor(
    private readonly services: Services,
    private readonly backend: Backend,
    /** Action name -> loader of its module (src/actions/index.ts: each is loaded on its first call). */
    private readonly actions: ReadonlyMap<string, () => Action>,
  ) {}

  /** Query request in, XML response out. */
  handle(req: QueryRequest): ApiResponse {
    const requestId = this.services.ids.requestId();
    const scope = resolveScope(req.authorization, req.params, this.services.config);
    const action = req.params.Action;
    try {
      const { op, output } = this.execute(action, req.params, scope, requestId);
      const fault = this.services.faults.takeNotes();
      return { status: 200, body: serializeResponse(op.name, op.output, output, requestId), requestId, action, scope, fault };
    } catch (e) {
      const error = this.asEc2Error(e, action, requestId);
      const fault = this.services.faults.takeNotes();
      return { status: error.status, body: serializeError(error, requestId), requestId, action, scope, code: error.code, fault };
    }
  }

  /** Same pipeline, returning the typed output object (for the in-process mode). */
  invoke(action: string, params: Record<string, string>, scope: Scope): ApiResult {
    const requestId = this.services.ids.requestId();
    try {
      return { ok: true, output: this.execute(action, { ...params, Action: action }, scope, requestId).output };
    } catch (e) {
      return { ok: false, error: this.asEc2Error(e, action, requestId) };
    } finally {
      this.services.faults.takeNotes(); // no log line in-process
    }
  }

  /** After a reset every scope must be bootstrapped again. */
  forgetScopes(): void {
    this.readyScopes.clear();
  }

  private execute(actionName: string | undefined, params: Record<string, string>, scope: Scope, requestId: string) {
    if (!actionName) throw RequestErrors.missingAction();
    const action = this.action(actionName);
    const op = getOperation(actionName);
    if (!action || !op) throw RequestErrors.invalidAction(actionName);
    const deep = tooDeepKey(params);
    if (deep !== undefined) throw RequestErrors.unknownParameter(deep);
    const input = parseQuery(op.input, params) as Record<string, unknown>;
    checkInputLimits(op.name, input);

    const { services } = this;
    this.backend.applyDue();
    this.ensureScope(scope, requestId);
    services.faults.beforeAction(scope, op.name, input);

    const token = this.clientToken(op, input);
    if (token && input.DryRun !== true) {
      const stored = services.store.clientTokens.get(scope, op.name, token.value);
      if (stored) {
        if (stored.paramsHash !== token.hash) throw RequestErrors.idempotentMismatch(token.value);
        return { op, output: JSON.parse(stored.response) as unknown };
      }
    }

    const writtenBefore = services.store.db.rowsWritten();
    let output: unknown;
    try {
      output = transact(
        services,
        scope,
        op.name,
        (ctx) => {
          const out = services.faults.afterAction(scope, op.name, input, action.handle(input as never, ctx));
          if (input.DryRun === true) throw new DryRunRollback();
          if (token) services.store.clientTokens.put(scope, op.name, token.value, token.hash, JSON.stringify(out ?? null), ctx.now);
          return out;
        },
        requestId,
      );
    } catch (e) {
      if (e instanceof DryRunRollback) throw RequestErrors.dryRun();
      throw e;
    }
    // Only a request that wrote something moves the broadcast / IMDS views on.
    if (services.store.db.rowsWritten() !== writtenBefore) services.events.markChanged();
    return { op, output };
  }

  private action(name: string): Action | undefined {
    let action = this.loaded.get(name);
    if (action === undefined) {
      action = this.actions.get(name)?.();
      if (action !== undefined) this.loaded.set(name, action);
    }
    return action;
  }

  private ensureScope(scope: Scope, requestId: string): void {
    const key = `${scope.account}\u0000${scope.region}`;
    if (this.readyScopes.has(key)) return;
    // Its own transaction: a DryRun's rollback must not undo the default VPC.
    transact(this.services, scope, 'Bootstrap', ensureScope, requestId);
    this.readyScopes.add(key);
  }

  /** The ClientToken of operations that take one, and a hash of the other parameters it must match. */
  private clientToken(op: OperationModel, input: Record<string, unknown>): { value: string; hash: string } | undefined {
    if (!op.input || typeof input.ClientToken !== 'string' || input.ClientToken === '') return undefined;
    const shape = getShape(op.input);
    if (shape.type !== 'structure' || !shape.members.ClientToken) return undefined;
    const rest = { ...input, ClientToken: undefined, DryRun: undefined };
    return { value: input.ClientToken, hash: createHash('sha256').update(stableJson(rest)).digest('hex') };
  }

  private asEc2Error(e: unknown, action: string | undefined, requestId: string): Ec2Error {
    if (e instanceof Ec2Error) return e;
    this.services.log.error('internal error', { action, requestId, error: (e as Error)?.stack ?? String(e) });
    return RequestErrors.internal();
  }
}

/** JSON with sorted keys, so equal inputs hash equally whatever the parameter order. */
function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${stableJson(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}
