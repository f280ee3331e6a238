// `workbench bridge …`: the one command group that bridge check and install-journal hang under.
import type { Command } from 'commander';

export function bridgeCommandGroup(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'bridge') ??
    program.command('bridge').description('bridge files: how a legacy database maps to the workbench')
  );
}
