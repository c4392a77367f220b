import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { AgentAuthGuard } from '../auth/agent-auth.guard';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { Roles } from '../auth/roles.decorator';
import { IdParam } from '../http/id.param';
import { ArticleView, CreateArticleDto, UpdateArticleDto } from './article.dto';
import { KnowledgeService } from './knowledge.service';

@ApiTags('knowledge')
@ApiBearerAuth('agent')
@UseGuards(AgentAuthGuard)
@Controller('knowledge/articles')
export class KnowledgeController {
  constructor(private readonly knowledge: KnowledgeService) {}

  @Get()
  @ApiOperation({ summary: "List the tenant's knowledge-base articles, drafts included" })
  @ApiOkResponse({ type: [ArticleView] })
  list(@CurrentAgent() agent: AuthenticatedAgent) {
    return this.knowledge.list(agent);
  }

  @Get(':id')
  @ApiOkResponse({ type: ArticleView })
  get(@CurrentAgent() agent: AuthenticatedAgent, @Param() { id }: IdParam) {
    return this.knowledge.get(agent, id);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create an article and index it for search (admin)' })
  @ApiOkResponse({ type: ArticleView })
  create(@CurrentAgent() admin: AuthenticatedAgent, @Body() body: CreateArticleDto) {
    return this.knowledge.create(admin, body);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Update an article and re-index it (admin)' })
  @ApiOkResponse({ type: ArticleView })
  update(@CurrentAgent() admin: AuthenticatedAgent, @Param() { id }: IdParam, @Body() body: UpdateArticleDto) {
    return this.knowledge.update(admin, id, body);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an article and its search index (admin)' })
  @ApiNoContentResponse()
  delete(@CurrentAgent() admin: AuthenticatedAgent, @Param() { id }: IdParam) {
    return this.knowledge.delete(admin, id);
  }
}
