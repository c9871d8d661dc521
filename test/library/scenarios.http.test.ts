/** The shared scenarios over HTTP: startEc2lite() and a real EC2Client (SigV4, HTTP, XML). */
import { runScenarios } from './scenarios';
import { httpTarget } from './targets';

runScenarios('http', httpTarget);
