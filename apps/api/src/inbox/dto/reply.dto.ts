import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

export class ReplyDto {
  @ApiProperty({
    description: 'The reply text; at most MESSAGE_MAX_CHARS characters',
    example: 'Your refund is on its way.',
  })
  @IsString()
  @Matches(/\S/, { message: 'body must not be empty' })
  @Matches(/^[^\u0000]*$/, { message: 'body must not contain NUL characters' })
  body!: string;

  @ApiProperty({ description: 'Chosen by the client; a retry with the same id is stored once', example: 'reply-7f3a' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,100}$/, { message: 'clientMessageId must be 1 to 100 characters of A-Z a-z 0-9 _ -' })
  clientMessageId!: string;
}
