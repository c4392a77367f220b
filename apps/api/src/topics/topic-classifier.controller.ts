import { Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { AgentAuthGuard } from '../auth/agent-auth.guard';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { Roles } from '../auth/roles.decorator';
import { ClassifierView, TrainingRequestedView } from './topic.views';
import { TopicClassifierService } from './topic-classifier.service';

/** Registered before TopicsController so that /topics/classifier is not read as /topics/:id. */
@ApiTags('topics')
@ApiBearerAuth('agent')
@UseGuards(AgentAuthGuard)
@Controller('topics/classifier')
export class TopicClassifierController {
  constructor(private readonly classifier: TopicClassifierService) {}

  @Get()
  @ApiOperation({ summary: "The tenant's current topic model ({ version: null } before the first training)" })
  @ApiOkResponse({ type: ClassifierView })
  describe(@CurrentAgent() agent: AuthenticatedAgent) {
    return this.classifier.describe(agent);
  }

  @Post('train')
  @Roles('admin')
  @HttpCode(202)
  @ApiOperation({ summary: 'Ask for a retrain now; an unchanged example set keeps its model (admin)' })
  @ApiAcceptedResponse({ type: TrainingRequestedView })
  train(@CurrentAgent() admin: AuthenticatedAgent) {
    return this.classifier.train(admin);
  }
}
