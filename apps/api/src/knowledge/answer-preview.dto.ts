import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Matches, MaxLength } from 'class-validator';

export const PREVIEW_QUESTION_MAX_CHARS = 2000;

export class AnswerPreviewDto {
  @ApiProperty({ example: 'How long does express shipping take?', maxLength: PREVIEW_QUESTION_MAX_CHARS })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Matches(/\S/, { message: 'question must not be empty' })
  @MaxLength(PREVIEW_QUESTION_MAX_CHARS)
  question!: string;
}

export class PreviewCitationView {
  @ApiProperty({ format: 'uuid' }) articleId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() snippet!: string;
  @ApiPropertyOptional({ description: "The cited section's anchor in the article" }) anchor?: string;
}

export class AnswerPreviewView {
  @ApiProperty({ description: 'The reply the bot would write; empty when it has nothing to say' }) text!: string;
  @ApiProperty({ type: [PreviewCitationView] }) citations!: PreviewCitationView[];
  @ApiProperty({ description: '0..1: how sure the engine is that the text answers the question' }) confidence!: number;
  @ApiProperty({ description: 'The question asks for a person' }) wantsHuman!: boolean;
  @ApiProperty({ description: 'Which engine answered' }) engine!: string;
  @ApiProperty({ description: 'The hand-off confidence threshold conversations use (HANDOFF_CONFIDENCE_THRESHOLD)' })
  threshold!: number;
  @ApiProperty({ enum: ['send', 'hand_off'], description: 'What a conversation would do with this answer' })
  outcome!: 'send' | 'hand_off';
}
