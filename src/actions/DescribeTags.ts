import { describeTags } from '../domain/tags';
import { defineAction } from './define';

export default defineAction('DescribeTags', (input, ctx) => {
  const page = describeTags(ctx, input);
  return { Tags: page.items, NextToken: page.nextToken };
});
