/**
 * A small help centre for a fictional card-and-app bank, written for the in-domain out-of-scope protocol of
 * scripts/convert-answer-datasets.ts: each article answers the questions of one Banking77 intent (named by `id`), so
 * questions of the other intents sound like banking but cannot be answered from it.
 */
export const BANKING_HELP_CENTRE: { id: string; title: string; body: string }[] = [
  {
    id: 'card_arrival',
    title: 'My new card has not arrived yet',
    body: 'Cards are posted the next working day after you order them and usually arrive within 5 working days. If your card has not arrived after 10 working days, freeze it in the app under Card > Freeze and order a replacement free of charge.',
  },
  {
    id: 'change_pin',
    title: 'Changing your PIN',
    body: 'You can change your PIN at any cash machine that offers PIN services: insert your card, choose PIN services and follow the steps. The app shows your current PIN under Card > Show PIN.',
  },
  {
    id: 'lost_or_stolen_card',
    title: 'Lost or stolen card',
    body: 'If your card is lost or stolen, freeze it straight away in the app under Card > Freeze, then tap Report lost or stolen to cancel it and order a new one. Payments made after you froze the card are refunded.',
  },
  {
    id: 'exchange_rate',
    title: 'Which exchange rate do you use?',
    body: 'Card payments and cash withdrawals abroad use the Visa or Mastercard rate of the day, without a mark-up on weekdays. At weekends a 0.5% mark-up applies, because the markets are closed.',
  },
  {
    id: 'top_up_failed',
    title: 'My top-up failed',
    body: 'A top-up fails when your bank declines it, when the card is not in your name, or when it would take you over your account limit. Check the card details in the app and try again; nothing is charged for a failed top-up.',
  },
  {
    id: 'terminate_account',
    title: 'Closing your account',
    body: 'To close your account, move your money out first, then open Profile > Close account. Closing takes effect at once; statements stay available for download for 6 years.',
  },
  {
    id: 'apple_pay_or_google_pay',
    title: 'Apple Pay and Google Pay',
    body: 'You can add your card to Apple Pay or Google Pay from the app: open Card, tap Add to wallet and confirm with your phone. Both work in shops wherever contactless payments are accepted.',
  },
  {
    id: 'card_swallowed',
    title: 'A cash machine kept my card',
    body: 'If a cash machine swallowed your card, cancel it in the app under Card > Report a problem and order a new one; the machine owner destroys retained cards, so it will not come back.',
  },
  {
    id: 'age_limit',
    title: 'How old do I need to be to open an account?',
    body: 'You need to be 18 or older to open an account. Teenagers from 13 to 17 can get a junior account, opened by a parent from their own app.',
  },
  {
    id: 'transfer_timing',
    title: 'How long does a transfer take?',
    body: 'Transfers to accounts in the same country arrive within seconds in most cases. International transfers take 1 to 3 working days, depending on the currency and the receiving bank.',
  },
];
