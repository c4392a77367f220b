import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';

/**
 * An SLA policy as an admin submits it. Fields are only declared here (so unknown ones are refused); their values
 * are checked by core/sla/sla-policy.validation.ts, which reports every problem by field.
 */
export class SlaPolicyDto {
  @ApiProperty({ example: 'Premium', maxLength: 100 })
  @Allow()
  name!: unknown;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 900,
    description: 'Seconds; null or absent = no target',
  })
  @Allow()
  firstResponseSeconds?: unknown;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 3600, description: 'After each customer message' })
  @Allow()
  nextResponseSeconds?: unknown;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 86400 })
  @Allow()
  resolutionSeconds?: unknown;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Count only the open hours of this calendar; null or absent = wall-clock time',
  })
  @Allow()
  businessHoursId?: unknown;

  @ApiPropertyOptional({
    example: { raisePriority: true, reassign: false, notify: true },
    description: 'What happens when a target is missed; absent actions are off',
  })
  @Allow()
  breachActions?: unknown;
}

export class BreachActionsView {
  @ApiProperty() raisePriority!: boolean;
  @ApiProperty() reassign!: boolean;
  @ApiProperty() notify!: boolean;
}

export class SlaPolicyView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: Number, nullable: true }) firstResponseSeconds!: number | null;
  @ApiProperty({ type: Number, nullable: true }) nextResponseSeconds!: number | null;
  @ApiProperty({ type: Number, nullable: true }) resolutionSeconds!: number | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) businessHoursId!: string | null;
  @ApiProperty({ type: BreachActionsView }) breachActions!: BreachActionsView;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}
