import type { ArticleFields } from '../../core/knowledge/kb-article.repository';

/** Help-centre articles of the demo tenant's fictional product, Brightbox (a smart home hub and its app). */
export const DEMO_ARTICLES: ArticleFields[] = [
  {
    title: 'How to reset your password',
    tags: ['account', 'login'],
    published: true,
    body: `Forgot your password? On the Brightbox sign-in page, click "Forgot password", enter the email address of your account and we will email you a reset link. The link is valid for 30 minutes.

No reset email? Check your spam folder and make sure you used the email address you signed up with. You can request a new link every minute.

If you signed up with Google or Apple, you have no Brightbox password: use the "Continue with Google" or "Continue with Apple" button instead.`,
  },
  {
    title: 'Billing and refunds',
    tags: ['billing'],
    published: true,
    body: `Brightbox Plus and Pro are billed monthly or yearly, on the day you subscribed, to the card in Settings > Billing. Every invoice is emailed to you and listed under Settings > Billing > Invoices.

Refunds: you can get a full refund within 14 days of a payment by asking our support team. Yearly plans cancelled later are refunded for the unused full months.

A hub bought in our shop can be returned within 30 days for a full refund of the hub price; we send a prepaid return label.`,
  },
  {
    title: 'Shipping and delivery',
    tags: ['shipping', 'orders'],
    published: true,
    body: `Hub orders ship within 2 business days from our warehouse. Standard delivery takes 3 to 5 business days and is free over 50 euros; express delivery takes 1 to 2 business days and costs 9 euros.

As soon as your order ships, we email you a tracking link. You can also track your order under Account > Orders.

We ship to the EU, the United Kingdom, Norway and Switzerland. Customs fees for the UK, Norway and Switzerland are included in the price.`,
  },
  {
    title: 'Support opening hours',
    tags: ['contact'],
    published: true,
    body: `Our support team is available Monday to Friday from 9:00 to 18:00 and Saturday from 10:00 to 14:00 (Central European Time). We are closed on Sundays and public holidays.

Outside opening hours our assistant answers questions from this help centre, and an agent replies to anything else on the next working day.`,
  },
  {
    title: 'Deleting your account',
    tags: ['account', 'privacy'],
    published: true,
    body: `To delete your Brightbox account, go to Settings > Account > Delete account and confirm with your password. Cancel any paid plan first, so that you are not billed again.

Deleting your account removes your homes, devices, automations and history permanently after 30 days. Until then you can sign in again to undo the deletion.

Your invoices are kept for 10 years, as the law requires.`,
  },
  {
    title: 'Upgrading your plan',
    tags: ['billing', 'plans'],
    published: true,
    body: `Brightbox has three plans: Free (one home, 10 devices), Plus (three homes, unlimited devices, 30 days of history) and Pro (unlimited homes, one year of history and priority support).

To upgrade, open Settings > Plan and choose Plus or Pro. The upgrade starts immediately and you only pay the difference for the rest of the current billing period.

Downgrades take effect at the end of the billing period.`,
  },
];
