import type { LocalDateTime, WireRecord } from './model.js';

/**
 * Customers and addresses as the demo shop's webservice shows them: the rows PrestaShop keeps for what
 * the back office (or a test) enters, with its defaults for every field left out.
 */

export interface CustomerInput {
  readonly shopId: number;
  readonly firstname: string;
  readonly lastname: string;
  readonly email: string;
  readonly company?: string;
  readonly siret?: string;
  readonly ape?: string;
  readonly isGuest?: boolean;
  readonly deleted?: boolean;
  readonly groupId?: number;
  readonly gender?: number;
  readonly birthday?: string;
  readonly newsletter?: boolean;
  readonly dateAdd: LocalDateTime;
}

export interface AddressInput {
  readonly customerId: number;
  readonly alias?: string;
  readonly company?: string;
  readonly firstname: string;
  readonly lastname: string;
  readonly vatNumber?: string;
  readonly address1: string;
  readonly address2?: string;
  readonly postcode: string;
  readonly city: string;
  readonly countryId?: number;
  readonly stateId?: number;
  readonly phone?: string;
  readonly phoneMobile?: string;
  readonly other?: string;
  readonly dni?: string;
  readonly deleted?: boolean;
  readonly dateAdd: LocalDateTime;
}

const flag = (value: boolean | undefined): string => (value ? '1' : '0');

/** A customer's row; `secureKey` is the record's own, as PrestaShop's md5(uniqid()). */
export function customerRecord(id: number, input: CustomerInput, secureKey: string): WireRecord {
  const guest = input.isGuest ?? false;
  return {
    row: {
      id,
      id_default_group: input.groupId ?? (guest ? 2 : 3),
      id_lang: 1,
      newsletter_date_add: input.newsletter ? input.dateAdd : '0000-00-00 00:00:00',
      last_passwd_gen: input.dateAdd,
      secure_key: secureKey,
      deleted: flag(input.deleted),
      passwd: guest ? '' : '$2y$10$demoShopHashedPasswordNotARealHashAtAll0000000000000000',
      lastname: input.lastname,
      firstname: input.firstname,
      email: input.email,
      id_gender: input.gender ?? 0,
      birthday: input.birthday ?? '0000-00-00',
      newsletter: flag(input.newsletter),
      optin: '0',
      company: input.company ?? '',
      siret: input.siret ?? '',
      ape: input.ape ?? '',
      active: flag(!input.deleted),
      is_guest: flag(guest),
      id_shop: input.shopId,
      id_shop_group: 1,
      date_add: input.dateAdd,
      date_upd: input.dateAdd,
    },
    associations: { groups: [{ id: input.groupId ?? (guest ? 2 : 3) }] },
  };
}

export function addressRecord(id: number, input: AddressInput): WireRecord {
  return {
    row: {
      id,
      id_customer: input.customerId,
      id_country: input.countryId ?? 8,
      id_state: input.stateId ?? 0,
      alias: input.alias ?? 'Mon adresse',
      company: input.company ?? '',
      lastname: input.lastname,
      firstname: input.firstname,
      vat_number: input.vatNumber ?? '',
      address1: input.address1,
      address2: input.address2 ?? '',
      postcode: input.postcode,
      city: input.city,
      other: input.other ?? '',
      phone: input.phone ?? '',
      phone_mobile: input.phoneMobile ?? '',
      dni: input.dni ?? '',
      deleted: flag(input.deleted),
      date_add: input.dateAdd,
      date_upd: input.dateAdd,
    },
  };
}
