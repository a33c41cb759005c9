export { CheckResultSchema } from '../schemas/check-result.ts';
export { GradingBundleSchema } from '../schemas/exercise.ts';
export { RunResultSchema } from '../schemas/run-result.ts';
