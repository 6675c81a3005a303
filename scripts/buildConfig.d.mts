import type { BuildOptions } from 'esbuild';

export const root: string;
export const LAZY_VENDOR: string[];
export function nodeBuildOptions(options?: { production?: boolean; outdir?: string; entryPoints?: Record<string, string> }): BuildOptions;
export function vendorBuildOptions(options?: { production?: boolean; outdir?: string }): BuildOptions;
