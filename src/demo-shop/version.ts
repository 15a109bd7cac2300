/** The PrestaShop major line the demo shop imitates; each has its own answer shapes. */
export type PrestaShopVersion = '1.6' | '1.7' | '8';

/** What `PSWS-Version` says for each line (the versions of the recorded shops). */
export const PSWS_VERSION: Readonly<Record<PrestaShopVersion, string>> = {
  '1.6': '1.6.1.23',
  '1.7': '1.7.8.11',
  '8': '8.1.2',
};
