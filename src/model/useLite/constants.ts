// Kept apart from useLiteModel.ts so the extension host can name the model without bundling TensorFlow.js.
export const USE_LITE_MODEL_ID = 'use-lite-v1';
export const USE_LITE_DIMENSION = 512;
/** The graph clips every input to its first 128 tokens (ClipToMaxLength); tokens past that change nothing. */
export const USE_LITE_MAX_TOKENS = 128;
