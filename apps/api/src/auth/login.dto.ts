import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { AgentView } from '../agents/agent.view';

export class LoginDto {
  @ApiProperty({ example: 'ana@example.com' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password!: string;

  @ApiProperty({ description: "The tenant's slug", example: 'demo' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  tenant!: string;
}

export class LoginResponse {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <token>`' }) token!: string;
  @ApiProperty() expiresAt!: string;
  @ApiProperty({ type: AgentView }) agent!: AgentView;
}
