import type { IssueBillingKeyInput } from '@/lib/validations/billing-key';

/** The form's values: the API fields as strings (the idempotency key and guard check travel beside them). */
export const EMPTY: Required<Omit<IssueBillingKeyInput, 'idempotency_key' | 'guard_check'>> = {
  customer_uid: '',
  pg: '',
  channel_key: '',
  card_number: '',
  expiry: '',
  birth: '',
  pwd_2digit: '',
  cvc: '',
  customer_id: '',
  customer_name: '',
  customer_tel: '',
  customer_email: '',
  customer_addr: '',
  customer_postcode: '',
  replace_confirmed: false,
};
/** The schema's own input type, so `zodResolver(issueBillingKeySchema)` fits the form without a cast. */
export type FormValues = IssueBillingKeyInput;
export const FIELD_ORDER = Object.keys(EMPTY) as (keyof FormValues)[];
