/** A billing key's page; the customer_uid may hold any character, so it is encoded. */
export const keyDetailHref = (customerUid: string) => `/keys/${encodeURIComponent(customerUid)}`;
