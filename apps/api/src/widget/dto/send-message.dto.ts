import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, IsUUID, Matches } from 'class-validator';

export class SendMessageDto {
  @ApiProperty({
    description: 'Chosen by the widget, unique per message; a retried send with the same id is stored once',
    pattern: '^[A-Za-z0-9_-]{1,100}$',
    example: 'm_01HZX3',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,100}$/, {
    message: 'clientMessageId must be 1 to 100 characters of A-Z, a-z, 0-9, _ or -',
  })
  clientMessageId!: string;

  @ApiProperty({ description: 'Message text; trimmed, non-empty, at most MESSAGE_MAX_CHARS characters' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty({ message: 'body must not be empty' })
  body!: string;

  @ApiPropertyOptional({
    description: "One of the visitor's conversations; by default the latest unresolved one, or a new one",
    format: 'uuid',
  })
  @IsOptional()
  @IsUUID()
  conversationId?: string;
}
