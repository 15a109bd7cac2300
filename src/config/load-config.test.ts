import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDocument, visit } from 'yaml';
import { configSchema } from './config-schema.js';
import { starterConfig } from './defaults.js';
import { loadConfig, saveConfig, toPortableYaml } from './load-config.js';

/**
 * The implicit types a YAML 1.1 reader gives a plain scalar, as PyYAML's resolver lists them
 * (yaml/resolver.py): anything matching one is not read as a string there.
 */
const YAML_11_IMPLICIT = [
  /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|y|Y|n|N)$/,
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  /^(?:~|null|Null|NULL|)$/,
  /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$/,
  /^(?:<<|=)$/,
];

/** The plain (unquoted) string scalars of a YAML text that a YAML 1.1 reader would read as something else. */
function misreadByYaml11(text: string): string[] {
  const misread: string[] = [];
  visit(parseDocument(text), {
    Scalar(_key, node) {
      if (
        node.type === 'PLAIN' &&
        typeof node.value === 'string' &&
        YAML_11_IMPLICIT.some((pattern) => pattern.test(node.value as string))
      ) {
        misread.push(node.value);
      }
    },
  });
  return misread;
}

describe('the config file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'navette-config-'));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('reads relative paths from the config file’s folder, not from the current directory', async () => {
    const path = join(dir, 'navette.yaml');
    await writeFile(
      path,
      'states: []\nshop:\n  url: https://shop.example\n  keyFile: secrets/key.txt\ngescom:\n  target: embedded\n  database: data/gescom.db\n',
    );
    const config = await loadConfig(path);
    expect(config.gescom.database).toBe(join(dir, 'data', 'gescom.db'));
    expect(config.shop.keyFile).toBe(join(dir, 'secrets', 'key.txt'));
  });

  it('leaves absolute paths, PostgreSQL URLs and the in-memory database as written', async () => {
    const path = join(dir, 'navette.yaml');
    for (const database of ['/srv/other/gescom.db', 'postgres://navette@db.example/gescom', ':memory:']) {
      await writeFile(
        path,
        `states: []\nshop:\n  url: https://shop.example\ngescom:\n  database: "${database}"\n`,
      );
      expect((await loadConfig(path)).gescom.database).toBe(database);
    }
  });

  it('writes paths inside its folder relative to it, and reads them back to the same files', async () => {
    const path = join(dir, 'navette.yaml');
    const config = configSchema.parse({
      ...starterConfig('https://shop.example'),
      shop: { url: 'https://shop.example', keyFile: join(dir, 'key.txt') },
      gescom: { target: 'embedded', database: join(dir, 'data', 'gescom.db') },
    });
    await saveConfig(path, config);
    const text = await readFile(path, 'utf8');
    expect(text).toContain('database: data/gescom.db');
    expect(text).toContain('keyFile: key.txt');
    const again = await loadConfig(path);
    expect([again.gescom.database, again.shop.keyFile]).toEqual([
      join(dir, 'data', 'gescom.db'),
      join(dir, 'key.txt'),
    ]);
  });

  it('is written so that a YAML 1.1 reader reads the same values (times, yes/no, octal-looking, dates)', () => {
    const config = configSchema.parse({
      ...starterConfig('https://shop.example'),
      period: { kind: 'custom', from: '2026-01-01', to: '2026-03-31', dateField: 'order' },
      document: { warehouse: '0755', referenceTemplate: 'yes', remarkTemplate: '1_000' },
      customers: { prefix: 'off' },
      articles: { generic: '<<', shipping: '=' },
    });
    const text = toPortableYaml(config);
    expect(text).toContain('to: "21:00"');
    expect(text).toContain('from: "07:00"');
    expect(misreadByYaml11(text)).toEqual([]);
    // And navette itself (YAML 1.2) reads back exactly what was written.
    expect(configSchema.parse(parseDocument(text).toJS())).toEqual(config);
  });

  it('has an oracle that does catch what a YAML 1.1 reader misreads', () => {
    expect(misreadByYaml11('a: 21:00\nb: yes\nc: 0b101\nd: 2026-01-01\ne: "21:00"\nf: text\n')).toEqual([
      '21:00',
      'yes',
      '0b101',
      '2026-01-01',
    ]);
  });
});
