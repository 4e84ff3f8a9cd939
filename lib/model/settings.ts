import type { ChannelView } from '@/lib/model/billing-keys';

/** Shared with the browser. A channel of `GET /api/channels` with the admin's choices on it. */
export interface ListedChannel extends ChannelView {
  /** Hidden from agents (only admins and QA see it listed). */
  hidden: boolean;
  /** The issue form preselects it. */
  isDefault: boolean;
}

/** A row of `/settings/channels`: the channel, its PG's Korean name and whether it can issue by API. */
export interface ChannelSettingsRow extends ListedChannel {
  providerName: string;
  /** The PG issues billing keys by the key-in API (lib/pg/catalog.ts). */
  catalogKeyIn: boolean;
  /** `type` api_payment and a key-in PG: the channel can issue billing keys from this console. */
  issuable: boolean;
}

export interface ChannelSettingsValues {
  defaultChannelKey: string | null;
  hiddenChannelKeys: string[];
}

export interface ChannelSettings extends ChannelSettingsValues {
  /** ISO time of the last change; null while never changed. */
  updatedAt: string | null;
  updatedBy: string | null;
}

/** `GET|PUT /api/settings/channels`. */
export interface ChannelSettingsView {
  channels: ChannelSettingsRow[];
  settings: ChannelSettings;
  /** Saved channel keys that `GET /users/pg` no longer lists. */
  staleKeys: string[];
}
