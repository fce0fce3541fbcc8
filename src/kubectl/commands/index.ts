// Every kubectl command kukumber implements, one per file in this folder.
import type { CommandSpec } from '../types';
import { applyCommand } from './apply';
import { createCommand } from './create';
import { deleteCommand } from './delete';

export const COMMANDS: CommandSpec[] = [
  applyCommand,
  createCommand,
  deleteCommand,
];
