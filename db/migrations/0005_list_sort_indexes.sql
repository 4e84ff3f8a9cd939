CREATE INDEX "billing_keys_customer_name_idx" ON "billing_keys" USING btree ("customer_name","customer_uid");--> statement-breakpoint
CREATE INDEX "billing_keys_customer_name_desc_idx" ON "billing_keys" USING btree ("customer_name" DESC NULLS LAST,"customer_uid" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "billing_keys_card_name_idx" ON "billing_keys" USING btree ("card_name","customer_uid");--> statement-breakpoint
CREATE INDEX "billing_keys_card_name_desc_idx" ON "billing_keys" USING btree ("card_name" DESC NULLS LAST,"customer_uid" DESC NULLS LAST);