import 'reflect-metadata';

export { channelsSubgraph } from './subgraph';
export { configShape, DEFAULT_PORT } from './config';
// The values the channels' rows carry and the workflow they follow, for whatever writes those rows
// outside the service (the demo workspace's generators and loaders).
export { ChannelRecordKind } from './history/channel-event.entity';
export { DemandCategory, DemandRaiser, DemandStatus } from './demand/demand.entity';
export { PlenaryStatus } from './plenary/plenary.entity';
export {
  Evaluation,
  ProposalKind,
  ProposalStatus,
  NotRegisteredReason,
  ReplyResultClass,
} from './proposal/proposal.entity';
export {
  HANDLING_MONTHS,
  PROPOSAL_STEPS,
  REHANDLING_MONTHS,
  type ProposalStep,
} from './proposal/proposal.workflow';
export { DEMAND_STEPS, type DemandStep } from './demand/demand.workflow';
export { PLENARY_STEPS, type PlenaryStep } from './plenary/plenary.workflow';
export {
  SENTIMENT_REPORT_STEPS,
  type SentimentReportStep,
} from './sentiment-report/sentiment-report.workflow';
export {
  InstructionLevel,
  IssuedTo,
  SentimentReportStatus,
} from './sentiment-report/sentiment-report.entity';
