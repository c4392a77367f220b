import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Optional } from '../http/optional.decorator';
import { IsOptionalLabelList } from '../http/label-list.decorator';

const BODY_MAX_CHARS = 200_000;

export class CreateArticleDto {
  @ApiProperty({ example: 'How do I reset my password?' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title!: string;

  @ApiProperty({ description: 'Plain text or Markdown; paragraphs (blank-line separated) become searchable passages' })
  @IsString()
  @MaxLength(BODY_MAX_CHARS)
  body!: string;

  @ApiPropertyOptional({ type: [String], example: ['account'] })
  @IsOptionalLabelList()
  tags?: string[];

  @ApiPropertyOptional({ default: true, description: 'Only published articles are used to answer customers' })
  @Optional()
  @IsBoolean()
  published?: boolean;
}

export class UpdateArticleDto {
  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(BODY_MAX_CHARS)
  body?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptionalLabelList()
  tags?: string[];

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean()
  published?: boolean;
}

export class ArticleView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty() published!: boolean;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}
