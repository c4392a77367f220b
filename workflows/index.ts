export { conversationWorkflow } from './conversation.workflow';
export { assignmentDispatcherWorkflow } from './assignment-dispatcher.workflow';
export { topicTrainingWorkflow } from './topic-training.workflow';
