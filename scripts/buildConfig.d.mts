import type { BuildOptions } from 'esbuild';

export const root: string;
export const KERNEL_SOURCE: string;
export const KERNEL_BINARY: string;
export const KERNEL_COMPILER_FLAGS: string[];
export const LAZY_VENDOR: string[];
export function nodeBuildOptions(options?: { production?: boolean; outdir?: string; entryPoints?: Record<string, string> }): BuildOptions;
export function vendorBuildOptions(options?: { production?: boolean; outdir?: string }): BuildOptions;
