/** The shared scenarios in-process: mockEc2lite(EC2Client) routes every client of this file, no HTTP. */
import { runScenarios } from './scenarios';
import { inProcessTarget } from './targets';

runScenarios('in-process', inProcessTarget('class'));
