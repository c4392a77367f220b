import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class RefreshSessionDto {
  @ApiProperty({ description: 'The refreshToken of the latest pair this session was given' })
  @IsString()
  @Length(1, 200)
  refreshToken!: string;
}
