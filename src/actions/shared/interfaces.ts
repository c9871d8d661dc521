/** Lookups shared by the network interface actions. */
import type { RequestContext } from '../../context';
import { NotFoundErrors } from '../../errors';
import type { NetworkInterfaceRow } from '../../store/rows';
import { InterfaceRecord, loadInterfaceRecords } from '../../views/networkInterface';

export function requireInterface(ctx: RequestContext, id: string): NetworkInterfaceRow {
  const eni = ctx.store.networkInterfaces.get(ctx.scope, id);
  if (!eni) throw NotFoundErrors.networkInterface(id);
  return eni;
}

export function interfaceRecord(ctx: RequestContext, row: NetworkInterfaceRow): InterfaceRecord {
  return loadInterfaceRecords(ctx, [row])[0];
}
