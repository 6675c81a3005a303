// The model's public surface for features (summaries, topics, search). See /work/brief/MODEL-API.md.
export { cosine, EmbeddingCancelledError, ModelUnavailableError, ModelWorkerCrashedError, normalize } from './embeddingModel';
export type { AbortSignalLike, EmbeddingModel } from './embeddingModel';
export { EmbeddingCache } from './embeddingCache';
export { EmbeddingClient, type EmbedOptions } from './embeddingClient';
export { EmbeddingService, type EmbeddingBackend } from './embeddingService';
export { USE_LITE_DIMENSION, USE_LITE_MAX_TOKENS, USE_LITE_MODEL_ID } from './useLite/constants';
