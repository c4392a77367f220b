import { serveThreadRequests } from '../platform/threads/serve-thread-requests';
import type { LabelledText } from './classifier';
import { trainTopicModel, type TrainedTopicModel } from './classifier-training';

/** The topic training thread (see TopicTrainingThread): trains a model from each set of examples it is sent. */
serveThreadRequests<readonly LabelledText[], TrainedTopicModel>((examples) =>
  Promise.resolve(trainTopicModel(examples)),
);
