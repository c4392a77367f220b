import { Module } from '@nestjs/common';
import { CustomerRepository } from '../../../../core/customers/customer.repository';
import { repositoryProvider } from '../core/repository.provider';
import { CustomersController } from './customers.controller';
import { CustomersService } from './customers.service';
import { customerChangesProvider } from './customer-changes.transaction';

@Module({
  controllers: [CustomersController],
  providers: [CustomersService, repositoryProvider(CustomerRepository), customerChangesProvider],
})
export class CustomersModule {}
