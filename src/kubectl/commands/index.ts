// Every kubectl command kukumber implements, one per file in this folder.
import type { CommandSpec } from '../types';
import { describeCommand } from './describe';
import { getCommand } from './get';

export const COMMANDS: CommandSpec[] = [
  getCommand,
  describeCommand,
];
