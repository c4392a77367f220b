import { Module } from '@nestjs/common';
import { CustomerRepository } from '../../../../core/customers/customer.repository';
import { repositoryProvider } from '../core/repository.provider';
import { CustomersController } from './customers.controller';
import { CustomersService } from './customers.service';

@Module({
  controllers: [CustomersController],
  providers: [CustomersService, repositoryProvider(CustomerRepository)],
})
export class CustomersModule {}
