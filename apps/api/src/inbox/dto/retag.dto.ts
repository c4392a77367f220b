import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export class RetagDto {
  @ApiProperty({ description: "One of the tenant's topic categories (any letter case)", example: 'Billing' })
  @IsString()
  @Length(1, 100)
  @Matches(/\S/, { message: 'topic must not be blank' })
  topic!: string;
}
