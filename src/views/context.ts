/**
 * What a view needs of the request: the store, to load what it presents in one batch query per kind (tags,
 * children), and, for views that look rows up by id, the caller's scope. Views take no more than this, so callers
 * outside a request (the broadcast document, IMDS) can pass just a store and a scope.
 */
import type { RequestContext } from '../core/context';

export type LoadContext = Pick<RequestContext, 'store'>;
export type ScopedLoadContext = Pick<RequestContext, 'store' | 'scope'>;
