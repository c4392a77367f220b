import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Optional } from '../http/optional.decorator';
import { MAX_CUSTOMER_ATTRIBUTES } from './customer-attributes';

const ATTRIBUTE_VALUES = { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] };

export class UpdateCustomerDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'vip',
    description:
      "The customer's tier (stored as attributes.tier, matched by routing rules' customerTiers); null clears it",
  })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'tier must not be empty; send null to clear it' })
  @MaxLength(64)
  tier?: string | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { ...ATTRIBUTE_VALUES, nullable: true },
    example: { plan: 'enterprise', seats: 40, churn_risk: null },
    description:
      `Merged into the current attributes; null deletes a key. Keys: a letter, then letters, digits or _ (≤ 40); ` +
      `values: string (≤ 500), number or boolean; at most ${MAX_CUSTOMER_ATTRIBUTES} in all`,
  })
  @Optional()
  @IsObject()
  attributes?: Record<string, unknown>;
}

export class CustomerView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) tier!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: ATTRIBUTE_VALUES }) attributes!: Record<string, unknown>;
}
