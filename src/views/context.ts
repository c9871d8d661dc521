/**
 * What a view needs of the request: the store, to load what it presents in one batch query per kind (tags,
 * children), and the caller's scope, whose tags it shows (tags are per scope) and in which it looks rows up by id.
 * Views take no more than this, so callers outside a request (the broadcast document, IMDS) can pass just a store
 * and a scope.
 */
import type { RequestContext } from '../core/context';

export type LoadContext = Pick<RequestContext, 'store' | 'scope'>;
export type ScopedLoadContext = LoadContext;
