import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { openNavette } from '../../app/compose.js';
import { configSchema, type NavetteConfig } from '../../config/config-schema.js';
import { stateTableFor, starterConfig } from '../../config/defaults.js';
import { isFileLocation, resolveConfigPaths, saveConfig } from '../../config/load-config.js';
import { isExpectedFailure } from '../../domain/failure.js';
import { hashPassword } from '../../web/auth/password.js';
import { action, configPathOf } from '../cli-context.js';
import { EXIT } from '../exit-codes.js';

export function registerInit(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('init')
    .description(
      'Écrit un fichier de configuration de départ (le tableau "Import des commandes" de la boutique).',
    )
    .requiredOption('--url <url>', 'adresse de la boutique, par exemple https://www.maboutique.fr')
    .option(
      '--database <emplacement>',
      'fichier SQLite ou URL postgres:// de la gestion commerciale',
      'navette.db',
    )
    .option(
      '--target <gescom>',
      'gestion commerciale où écrire : embedded (intégrée) ou dolibarr',
      'embedded',
    )
    .option(
      '--dolibarr-url <url>',
      'adresse de Dolibarr (avec --target dolibarr), par exemple https://erp.monentreprise.fr',
    )
    .option('--force', 'remplace un fichier existant')
    .action(
      action(
        setExitCode,
        async (
          options: { url: string; database: string; force?: boolean; target: string; dolibarrUrl?: string },
          command: Command,
        ) => {
          if (options.target !== 'embedded' && options.target !== 'dolibarr') {
            process.stderr.write(
              `navette : --target vaut embedded ou dolibarr (reçu « ${options.target} »).\n`,
            );
            return EXIT.usage;
          }
          if (options.target === 'dolibarr' && options.dolibarrUrl === undefined) {
            process.stderr.write(
              'navette : --target dolibarr demande --dolibarr-url, l’adresse de votre Dolibarr (par exemple https://erp.monentreprise.fr).\n',
            );
            return EXIT.usage;
          }
          const path = configPathOf(command);
          if (!options.force && (await exists(path))) {
            process.stderr.write(`navette : ${path} existe déjà (--force pour le remplacer).\n`);
            return EXIT.usage;
          }
          const starter = starterConfig(options.url);
          const password = process.env['NAVETTE_WEB_PASSWORD'];
          // A path typed on the command line is the current directory's; the default sits beside the config.
          const database =
            command.getOptionValueSource('database') === 'default' || !isFileLocation(options.database)
              ? options.database
              : resolve(options.database);
          const config = configSchema.parse({
            ...starter,
            gescom:
              options.target === 'dolibarr'
                ? { target: 'dolibarr', database, dolibarr: { url: options.dolibarrUrl } }
                : { target: 'embedded', database },
            web: password
              ? { passwordHash: await hashPassword(password), language: 'fr' }
              : { language: 'fr' },
          });
          // With a key at hand, the table is built from the shop's own states (ids differ between shops).
          let origin =
            'le tableau par défaut de PrestaShop (la clé NAVETTE_PS_KEY manquait pour lire la boutique)';
          if (process.env['NAVETTE_PS_KEY']) {
            try {
              const navette = await openNavette(resolveConfigPaths(config, path));
              try {
                config.states = stateTableFor(await navette.orderStates());
                origin = `les ${config.states.length} états lus dans la boutique`;
              } finally {
                await navette.close();
              }
            } catch (error) {
              if (!isExpectedFailure(error)) throw error;
              origin = `le tableau par défaut (la boutique n'a pas pu être lue : ${error.message})`;
            }
          }
          await saveConfig(path, config);
          // Dolibarr's articles are its products: nothing to load into it.
          const articleCount =
            options.target === 'dolibarr' ? 1 : await countArticles(resolveConfigPaths(config, path));
          // Hints that work as printed from any folder: the config named when it is not the default one.
          const navetteCommand = path === 'navette.yaml' ? 'navette' : `navette --config ${resolve(path)}`;
          process.stdout.write(
            [
              `✓ ${path} écrit avec ${origin}.`,
              password
                ? '  Mot de passe de l’interface web : enregistré (haché).'
                : `  Interface web : choisissez son mot de passe avec "${navetteCommand} password" (ou utilisez NAVETTE_WEB_TOKEN).`,
              ...(options.target === 'dolibarr'
                ? [
                    '  Dolibarr : donnez la clé de l’API avec NAVETTE_DOLIBARR_KEY ou "gescom.dolibarr.keyFile", et le compte bancaire des règlements dans "gescom.dolibarr.bankAccountId".',
                  ]
                : []),
              ...(articleCount === 0
                ? [
                    `  Articles : la gestion commerciale n’en a aucun, chaque ligne irait sur DIVERS. Chargez le catalogue de la boutique avec "${navetteCommand} articles import".`,
                  ]
                : []),
              `  Ensuite : ${navetteCommand} check-connection, puis ${navetteCommand} import --dry-run pour un aperçu.`,
            ].join('\n') + '\n',
          );
          return EXIT.ok;
        },
      ),
    );
}

/** The GesCom's own articles (DIVERS and the other special ones left out). */
async function countArticles(config: NavetteConfig): Promise<number> {
  const navette = await openNavette(config);
  try {
    return await navette.articleCount();
  } finally {
    await navette.close();
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
