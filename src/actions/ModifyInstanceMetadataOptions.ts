import { setMetadataOptions } from '../domain/instanceAttributes';
import { requireInstances } from '../domain/instances';
import { defineAction } from './define';

/** Settings the IMDS honours at once (HttpTokens=required turns IMDSv1 off). AWS reports the change as pending. */
export default defineAction('ModifyInstanceMetadataOptions', (input, ctx) => {
  const [instance] = requireInstances(ctx, [input.InstanceId]);
  const row = setMetadataOptions(ctx, instance, input);
  return {
    InstanceId: row.id,
    InstanceMetadataOptions: {
      State: 'pending',
      HttpTokens: row.http_tokens as 'optional',
      HttpPutResponseHopLimit: row.http_put_response_hop_limit,
      HttpEndpoint: row.http_endpoint as 'enabled',
      HttpProtocolIpv6: row.http_protocol_ipv6 as 'disabled',
      InstanceMetadataTags: row.instance_metadata_tags as 'disabled',
    },
  };
});
