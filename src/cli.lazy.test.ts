// The command line loads only the command group it runs (src/cli.ts): this checks that the
// lazy table defines every command exactly as the full program does, so that adding a command
// to a group or a new group cannot leave it unreachable by name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Command } from 'commander';
import { buildProgram, groupsOfCommand } from './cli.ts';

interface Shape {
  name: string;
  options: string[];
  args: string[];
  commands: Shape[];
}

function shape(command: Command): Shape {
  return {
    name: command.name(),
    options: command.options.map((o) => o.flags),
    args: command.registeredArguments.map((a) => a.name()),
    commands: command.commands.map(shape),
  };
}

test('each first word builds the same command as the full program, from its own groups only', async () => {
  const full = await buildProgram();
  const names = full.commands.map((c) => c.name());
  for (const word of Object.keys(groupsOfCommand))
    assert.ok(names.includes(word), `${word} is a command of the program`);
  for (const command of full.commands) {
    const lazy = await buildProgram(command.name());
    const same = lazy.commands.find((c) => c.name() === command.name());
    assert.ok(same, `${command.name()} is defined when it is the first word`);
    assert.deepEqual(shape(same), shape(command), command.name());
    // A group command brings at most its own groups: `calendar` does not bring `report`.
    if (groupsOfCommand[command.name()]) assert.ok(lazy.commands.length < full.commands.length, command.name());
  }
});
