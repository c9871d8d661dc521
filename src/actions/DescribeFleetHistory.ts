import { fleetHistory } from '../domain/fleets';
import { paginate } from '../pagination';
import { defineAction } from './define';

/** What happened to the fleet since StartTime (launches, terminations, state changes, launch errors). */
export default defineAction('DescribeFleetHistory', (input, ctx) => {
  const fp = `${input.FleetId}|${input.StartTime.getTime()}|${input.EventType ?? ''}`;
  const page = paginate({ maxResults: input.MaxResults, nextToken: input.NextToken, fingerprint: fp }, (afterSeq, limit) =>
    fleetHistory(ctx, input.FleetId, input.StartTime, input.EventType, afterSeq, limit).map((e) => ({
      seq: e.seq,
      item: {
        EventType: e.event_type as 'instance-change' | 'fleet-change' | 'service-error',
        Timestamp: new Date(e.at),
        EventInformation: { EventSubType: e.event_subtype ?? undefined, InstanceId: e.instance_id ?? undefined, EventDescription: e.description ?? undefined },
      },
    })),
  );
  return { FleetId: input.FleetId, StartTime: input.StartTime, LastEvaluatedTime: new Date(ctx.now), HistoryRecords: page.items, NextToken: page.nextToken };
});
