import { requireInstances } from '../domain/instances';
import { InstanceErrors } from '../errors';
import { defineAction } from './define';

/** Settings the IMDS honours at once (HttpTokens=required turns IMDSv1 off). AWS reports the change as pending. */
export default defineAction('ModifyInstanceMetadataOptions', (input, ctx) => {
  const [instance] = requireInstances(ctx, [input.InstanceId]);
  const hop = input.HttpPutResponseHopLimit;
  if (hop !== undefined && (hop < 1 || hop > 64)) throw InstanceErrors.attributeValue('httpPutResponseHopLimit', String(hop));
  ctx.store.instances.update(instance.id, {
    http_tokens: input.HttpTokens ?? instance.http_tokens,
    http_endpoint: input.HttpEndpoint ?? instance.http_endpoint,
    http_put_response_hop_limit: hop ?? instance.http_put_response_hop_limit,
    http_protocol_ipv6: input.HttpProtocolIpv6 ?? instance.http_protocol_ipv6,
    instance_metadata_tags: input.InstanceMetadataTags ?? instance.instance_metadata_tags,
  });
  const row = ctx.store.instances.get(ctx.scope, instance.id)!;
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
