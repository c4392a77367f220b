import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { AgentAuthGuard } from '../auth/agent-auth.guard';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { Roles } from '../auth/roles.decorator';
import { IdParam } from '../http/id.param';
import { CreateTopicDto, ExampleIdParams, TopicExamplesDto, TopicExamplesPageQuery, UpdateTopicDto } from './topic.dto';
import { ExamplesAddedView, TopicChangeView, TopicDetailView, TopicView } from './topic.views';
import { TopicsService } from './topics.service';

@ApiTags('topics')
@ApiBearerAuth('agent')
@UseGuards(AgentAuthGuard)
@Controller('topics')
export class TopicsController {
  constructor(private readonly topics: TopicsService) {}

  @Get()
  @ApiOperation({ summary: "The tenant's topic categories with their example counts" })
  @ApiOkResponse({ type: [TopicView] })
  list(@CurrentAgent() agent: AuthenticatedAgent) {
    return this.topics.list(agent);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A topic category with one page of its examples' })
  @ApiOkResponse({ type: TopicDetailView })
  get(@CurrentAgent() agent: AuthenticatedAgent, @Param() { id }: IdParam, @Query() page: TopicExamplesPageQuery) {
    return this.topics.get(agent, id, page);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a topic category, optionally with examples; the classifier retrains (admin)' })
  @ApiOkResponse({ type: TopicChangeView })
  create(@CurrentAgent() admin: AuthenticatedAgent, @Body() body: CreateTopicDto) {
    return this.topics.create(admin, body);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Rename or describe a topic category; the classifier retrains (admin)' })
  @ApiOkResponse({ type: TopicChangeView })
  update(@CurrentAgent() admin: AuthenticatedAgent, @Param() { id }: IdParam, @Body() body: UpdateTopicDto) {
    return this.topics.update(admin, id, body);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a topic category and its examples; the classifier retrains without it (admin)' })
  @ApiNoContentResponse()
  delete(@CurrentAgent() admin: AuthenticatedAgent, @Param() { id }: IdParam) {
    return this.topics.delete(admin, id);
  }

  @Post(':id/examples')
  @Roles('admin')
  @ApiOperation({ summary: 'Add example messages; texts the category already has are ignored (admin)' })
  @ApiOkResponse({ type: ExamplesAddedView })
  addExamples(
    @CurrentAgent() admin: AuthenticatedAgent,
    @Param() { id }: IdParam,
    @Body() { examples }: TopicExamplesDto,
  ) {
    return this.topics.addExamples(admin, id, examples);
  }

  @Delete(':id/examples/:exampleId')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove one example (admin)' })
  @ApiNoContentResponse()
  removeExample(@CurrentAgent() admin: AuthenticatedAgent, @Param() { id, exampleId }: ExampleIdParams) {
    return this.topics.removeExample(admin, id, exampleId);
  }
}
