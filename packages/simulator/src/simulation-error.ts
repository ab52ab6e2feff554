/** A simulation that cannot run as asked (bad input), or an engine answer the simulator did not expect. */
export class SimulationError extends Error {
  override readonly name = 'SimulationError';
}
