import { NetworkInterfaceErrors } from '../errors';
import { requireInterface } from '../domain/networkInterfaces';
import { presentInterfaces } from '../views/networkInterface';
import { defineAction } from './define';

/** One attribute per call: description, groupSet, sourceDestCheck, attachment or associatePublicIpAddress. */
export default defineAction('DescribeNetworkInterfaceAttribute', (input, ctx) => {
  const eni = requireInterface(ctx, input.NetworkInterfaceId);
  const [view] = presentInterfaces(ctx, [eni]);
  const out = { NetworkInterfaceId: eni.id };
  switch (input.Attribute) {
    case 'description':
      return { ...out, Description: { Value: eni.description } };
    case 'groupSet':
      return { ...out, Groups: view.Groups };
    case 'sourceDestCheck':
      return { ...out, SourceDestCheck: { Value: eni.source_dest_check === 1 } };
    case 'attachment':
      return { ...out, Attachment: view.Attachment };
    case 'associatePublicIpAddress':
      return { ...out, AssociatePublicIpAddress: view.Association !== undefined };
    default:
      throw NetworkInterfaceErrors.missingAttribute();
  }
});
