export { fetchGradingBundle } from './grading-bundle.ts';
export { pageRunner, PythonRunner, RunnerError, type RunnerState } from './python-runner.ts';
