// Custom parameter types: durations as Go writes them (30s, 5m, 1h30m, 500ms).
import { defineParameterType } from '@cucumber/cucumber';
import { parseDuration } from '../../src/sim/time';

defineParameterType({
  name: 'duration',
  regexp: /\d+(?:\.\d+)?(?:ms|s|m|h)(?:\d+(?:\.\d+)?(?:ms|s|m|h))*/,
  transformer: (text: string): number => parseDuration(text)!,
});
