import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import type { Call } from '../../ruang-kendali/briefing/build.js';
import type { Briefing } from '../../ruang-kendali/briefing/pdf.js';
import { type DataDirOption, withActions } from '../actions.js';
import { remoteCall, remoteFrom } from '../remote.js';

// ECharts and PDFKit load only when a briefing is made, not with every kendali command.
const builder = () => import('../../ruang-kendali/briefing/build.js');

interface BriefingOptions extends DataDirOption {
  output: string;
  url?: string;
  token?: string;
}

async function write(opts: BriefingOptions, make: (call: Call) => Promise<Briefing>): Promise<void> {
  const remote = remoteFrom(opts);
  const briefing = remote
    ? await make((name, input) => remoteCall(remote, name, input))
    : await withActions(opts, (call) => make(call));
  const { briefingPdf } = await import('../../ruang-kendali/briefing/pdf.js');
  const pdf = await briefingPdf(briefing);
  writeFileSync(opts.output, pdf);
  process.stdout.write(`${opts.output} ${pdf.length} bytes\n`);
}

const common = (c: Command): Command =>
  c
    .requiredOption('-o, --output <file>', 'PDF file to write')
    .option('-d, --data-dir <dir>', 'data directory (overrides KENDALI_DATA_DIR)')
    .option('--url <url>', 'a running Kendali server to read from (or KENDALI_URL)')
    .option('--token <token>', 'API token for --url (or KENDALI_TOKEN)');

/** `kendali briefing board NAME -o FILE` / `kendali briefing province CODE -o FILE`: PDF briefings. */
export function briefingCommand(): Command {
  const briefing = new Command('briefing').description('PDF briefings of the control room (Ruang Kendali)');
  common(
    briefing.command('board').description('a board as a PDF briefing').argument('<name>', 'board name'),
  ).action((name: string, opts: BriefingOptions) =>
    write(opts, async (call) => (await builder()).boardBriefing(call, name)),
  );
  common(
    briefing
      .command('province')
      .description('every indicator with a value for one province')
      .argument('<code>', 'Kemendagri province code, e.g. 32'),
  ).action((code: string, opts: BriefingOptions) =>
    write(opts, async (call) => (await builder()).provinceBriefing(call, code)),
  );
  return briefing;
}
