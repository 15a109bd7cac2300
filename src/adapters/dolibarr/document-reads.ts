import { ExpectedFailure } from '../../domain/failure.js';
import { boundedMap } from './bounded-map.js';
import type { DolibarrClient, DocumentResource } from './dolibarr-client.js';
import { CHAIN, documentNumber, parseDraftNumber, rankOf, statusOf } from './document-kinds.js';
import { DolibarrFailure } from './errors.js';
import type { ReadDocument } from './read-back.js';
import { anyOf, equals, type SqlFilter } from './sqlfilters.js';
import type { ThirdParties } from './third-parties.js';
import { documentSchema, type WireDocument } from './wire-schemas.js';

/** What a list look-up asks for: enough for a summary, without lines. */
const HEADER_FIELDS = [
  'id',
  'ref',
  'ref_ext',
  'ref_client',
  'socid',
  'status',
  'date',
  'total_ht',
  'total_tva',
  'total_ttc',
  'multicurrency_code',
  'multicurrency_tx',
  'multicurrency_total_ht',
  'multicurrency_total_tva',
  'multicurrency_total_ttc',
];

/** Look-ups by `ref_ext` asked of Dolibarr at once (as many as the orders written at once by default). */
const LOOK_UPS_AT_ONCE = 4;

export interface Located {
  readonly resource: DocumentResource;
  readonly id: number;
}

export function notFound(number: string): ExpectedFailure {
  return new ExpectedFailure('document-not-found', `Dolibarr n’a pas de document ${number}.`);
}

/** A document that is the live one of its key: not cancelled, refused or abandoned. */
export function isLive(read: ReadDocument): boolean {
  return !statusOf(read.resource, read.wire.status).cancelled;
}

/**
 * Reading documents back from Dolibarr: by `ref_ext` a page of keys at a time (one sqlfilters call per
 * resource, never the `/…/ref_ext/{x}` paths that answer 400), by number, by id. Documents holding the
 * same key form the order's chain (proposal → order → invoice), from which each one's source and
 * successor are told.
 */
export class DocumentReads {
  /** Number → where it lives, for every document navette met (transform and cancel then cost no search). */
  readonly #located = new Map<string, Located>();

  constructor(
    private readonly client: DolibarrClient,
    private readonly thirdParties: ThirdParties,
  ) {}

  /** The chains of these keys, each lowest rank first. */
  async chainsOf(keys: readonly string[]): Promise<ReadonlyMap<string, readonly ReadDocument[]>> {
    const filters: SqlFilter[] = [];
    for (let start = 0; start < keys.length; start += 50) {
      const filter = anyOf('ref_ext', keys.slice(start, start + 50));
      if (filter instanceof DolibarrFailure) throw filter;
      filters.push(filter);
    }
    return this.chainsWhere(filters);
  }

  /**
   * Every document matching one of the filters, grouped into chains by `ref_ext`. The look-ups (one per
   * resource and filter of 50 keys) go `LOOK_UPS_AT_ONCE` at a time, found in the same order: a page of
   * 1,000 orders is 60 of them, which one after the other kept its writing waiting 3 s at 50 ms a call.
   */
  async chainsWhere(filters: readonly SqlFilter[]): Promise<ReadonlyMap<string, readonly ReadDocument[]>> {
    const asked = CHAIN.flatMap((resource) => filters.map((sqlfilters) => ({ resource, sqlfilters })));
    const answers = await boundedMap(asked, LOOK_UPS_AT_ONCE, async ({ resource, sqlfilters }) => {
      const wires: WireDocument[] = [];
      for await (const page of this.client.pages(resource, documentSchema, {
        sqlfilters,
        properties: HEADER_FIELDS,
        sortfield: 't.rowid',
        sortorder: 'ASC',
      }))
        wires.push(...page);
      return wires.map((wire) => ({ resource, wire }));
    });
    const found = answers.flat();
    const customers = await this.thirdParties.byIds(found.map((doc) => doc.wire.socid));
    const chains = new Map<string, ReadDocument[]>();
    for (const { resource, wire } of found) {
      const key = wire.ref_ext ?? '';
      const customer = customers.get(wire.socid) ?? { code: '', name: '' };
      chains.set(key, [...(chains.get(key) ?? []), { resource, wire, customer }]);
      this.remember(resource, wire);
    }
    for (const [key, chain] of chains) chains.set(key, linked(chain));
    return chains;
  }

  /** One document in full (lines included), with its customer and, if asked, its chain. */
  async read(where: Located, options: { chain?: boolean } = {}): Promise<ReadDocument> {
    const wire = await this.client.get(`${where.resource}/${where.id}`, documentSchema);
    this.remember(where.resource, wire);
    const customer = (await this.thirdParties.byIds([wire.socid])).get(wire.socid) ?? { code: '', name: '' };
    const read: ReadDocument = { resource: where.resource, wire, customer };
    // A released key (`#reset-`) is no chain any more.
    if (!options.chain || wire.ref_ext === null || wire.ref_ext === '' || wire.ref_ext.includes('#reset-'))
      return read;
    const chain = (await this.chainsOf([wire.ref_ext])).get(wire.ref_ext) ?? [];
    const linkedSelf = chain.find((doc) => doc.resource === where.resource && doc.wire.id === wire.id);
    return { ...read, sourceNumber: linkedSelf?.sourceNumber, transformedInto: linkedSelf?.transformedInto };
  }

  /** Where a number lives: remembered, a draft's own, or searched by `ref` (a call per resource at most). */
  async locate(number: string): Promise<Located | undefined> {
    const known = this.#located.get(number) ?? parseDraftNumber(number);
    if (known) return known;
    const filter = equals('ref', number);
    if (filter instanceof DolibarrFailure) return undefined;
    for (const resource of CHAIN) {
      const found = await this.client.list(resource, documentSchema, {
        sqlfilters: filter,
        properties: HEADER_FIELDS,
        limit: 1,
      });
      const first = found[0];
      if (first) {
        this.remember(resource, first);
        return { resource, id: first.id };
      }
    }
    return undefined;
  }

  async locateOrFail(number: string): Promise<Located> {
    const where = await this.locate(number);
    if (where === undefined) throw notFound(number);
    return where;
  }

  remember(resource: DocumentResource, wire: { readonly id: number; readonly ref: string }): void {
    this.#located.set(documentNumber(resource, wire.ref), { resource, id: wire.id });
  }
}

/** A chain ordered by rank then id, each document told the one before and after it. */
function linked(chain: readonly ReadDocument[]): ReadDocument[] {
  const sorted = [...chain].sort((a, b) => rankOf(a.resource) - rankOf(b.resource) || a.wire.id - b.wire.id);
  const live = sorted.filter(isLive);
  return sorted.map((doc) => {
    const index = live.indexOf(doc);
    const before = index > 0 ? live[index - 1] : undefined;
    const after = index >= 0 ? live[index + 1] : undefined;
    return {
      ...doc,
      sourceNumber: before && documentNumber(before.resource, before.wire.ref),
      transformedInto: after && documentNumber(after.resource, after.wire.ref),
    };
  });
}

/** The chain's head: its highest live document, else its newest. */
export function headOf(chain: readonly ReadDocument[]): ReadDocument | undefined {
  return [...chain].reverse().find(isLive) ?? chain[chain.length - 1];
}
