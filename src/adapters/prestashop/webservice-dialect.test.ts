import { describe, expect, it } from 'vitest';

import {
  ERROR_CODE,
  QUERY_KEY_PARAM,
  asksForJson,
  basicAuthorization,
  cartRulesResource,
  readQuery,
  sendEmailQuery,
  shopLabel,
  versionFromHeader,
} from './webservice-dialect.js';

/** The query's parameters in order, unencoded, as `name=value&…`. */
const query = (params: Parameters<typeof readQuery>[0]) =>
  [...readQuery(params)].map(([name, value]) => `${name}=${value}`).join('&');

describe('the query of a read', () => {
  it('is empty when nothing is asked', () => {
    expect(query({})).toBe('');
    expect(query({ sort: [] })).toBe('');
    expect(query({ filter: {} })).toBe('');
  });

  it('writes display as full or as a list of fields', () => {
    expect(query({ display: 'full' })).toBe('display=full');
    expect(query({ display: ['id', 'reference'] })).toBe('display=[id,reference]');
  });

  it('writes each kind of filter in PrestaShop syntax', () => {
    expect(
      query({
        filter: {
          id: { in: [1, 2, 3] },
          total_paid: { between: ['1.5', 20] },
          id_customer: { greaterThan: 7 },
          id_cart: { lessThan: '9' },
          reference: 'ABC',
          current_state: 4,
        },
      }),
    ).toBe(
      'filter[id]=[1|2|3]&filter[total_paid]=[1.5,20]&filter[id_customer]=>[7]&filter[id_cart]=<[9]' +
        '&filter[reference]=ABC&filter[current_state]=4',
    );
  });

  it('adds date=1 when a date field is filtered or sorted on, and only then', () => {
    expect(query({ filter: { date_add: { between: ['a', 'b'] } } })).toBe('filter[date_add]=[a,b]&date=1');
    expect(query({ filter: { date_upd: '>[x]' } })).toBe('filter[date_upd]=>[x]&date=1');
    expect(query({ sort: ['date_add_ASC', 'id_ASC'] })).toBe('sort=[date_add_ASC,id_ASC]&date=1');
    expect(query({ sort: ['id_ASC', 'date_upd_DESC'] })).toBe('sort=[id_ASC,date_upd_DESC]&date=1');
    expect(query({ sort: ['id_DESC'] })).toBe('sort=[id_DESC]');
    expect(query({ filter: { invoice_date: 'x' }, sort: ['invoice_date_ASC'] })).toBe(
      'filter[invoice_date]=x&sort=[invoice_date_ASC]',
    );
    // Only a whole field name ending in _ASC or _DESC counts.
    expect(query({ sort: ['date_addASC'] })).toBe('sort=[date_addASC]');
    expect(query({ sort: ['date_add_ASC_x'] })).toBe('sort=[date_add_ASC_x]');
    expect(query({ sort: ['xdate_add_ASC'] })).toBe('sort=[xdate_add_ASC]');
  });

  it('writes the limit as offset,count', () => {
    expect(query({ limit: { offset: 200, count: 100 } })).toBe('limit=200,100');
  });

  it('asks for one shop, a group or all shops', () => {
    expect(query({ shop: 'all' })).toBe('id_shop=all');
    expect(query({ shop: { shopId: 2 } })).toBe('id_shop=2');
    expect(query({ shop: { shopGroupId: 3 } })).toBe('id_shop_group=3');
  });

  it('puts everything together in one query', () => {
    expect(
      query({
        display: 'full',
        filter: { date_add: { between: ['2026-10-01 00:00:00', '2026-10-01 23:59:59'] } },
        sort: ['date_add_ASC', 'id_ASC'],
        limit: { offset: 0, count: 100 },
        shop: { shopId: 1 },
      }),
    ).toBe(
      'display=full&filter[date_add]=[2026-10-01 00:00:00,2026-10-01 23:59:59]' +
        '&sort=[date_add_ASC,id_ASC]&date=1&limit=0,100&id_shop=1',
    );
  });
});

describe('the rest of the dialect', () => {
  it('names the shop of a read in a failure message', () => {
    expect(shopLabel(undefined)).toBeUndefined();
    expect(shopLabel('all')).toBe('toutes');
    expect(shopLabel({ shopId: 4 })).toBe('4');
    expect(shopLabel({ shopGroupId: 2 })).toBe('du groupe 2');
  });

  it('asks for JSON only for GETs below the root, and never from 1.6', () => {
    expect(asksForJson('orders', 'GET', '8.1.2')).toBe(true);
    expect(asksForJson('orders', 'GET', undefined)).toBe(true);
    expect(asksForJson('orders', 'GET', '1.7.8.11')).toBe(true);
    expect(asksForJson('', 'GET', '8.1.2')).toBe(false);
    expect(asksForJson('orders', 'POST', '8.1.2')).toBe(false);
    expect(asksForJson('orders', 'PUT', undefined)).toBe(false);
    expect(asksForJson('orders', 'GET', '1.6.1.24')).toBe(false);
  });

  it('sends the key as a Basic user with an empty password, or as ws_key', () => {
    expect(basicAuthorization('KEY')).toBe(`Basic ${Buffer.from('KEY:').toString('base64')}`);
    expect(basicAuthorization('KEY')).toBe('Basic S0VZOg==');
    expect(QUERY_KEY_PARAM).toBe('ws_key');
  });

  it('writes the e-mail flag as 1 or 0', () => {
    expect(sendEmailQuery(true)).toEqual({ sendemail: '1' });
    expect(sendEmailQuery(false)).toEqual({ sendemail: '0' });
  });

  it('reads vouchers from order_discounts on 1.6 and order_cart_rules after', () => {
    expect(cartRulesResource('1.6.1.24')).toBe('order_discounts');
    expect(cartRulesResource('8.1.2')).toBe('order_cart_rules');
    expect(cartRulesResource(undefined)).toBe('order_cart_rules');
  });

  it('reads the version header, not the 0 of a refused key nor an empty one', () => {
    expect(versionFromHeader('8.1.2')).toBe('8.1.2');
    expect(versionFromHeader('0')).toBeUndefined();
    expect(versionFromHeader('')).toBeUndefined();
    expect(versionFromHeader(undefined)).toBeUndefined();
  });

  it('keeps the error codes PrestaShop sends', () => {
    expect(ERROR_CODE.unknownFilter).toBe(32);
    expect(ERROR_CODE.keyInactive).toBe(20);
    expect(ERROR_CODE.catchAll).toBe(999);
  });
});
