import { spotFleetHistory } from '../domain/spotFleets';
import { paginate } from '../pagination';
import { defineAction } from './define';

/** What happened to the request since StartTime: fleetRequestChange, instanceChange, error and information events. */
export default defineAction('DescribeSpotFleetRequestHistory', (input, ctx) => {
  const fp = `${input.SpotFleetRequestId}|${input.StartTime.getTime()}|${input.EventType ?? ''}`;
  const page = paginate({ maxResults: input.MaxResults, nextToken: input.NextToken, fingerprint: fp }, (afterSeq, limit) =>
    spotFleetHistory(ctx, input.SpotFleetRequestId, input.StartTime, input.EventType, afterSeq, limit).map((e) => ({
      seq: e.seq,
      item: {
        EventType: e.event_type as 'instanceChange' | 'fleetRequestChange' | 'error' | 'information',
        Timestamp: new Date(e.at),
        EventInformation: { EventSubType: e.event_subtype ?? undefined, InstanceId: e.instance_id ?? undefined, EventDescription: e.description ?? undefined },
      },
    })),
  );
  return {
    SpotFleetRequestId: input.SpotFleetRequestId,
    StartTime: input.StartTime,
    LastEvaluatedTime: new Date(ctx.now),
    HistoryRecords: page.items,
    NextToken: page.nextToken,
  };
});
