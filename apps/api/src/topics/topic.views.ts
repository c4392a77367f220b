import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** 'requested': the training workflow has the request. 'pending': Temporal did not answer; the change is saved and
 * the next change or POST /topics/classifier/train retrains. */
export const TRAINING_REQUEST_STATES = ['requested', 'pending'] as const;
export type TrainingRequestState = (typeof TRAINING_REQUEST_STATES)[number];

export class TopicView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty() exampleCount!: number;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export class TopicExampleView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ enum: ['admin', 'agent_retag'] }) source!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) conversationId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) createdBy!: string | null;
  @ApiProperty() createdAt!: Date;
}

export class TopicDetailView extends TopicView {
  @ApiProperty({ type: [TopicExampleView], description: 'One page, newest first (see limit and offset)' })
  examples!: TopicExampleView[];
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export class TopicChangeView extends TopicView {
  @ApiProperty({ enum: TRAINING_REQUEST_STATES }) training!: TrainingRequestState;
}

export class ExamplesAddedView {
  @ApiProperty({ description: 'New examples stored; texts the category already had are not counted' }) added!: number;
  @ApiProperty() exampleCount!: number;
  @ApiProperty({ enum: TRAINING_REQUEST_STATES }) training!: TrainingRequestState;
}

export class TrainingRequestedView {
  @ApiProperty({ enum: ['requested'] }) training!: 'requested';
}

export class ClassifierView {
  @ApiProperty({ nullable: true, type: Number, description: 'null until the tenant has a trained model' })
  version!: number | null;
  @ApiPropertyOptional({ type: [String], description: 'The categories the model knows; empty once all were deleted' })
  labels?: string[];
  @ApiPropertyOptional() examples?: number;
  @ApiPropertyOptional() trainedAt?: Date;
  @ApiPropertyOptional({ description: 'trainingAccuracy, examples, labels, trainMs' })
  metrics?: Record<string, unknown>;
  @ApiProperty({
    enum: ['idle', 'scheduled'],
    description: "'scheduled' when the examples differ from what the current model learned: a retrain is due",
  })
  training!: 'idle' | 'scheduled';
}
