export { seededRandom } from '../seededRandom';

export const DEFAULT_SEED = 20240607;
