import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** `:id` route parameter; a malformed id is a 400 rather than a database error. */
export class IdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('loose', { message: 'id must be a UUID' })
  id!: string;
}
