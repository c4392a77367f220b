import type { CustomerSummary } from '../api/types';

export const customerName = (customer: CustomerSummary): string =>
  customer.name || customer.email || customer.phone || 'Anonymous visitor';
