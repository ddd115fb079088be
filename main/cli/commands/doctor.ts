/** `vcheck doctor`: which optional pieces this installation has, and how to get the missing ones. */
import type { Command } from 'commander';
import { DOCTOR_COMPONENTS } from '../../../shared/doctor.js';
import type { CliContext } from '../context.js';
import { action, unwrap } from '../errors.js';
import { printJson, printTable } from '../output.js';
import { withEngine } from '../with-engine.js';

/** Registers `doctor`. */
export function registerDoctorCommand(program: Command, ctx: CliContext): void {
  program
    .command('doctor')
    .description(
      'report optional components: Electron, GPU backends, Python, LaTeX, sandbox, Chromium, models',
    )
    .option('--json', 'print one JSON object: component -> { available, detail, hint }')
    .action(
      action(async (options: { json?: boolean }) => {
        const report = await withEngine(ctx, async (client) =>
          unwrap(await client.call('doctor.report', {})),
        );
        if (options.json) return printJson(report);
        const rows = DOCTOR_COMPONENTS.map((name) => {
          const check = report[name];
          return [
            name,
            check.available ? 'yes' : 'no',
            check.available ? check.detail : `${check.detail} — ${check.hint}`,
          ];
        });
        printTable(['COMPONENT', 'OK', 'DETAIL'], rows);
      }),
    );
}
