import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ConversationIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}
