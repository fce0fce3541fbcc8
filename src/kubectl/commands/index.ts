// Every kubectl command kukumber implements, one per file in this folder.
import type { CommandSpec } from '../types';
import { applyCommand } from './apply';
import { createCommand } from './create';
import { createNamespaceCommand } from './create_namespace';
import { deleteCommand } from './delete';
import { cordonCommand, drainCommand, uncordonCommand } from './drain';
import { annotateCommand, labelCommand } from './label';
import { scaleCommand } from './scale';
import { setImageCommand } from './set_image';
import { waitCommand } from './wait';
import { rolloutStatusCommand } from './rollout_status';
import { rolloutHistoryCommand, rolloutUndoCommand } from './rollout_history';
import { rolloutPauseCommand, rolloutRestartCommand, rolloutResumeCommand } from './rollout_pause';
import { describeCommand } from './describe';
import { getCommand } from './get';

export const COMMANDS: CommandSpec[] = [
  getCommand,
  describeCommand,
  applyCommand,
  createCommand,
  createNamespaceCommand,
  deleteCommand,
  scaleCommand,
  setImageCommand,
  labelCommand,
  annotateCommand,
  cordonCommand,
  uncordonCommand,
  drainCommand,
  waitCommand,
  rolloutStatusCommand,
  rolloutHistoryCommand,
  rolloutUndoCommand,
  rolloutPauseCommand,
  rolloutResumeCommand,
  rolloutRestartCommand,
];
