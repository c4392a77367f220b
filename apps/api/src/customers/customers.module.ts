import { Module } from '@nestjs/common';
import { repositoryProvider } from '../core/repository.provider';
import { CustomerProfileRepository } from './customer-profile.repository';
import { CustomersController } from './customers.controller';
import { CustomersService } from './customers.service';

@Module({
  controllers: [CustomersController],
  providers: [CustomersService, repositoryProvider(CustomerProfileRepository)],
})
export class CustomersModule {}
