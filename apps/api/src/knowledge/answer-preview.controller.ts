import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { AgentAuthGuard } from '../auth/agent-auth.guard';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { Roles } from '../auth/roles.decorator';
import { AnswerPreviewDto, AnswerPreviewView } from './answer-preview.dto';
import { AnswerPreviewService } from './answer-preview.service';

@ApiTags('knowledge')
@ApiBearerAuth('agent')
@UseGuards(AgentAuthGuard)
@Controller('knowledge/preview')
export class AnswerPreviewController {
  constructor(private readonly previews: AnswerPreviewService) {}

  @Post()
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'How would the bot answer this question? (admin)',
    description:
      "Runs the configured answer engine on the tenant's published articles and says whether a conversation would " +
      'send the answer or hand off. Nothing is stored.',
  })
  @ApiOkResponse({ type: AnswerPreviewView })
  @ApiBadRequestResponse({ description: 'The question is missing, empty or too long' })
  preview(@CurrentAgent() admin: AuthenticatedAgent, @Body() { question }: AnswerPreviewDto) {
    return this.previews.preview(admin, question);
  }
}
