/**
 * The registry: every supported EC2 action, listed explicitly (the only list; nothing is found by reflection).
 * Adding an action: see the README's "How to add an action".
 */
import type { Action } from './define';
import DescribeRegions from './DescribeRegions';

export const ACTIONS: readonly Action[] = [
  DescribeRegions,
];
