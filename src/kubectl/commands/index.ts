// Every kubectl command kukumber implements, one per file in this folder.
import type { CommandSpec } from '../types';

export const COMMANDS: CommandSpec[] = [];
