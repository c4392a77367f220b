import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Length, MaxLength } from 'class-validator';

export class CreateSessionDto {
  @ApiProperty({ description: "The site's public widget key (tenants.widget_key)", example: 'wk_demo' })
  @IsString()
  @Length(1, 200)
  widgetKey!: string;

  @ApiPropertyOptional({ description: "The visitor's name, if the site knows it", maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ description: "The visitor's email, if the site knows it (not verified)", maxLength: 320 })
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  email?: string;
}
