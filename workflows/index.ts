export { conversationWorkflow } from './conversation.workflow';
export { assignmentDispatcherWorkflow } from './assignment-dispatcher.workflow';
